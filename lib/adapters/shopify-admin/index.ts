// Shopify admin product details page, the seller's own listing. The admin is a client-rendered Polaris app whose
// class names are hashed and change; its HTML carries no product data (the server-data island holds a CSRF
// token only), so the rendered form is read through field names, ids, ARIA and variant links.
//   https://admin.shopify.com/store/<store>/products/<productId>
//   https://<shop>.myshopify.com/admin/products/<productId>          (pre-2023 admin)
import type { PageRead } from '../../model';
import { defineAdapter } from '../define';
import { clip, firstOf, inputValue, readStatus, TITLE } from './fields';
import { defaultVariantId, readSingleVariant } from './single-variant';
import { variantAnchors } from './variant-anchors';
import { type ProductIds, readVariantRows } from './variant-rows';

const ADMIN_PATH = /^\/store\/([a-z0-9][a-z0-9-]*)\/products\/(\d+)\/?$/i;
const LEGACY_HOST = /^([a-z0-9][a-z0-9-]*)\.myshopify\.com$/i;
const LEGACY_PATH = /^\/admin\/products\/(\d+)\/?$/;

/** Shop handle and product id from a product page URL; null for the list, `new` and every other page. */
export function productIdsFromUrl(url: URL): ProductIds | null {
  if (url.hostname === 'admin.shopify.com') {
    const m = ADMIN_PATH.exec(url.pathname);
    return m ? { shop: m[1].toLowerCase(), productId: m[2] } : null;
  }
  const shop = LEGACY_HOST.exec(url.hostname)?.[1];
  const m = LEGACY_PATH.exec(url.pathname);
  return shop && m ? { shop: shop.toLowerCase(), productId: m[1] } : null;
}

// The Shopify login (accounts.shopify.com, where a signed-out admin redirects) and the old store login form.
const LOGIN = [
  '#account_email',
  'input[name="account[email]"]',
  '#account_password',
  'form[action*="accounts.shopify.com"]',
  'form[action*="/lookup"]',
  'input[type="password"]',
];
// Polaris loading markers: the frame's progress bar, skeleton pages, busy regions.
const LOADING = '[role="progressbar"], [aria-busy="true"], [class*="Skeleton"]';

function readAdminProduct(doc: Document, url: URL): PageRead {
  const ids = productIdsFromUrl(url);
  if (!ids) return { ok: false, reason: 'not-a-product-page', detail: 'Not a Shopify admin product page' };
  const productKey = `shopify:${ids.shop}:${ids.productId}`;
  const title = firstOf(doc, TITLE);
  if (!title) {
    if (firstOf(doc, LOGIN)) {
      return {
        ok: false,
        reason: 'login-wall',
        detail: 'Log in to your Shopify admin to read this product',
        productKey,
      };
    }
    const detail = doc.querySelector(LOADING)
      ? 'Could not find the product form: the Shopify admin is still loading this product'
      : 'Could not find the product form (no title field) on this Shopify admin page; the admin layout may have changed';
    return { ok: false, reason: 'layout-changed', detail, productKey };
  }

  const status = readStatus(doc);
  const scope = title.el.closest('form') ?? doc.querySelector('main') ?? doc.body;
  const anchors = variantAnchors(doc, ids.productId);
  let { variants, evidence: variantsEvidence } = readVariantRows(doc, ids, anchors, scope, status);
  if (variants.length === 0) {
    const single = defaultVariantId(doc, anchors);
    const variant = single && readSingleVariant(doc, ids, single.id, status);
    if (!single || !variant) {
      const detail = single
        ? 'Found the product form but no price or inventory fields; the admin layout may have changed'
        : 'Found the product form but no variant rows or default variant id; the admin layout may have changed';
      return { ok: false, reason: 'layout-changed', detail, productKey };
    }
    variants = [variant];
    variantsEvidence = single.evidence;
  }
  return {
    ok: true,
    products: [{ key: productKey, title: clip(inputValue(title.el), 500), variants }],
    evidence: [`dom:${title.selector}`, variantsEvidence, ...(status ? [status.evidence] : [])],
  };
}

export default defineAdapter({
  id: 'shopify-admin',
  name: 'Shopify admin',
  role: 'listing',
  // Keys name the channel (`shopify:<shop>:<product>:<variant>`), shared with the channel API later.
  keyPrefix: 'shopify',
  matches: ['https://admin.shopify.com/store/*/products/*', 'https://*.myshopify.com/admin/products/*'],
  test: (url) => productIdsFromUrl(url) !== null,
  read: readAdminProduct,
});
