// Any WooCommerce product page (supplier side), on origins the seller grants: every variation with its own
// count where the store manages stock ("12 in stock"), a simple product as its one `default` variant.
//   /product/<slug>/ (or a translated base: /produkt/, /produit/, /producto/, /prodotto/), /shop/<slug>/, ?product=<slug>
import { readBotWall } from '../../extract/bot-wall';
import { readJsonLdProducts } from '../../extract/jsonld';
import { parseMoney } from '../../extract/money';
import { cleanText } from '../../extract/text';
import type { PageRead, PageReadFailure, Variant } from '../../model';
import { defineAdapter } from '../define';
import { isWooCommercePage, showsComingSoon } from './platform';
import { readSimpleProduct } from './simple';
import { readVariationForm } from './variations';

const PRODUCT_PATH =
  /^(?:\/[a-z]{2}(?:[-_][a-z]{2})?)?\/(?:product|produkt|produit|producto|prodotto|shop)\/(?:[^/]+\/)?([^/]+)\/?$/i;
const ARCHIVE_PAGE = /\/page\/\d+\/?$/;
/** The shop's own admin (a sub-path install puts it at /shop/wp-admin/…): the woocommerce-admin adapter's. */
const ADMIN_PAGE = /\/wp-(?:admin|login\.php)(?:\/|$)/;

const slugOf = (url: URL): string | undefined =>
  PRODUCT_PATH.exec(url.pathname)?.[1] ?? url.searchParams.get('product') ?? undefined;

/** The page's own product id: WordPress's `postid-<n>` body class, else the add-to-cart form's. */
function productIdOf(doc: Document): string | null {
  const fromBody = /(?:^|\s)postid-(\d+)(?:\s|$)/.exec(doc.body?.getAttribute('class') ?? '')?.[1];
  if (fromBody) return fromBody;
  const form = doc.querySelector(
    'form.cart [name="add-to-cart"], form.variations_form, div.type-product[id^="product-"]',
  );
  const value =
    form?.getAttribute('value') ?? form?.getAttribute('data-product_id') ?? form?.id.replace('product-', '');
  return value && /^\d+$/.test(value) ? value : null;
}

/** The store's currency: JSON-LD offers name it; else OpenGraph; else the symbol in the shown price. */
function currencyOf(doc: Document, root: ParentNode, ldCurrency: string | undefined): string | null {
  const og = doc.querySelector('meta[property="product:price:currency"]')?.getAttribute('content')?.trim();
  const shown = root.querySelector('.price .woocommerce-Price-amount')?.textContent ?? '';
  return ldCurrency ?? (og && /^[A-Z]{3}$/.test(og) ? og : null) ?? parseMoney(shown)?.currency ?? null;
}

export function readWooCommerceProduct(doc: Document, url: URL): PageRead {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const fail = (reason: PageReadFailure['reason'], detail: string, productKey?: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (showsComingSoon(doc)) {
    return fail(
      'login-wall',
      'This WooCommerce store is in "coming soon" mode: log in to it in this browser, then reopen the product',
    );
  }
  if (!isWooCommercePage(doc)) {
    const wall = readBotWall(doc);
    if (wall) return fail('captcha', `${wall} is checking this browser on the store: open the page and pass the check`);
    return fail('not-a-product-page', 'Not a WooCommerce store page');
  }
  const slug = slugOf(url);
  if (slug && doc.body?.classList.contains('error404')) {
    // A 404 names no product id: the slug is all there is (the background matches it by URL).
    const key = `woocommerce-store:${host}:slug:${slug}`;
    return { ok: true, products: [{ key, title: slug, variants: [], removed: true }], evidence: ['dom:body.error404'] };
  }
  const productId = productIdOf(doc);
  if (!productId || !doc.querySelector('body.single-product, .type-product .summary, form.cart')) {
    return fail('not-a-product-page', 'Not a WooCommerce product page: open a product to read it');
  }
  const productKey = `woocommerce-store:${host}:${productId}`;
  if (doc.querySelector('form.post-password-form')) {
    return fail(
      'login-wall',
      'This product is password-protected: enter its password on the page, then reopen it',
      productKey,
    );
  }

  const root = doc.getElementById(`product-${productId}`) ?? doc.querySelector('.type-product') ?? doc.body;
  const ld = readJsonLdProducts(doc).find((p) => p.offers.length > 0);
  const currency = currencyOf(doc, root, ld?.offers.find((o) => o.price)?.price?.currency);
  const title = (
    cleanText(root.querySelector('.product_title')?.textContent) ||
    ld?.name ||
    cleanText(doc.querySelector('h1')?.textContent)
  ).slice(0, 500);
  const ok = (variants: Variant[], evidence: string[]): PageRead => ({
    ok: true,
    products: [{ key: productKey, title, variants }],
    evidence,
  });
  const layoutChanged = (what: string) =>
    fail(
      'layout-changed',
      `WooCommerce product page without ${what} where Oversell Guard reads it (the theme or a plugin changed it)`,
      productKey,
    );

  const form = root.querySelector('form.variations_form') ?? doc.querySelector('form.variations_form');
  if (form) {
    const read = readVariationForm(form, root, productKey, currency);
    return read ? ok(read.variants, read.evidence) : layoutChanged('variation data');
  }
  // A variable product whose variation form a theme or plugin replaced: its page-wide status is no variant's.
  if (root.classList.contains('product-type-variable')) return layoutChanged('variation data');
  const simple = readSimpleProduct(root, ld, productKey, currency);
  return simple ? ok([simple.variant], simple.evidence) : layoutChanged('a stock status');
}

export default defineAdapter({
  id: 'woocommerce-store',
  name: 'WooCommerce store',
  role: 'supplier',
  dynamic: true,
  // Registered only on origins the seller grants; `test` and the page itself decide.
  matches: ['product', 'produkt', 'produit', 'producto', 'prodotto', 'shop']
    .flatMap((base) => [`*://*/${base}/*`, `*://*/*/${base}/*`])
    .concat('*://*/*product=*'),
  test: (url) =>
    !ADMIN_PAGE.test(url.pathname) &&
    ((PRODUCT_PATH.test(url.pathname) && !ARCHIVE_PAGE.test(url.pathname)) ||
      /^[\w-]+$/.test(url.searchParams.get('product') ?? '')),
  read: readWooCommerceProduct,
});
