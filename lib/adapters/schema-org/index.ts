// The fallback for any product page the seller grants that no store adapter reads: the schema.org product
// the page declares (JSON-LD Product or ProductGroup, then microdata, then OpenGraph product tags), with the
// stock line of its product area. A page that declares no product is not a product page, never stock.
import { readBotWall } from '../../extract/bot-wall';
import { readJsonLdProducts } from '../../extract/jsonld';
import { readMicrodataProducts } from '../../extract/microdata';
import { readOpenGraphProduct } from '../../extract/opengraph';
import type { StructuredProduct } from '../../extract/structured';
import { cleanText } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { isShopifyStorefront } from '../shopify-store/platform';
import { isWooCommercePage } from '../woocommerce-store/platform';
import { findProductArea, readAreaRemoved, readAreaStock } from './product-area';
import { readSchemaVariants } from './variants';

// Pages a shop has that are never a product: the home page is refused by `test` too.
const NOT_PRODUCT =
  /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:cart|basket|checkout|warenkorb|kasse|panier|carrito|my-account|account|login|search|blog|wp-admin|wp-login\.php)(?:[/.?]|$)/i;
/** More products than this on one page is a listing (a category, search results), not a product page. */
const MAX_PRODUCTS = 2;

/** The page's product: the first that states offers or variants, in the most reliable format that has one. */
function declaredProduct(doc: Document): StructuredProduct | 'listing' | null {
  for (const read of [readJsonLdProducts, readMicrodataProducts]) {
    const products = read(doc);
    const sold = products.filter((p) => p.offers.length > 0 || p.variants.length > 0);
    if (new Set(sold.map((p) => p.productId ?? p.sku ?? p.name)).size > MAX_PRODUCTS) return 'listing';
    if (sold.length) return sold[0];
    if (products.length) return products[0];
  }
  return readOpenGraphProduct(doc);
}

/** productID, else SKU, else GTIN, else the canonical URL's path: what names this product on this site. */
function productIdOf(doc: Document, url: URL, product: StructuredProduct | null): string {
  const declared = product?.productId ?? product?.sku ?? product?.gtin;
  if (declared) return declared.slice(0, 200);
  let path = url.pathname;
  try {
    path = new URL(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '', url).pathname;
  } catch {
    // a broken canonical link: the page's own path
  }
  return path.replace(/\/+$/, '').slice(0, 200) || '/';
}

export function readSchemaOrgProduct(doc: Document, url: URL): PageRead {
  const fail = (reason: PageReadFailure['reason'], detail: string, productKey?: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  // Their own readers run on the same granted origin: a second reading here would list the product twice.
  const platform = isShopifyStorefront(doc) ? 'Shopify' : isWooCommercePage(doc) ? 'WooCommerce' : null;
  if (platform) return fail('not-a-product-page', `A ${platform} store page: the ${platform} store reader reads it`);
  const declared = declaredProduct(doc);
  if (declared === 'listing') return fail('not-a-product-page', 'This page lists several products: open one of them');
  const area = findProductArea(doc);
  const pageSignals = area ? readAreaStock(area) : [];
  // A product container with one stock line and a heading stands for a product even without structured data.
  const standsAlone = !declared && area?.specific && pageSignals.length === 1 && area.root.querySelector('h1');
  if (!declared && !standsAlone) {
    const wall = readBotWall(doc);
    if (wall) return fail('captcha', `${wall} is checking this browser on the site: open the page and pass the check`);
    return fail('not-a-product-page', 'No product is declared on this page (no schema.org Product, no product tags)');
  }

  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const productKey = `schema-org:${host}:${productIdOf(doc, url, declared)}`;
  const heading = cleanText((area?.root ?? doc).querySelector('h1')?.textContent);
  const title = (declared?.name ?? (heading || cleanText(doc.querySelector('title')?.textContent))).slice(0, 500);
  const removed = area && readAreaRemoved(area);
  if (removed) {
    return {
      ok: true,
      products: [{ key: productKey, title, variants: [], removed: true }],
      evidence: [`text:${removed}`],
    };
  }
  const product: StructuredProduct = declared ?? { source: 'og', offers: [], variants: [] };
  const variants = readSchemaVariants(product, productKey, pageSignals);
  // A product the page declares without saying, anywhere we read, whether it can be bought.
  if (variants.every((v) => v.stock.kind === 'unknown')) {
    return fail(
      'layout-changed',
      'The page declares this product but no availability where Oversell Guard reads it',
      productKey,
    );
  }
  const shown = variants.length === 1 ? pageSignals.map((s) => s.source) : [];
  const evidence = declared ? [declared.source, ...shown] : shown;
  return { ok: true, products: [{ key: productKey, title, variants }], evidence: evidence.slice(0, 8) };
}

export default defineAdapter({
  id: 'schema-org',
  name: 'Any shop (schema.org)',
  role: 'supplier',
  dynamic: true,
  // Registered only on origins the seller grants, after every store-specific adapter; the page decides.
  matches: ['*://*/*'],
  test: (url) => url.pathname !== '/' && !NOT_PRODUCT.test(url.pathname),
  read: readSchemaOrgProduct,
});
