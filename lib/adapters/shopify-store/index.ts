// Any Shopify storefront's product page (supplier side), on origins the seller grants: every variant with
// its availability, price and options. Storefronts publish `available`, not counts: a variant is `exact`
// only where the theme prints a count for it, which is the selected variant at most.
//   https://<store>/products/<handle>, /collections/<c>/products/<handle>, /de/products/<handle>
import { readBotWall } from '../../extract/bot-wall';
import { getPath, inlineScripts } from '../../extract/embedded-json';
import { readJsonLdProducts } from '../../extract/jsonld';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { isShopifyStorefront, PASSWORD_PATH, readNotFound, showsPasswordPage } from './platform';
import { readThemeData, shopifyId } from './product-data';
import { ownJsonLd, readOptionNames, readSelectedNotices, readSelectedVariantId } from './selected';
import { VariantDrafts } from './variants';

const PRODUCT_PATH = /^(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,4})?)?(?:\/collections\/[^/]+)?\/products\/([^/.]+)\/?$/i;

// The main product section: Dawn's <product-info> / #MainProduct-*, Debut-era [data-section-type="product"].
// Recommendations and quick-add forms elsewhere on the page carry other products' forms and notices.
const BUY_BOX = 'product-info, [id^="MainProduct-"], [data-section-type="product"], .product-single, main';
const TITLE = 'meta[property="og:title"]';

/** The store's host without `www.`: Shopify serves a store on its primary domain, with or without it. */
export const shopHost = (url: URL): string => url.hostname.toLowerCase().replace(/^www\./, '');

export function shopifyProductKey(url: URL, productId: string): string {
  return `shopify-store:${shopHost(url)}:${productId}`;
}

function productTitle(doc: Document, product: Record<string, unknown> | null, jsonLdName?: string): string {
  const fromTheme = typeof product?.title === 'string' ? product.title.trim() : '';
  const og = doc.querySelector(TITLE)?.getAttribute('content')?.trim();
  const h1 = doc.querySelector('h1')?.textContent?.trim();
  return (fromTheme || jsonLdName || og || h1 || '').replace(/\s+/g, ' ').slice(0, 500);
}

export function readShopifyProduct(doc: Document, url: URL): PageRead {
  const handle = PRODUCT_PATH.exec(url.pathname)?.[1];
  const fail = (reason: PageReadFailure['reason'], detail: string, productKey?: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  const storefront = isShopifyStorefront(doc);
  if (showsPasswordPage(doc, url, storefront)) {
    return fail(
      'login-wall',
      'This Shopify store is password-protected: enter its password in this browser, then reopen the product',
    );
  }
  if (!storefront) {
    const wall = readBotWall(doc);
    if (wall) return fail('captcha', `${wall} is checking this browser on the store: open the page and pass the check`);
    return fail('not-a-product-page', 'Not a Shopify store page');
  }
  if (!handle) return fail('not-a-product-page', 'Not a Shopify product page: open a product (…/products/…)');
  const notFound = readNotFound(doc);
  if (notFound) {
    // A 404 names no product id: the handle is all there is (the background matches it by URL).
    const key = `shopify-store:${shopHost(url)}:handle:${handle}`;
    return { ok: true, products: [{ key, title: handle, variants: [], removed: true }], evidence: [notFound] };
  }

  const buyBox = doc.querySelector(BUY_BOX) ?? doc;
  const theme = readThemeData(doc, buyBox, inlineScripts(doc));
  const pageId = getPath(theme.meta, 'page.pageType') === 'product' ? getPath(theme.meta, 'page.resourceId') : null;
  const jsonLd = readJsonLdProducts(doc);
  const productId =
    shopifyId(theme.product?.id) ??
    shopifyId(getPath(theme.meta, 'product.id')) ??
    shopifyId(pageId) ??
    jsonLd.map((p) => shopifyId(p.productId)).find(Boolean) ??
    shopifyId(buyBox.querySelector('input[name="product-id"]')?.getAttribute('value'));
  const layoutChanged = (what: string, productKey?: string) =>
    fail(
      'layout-changed',
      `Shopify store page without ${what} where Oversell Guard reads it (the theme may have changed)`,
      productKey,
    );
  if (!productId) return layoutChanged('a product id');
  const productKey = shopifyProductKey(url, productId);

  const drafts = new VariantDrafts();
  for (const source of theme.sources) drafts.addSource(source, theme.currency);
  const ownLd = ownJsonLd(jsonLd, productId, handle);
  drafts.addJsonLd(ownLd, theme.sources.length === 0);
  drafts.addSelectOptions(Array.from(buyBox.querySelectorAll('select[name="id"] option')));
  const selected = readSelectedVariantId(url, buyBox, drafts);
  for (const notice of readSelectedNotices(buyBox)) drafts.addNotice(selected, notice);
  if (drafts.byId.size === 0) return layoutChanged('variants', productKey);
  if (!drafts.hasStock) return layoutChanged('any variant availability', productKey);

  const variants = drafts.toVariants(productKey, readOptionNames(theme.product, buyBox));
  const sources = [
    ...theme.sources.filter((s) => !s.path.startsWith('ShopifyAnalytics')).map((s) => `embedded-json:${s.path}`),
    ...(ownLd.length ? ['json-ld'] : []),
  ];
  const title = productTitle(doc, theme.product, ownLd[0]?.name);
  return { ok: true, products: [{ key: productKey, title, variants }], evidence: sources.slice(0, 8) };
}

export default defineAdapter({
  id: 'shopify-store',
  name: 'Shopify store',
  role: 'supplier',
  dynamic: true,
  // Registered only on origins the seller grants; `test` and the page itself decide.
  matches: ['*://*/products/*', '*://*/*/products/*', '*://*/password', '*://*/*/password'],
  test: (url) => PRODUCT_PATH.test(url.pathname) || PASSWORD_PATH.test(url.pathname),
  read: readShopifyProduct,
});
