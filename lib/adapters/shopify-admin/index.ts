// Shopify admin, the seller's own listings: the product details page, the products list and the inventory page.
// The admin is a client-rendered Polaris app whose class names are hashed and change; its HTML carries no product
// data (the server-data island holds a CSRF token only), so the rendered page is read through field names, ids,
// ARIA, links to products and variants, and (on the lists) column headings and badges. See admin-page.ts for URLs.
import { cleanText } from '../../extract/text';
import type { PageRead } from '../../model';
import { defineAdapter } from '../define';
import { type AdminPage, adminPageOf } from './admin-page';
import { EMPTY_LIST } from './admin-wording';
import { clip, firstOf, inputValue, readStatus, TITLE } from './fields';
import { readInventoryList } from './inventory-list';
import { PRODUCT_LINK_EVIDENCE, readProductList } from './product-list';
import { defaultVariantId, readSingleVariant } from './single-variant';
import { variantAnchors } from './variant-anchors';
import { type ProductIds, readVariantRows } from './variant-rows';

/** Shop handle and product id from a product page URL; null for the lists, `new` and every other page. */
export function productIdsFromUrl(url: URL): ProductIds | null {
  const page = adminPageOf(url);
  return page?.kind === 'product' ? { shop: page.shop, productId: page.productId } : null;
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

// What each page shows when it is readable: `rows`, found `by` something stable.
const WHAT: Record<AdminPage['kind'], { noun: string; rows: string; by: string }> = {
  product: { noun: 'this product', rows: 'the product form', by: 'no title field' },
  list: { noun: 'your products', rows: 'any product rows', by: 'links to /products/<id>' },
  inventory: { noun: 'your inventory', rows: 'any inventory rows', by: 'links to /products/<id>/variants/<id>' },
};

/** Why a page shows nothing to read: signed out, still rendering, an empty list, or a layout we do not know. */
function unreadable(doc: Document, page: AdminPage, productKey?: string): PageRead {
  const { noun, rows, by } = WHAT[page.kind];
  const key = productKey ? { productKey } : {};
  if (firstOf(doc, LOGIN)) {
    return { ok: false, reason: 'login-wall', detail: `Log in to your Shopify admin to read ${noun}`, ...key };
  }
  const loading = doc.querySelector(LOADING);
  if (!loading && page.kind !== 'product' && showsEmptyList(doc)) {
    return {
      ok: false,
      reason: 'not-a-product-page',
      detail: 'The listings page shows no listings (empty list or filter)',
    };
  }
  const detail = loading
    ? `Could not find ${rows}: the Shopify admin is still loading ${noun}`
    : `Could not find ${rows} (${by}) on this Shopify admin page; the admin layout may have changed`;
  return { ok: false, reason: 'layout-changed', detail, ...key };
}

/** The empty state ("Add your products") or the empty search result of a filtered view ("No products found"). */
function showsEmptyList(doc: Document): boolean {
  for (const el of doc.querySelectorAll('main h2, main h3, main p')) {
    if (EMPTY_LIST.test(cleanText(el.textContent))) return true;
  }
  return false;
}

function readAdminProduct(doc: Document, page: Extract<AdminPage, { kind: 'product' }>): PageRead {
  const ids: ProductIds = { shop: page.shop, productId: page.productId };
  const productKey = `shopify:${ids.shop}:${ids.productId}`;
  const title = firstOf(doc, TITLE);
  if (!title) return unreadable(doc, page, productKey);

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

function readAdminPage(doc: Document, url: URL): PageRead {
  const page = adminPageOf(url);
  if (!page) return { ok: false, reason: 'not-a-product-page', detail: 'Not a Shopify admin product page or list' };
  if (page.kind === 'product') return readAdminProduct(doc, page);
  if (page.kind === 'inventory') return readInventoryList(doc, page.shop) ?? unreadable(doc, page);
  const products = readProductList(doc, page.shop);
  if (products.length === 0) return unreadable(doc, page);
  return { ok: true, products: products.slice(0, 5000), evidence: [PRODUCT_LINK_EVIDENCE] };
}

export default defineAdapter({
  id: 'shopify-admin',
  name: 'Shopify admin',
  role: 'listing',
  // Keys name the channel (`shopify:<shop>:<product>:<variant>`), shared with the channel API later.
  keyPrefix: 'shopify',
  // Every admin page, though only product pages, the products list and the inventory page are read (`test`):
  // the admin is a single-page app, and a seller who starts at Home and clicks through to Products never
  // loads a products URL, so the script must already be there to re-read on navigation.
  matches: ['https://admin.shopify.com/store/*', 'https://*.myshopify.com/admin/*'],
  test: (url) => adminPageOf(url) !== null,
  read: readAdminPage,
});
