// Amazon product pages (supplier side) on nine marketplaces: every child ASIN of the variation family,
// the selected one from its buy box, the others from their swatches; captcha, sign-in and the 404 dog page
// told apart. Keys: `amazon:<marketplace>:<parent ASIN>:<child ASIN>`, the marketplace being the domain
// suffix (`com`, `co.uk`, `de`), because the same ASIN is a different offer on each marketplace.
import { inlineScripts } from '../../extract/embedded-json';
import { decideStock, unknownStock } from '../../extract/stock';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure, Variant } from '../../model';
import { defineAdapter } from '../define';
import { readBuyBox } from './buy-box';
import type { SwatchReading } from './swatches';
import { readSwatches } from './swatches';
import { asinOf, optionsOf, readTwister, TWISTER_SOURCE } from './twister';

/** Marketplace (domain suffix) -> the currency its prices are in. */
const MARKETPLACES: Record<string, string> = {
  com: 'USD',
  'co.uk': 'GBP',
  de: 'EUR',
  fr: 'EUR',
  es: 'EUR',
  it: 'EUR',
  ca: 'CAD',
  'co.jp': 'JPY',
  'com.au': 'AUD',
};
const HOST = /^(?:www\.)?amazon\.(com|co\.uk|de|fr|es|it|ca|co\.jp|com\.au)$/;
/** `/dp/<ASIN>`, `/<slug>/dp/<ASIN>`, `/gp/product/<ASIN>`, and the language-switched `/-/en/dp/<ASIN>`. */
const PRODUCT_PATH = /^\/(?:[^/]+\/){0,2}(?:dp|gp\/product)\/([A-Za-z0-9]{10})(?:[/?]|$)/;
const CAPTCHA_PATH = /^\/errors\/validateCaptcha/;
const SIGN_IN_PATH = /^\/ap\/signin/;
// The robot check posts to /errors/validateCaptcha; the sign-in form is named signIn.
const CAPTCHA = 'form[action*="validateCaptcha"]';
const SIGN_IN = 'form[name="signIn"], #ap_login_form';
// The "Dogs of Amazon" 404 page: its logo and links carry ref=cs_404_*; the message is the alt of an image.
const DOG_PAGE = 'a[href*="ref=cs_404"]';
const DOG_MESSAGE = 'a[href*="cs_404_link"] img[alt]';

const CAPTCHA_DETAIL = 'Amazon is showing a captcha: open the page and solve it';
const SIGN_IN_DETAIL = 'Amazon asks you to sign in before showing this product: sign in, then open the page again';
const LAYOUT_CHANGED_DETAIL =
  'Amazon changed this page: no stock where Oversell Guard reads it (the adapter needs an update)';
const NO_SWATCHES = new Map<string, SwatchReading>();
const NOT_SELECTED = 'Amazon shows stock only for the selected variant, and no swatch on the page marks this one';

/** The ASIN a URL is about: its own path, or the product page a captcha or sign-in will return to. */
function asinFromUrl(url: URL): string | null {
  const own = PRODUCT_PATH.exec(url.pathname)?.[1];
  if (own) return own.toUpperCase();
  const back = url.searchParams.get('amzn-r') ?? url.searchParams.get('openid.return_to') ?? '';
  try {
    return PRODUCT_PATH.exec(new URL(back, url.origin).pathname)?.[1]?.toUpperCase() ?? null;
  } catch {
    return null;
  }
}

export function readAmazonProduct(doc: Document, url: URL): PageRead {
  const market = HOST.exec(url.hostname)?.[1];
  const urlAsin = asinFromUrl(url);
  const urlKey = market && urlAsin ? `amazon:${market}:${urlAsin}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string, key = urlKey): PageReadFailure =>
    key ? { ok: false, reason, detail, productKey: key } : { ok: false, reason, detail };
  if (CAPTCHA_PATH.test(url.pathname) || doc.querySelector(CAPTCHA)) return fail('captcha', CAPTCHA_DETAIL);
  if (SIGN_IN_PATH.test(url.pathname) || doc.querySelector(SIGN_IN)) return fail('login-wall', SIGN_IN_DETAIL);
  if (!market || !urlKey || !urlAsin || !PRODUCT_PATH.test(url.pathname)) {
    return fail('not-a-product-page', 'Not an Amazon product page: open a product (/dp/…) to read it');
  }
  if (doc.querySelector(DOG_PAGE) && !doc.getElementById('productTitle')) {
    const said = cleanText(doc.querySelector(DOG_MESSAGE)?.getAttribute('alt')).slice(0, 200) || 'Page Not Found';
    return {
      ok: true,
      products: [{ key: urlKey, title: '', variants: [], removed: true }],
      evidence: [`text:${said}`],
    };
  }

  const currency = MARKETPLACES[market];
  const twister = readTwister(inlineScripts(doc));
  const current = asinOf(doc.querySelector('input#ASIN')?.getAttribute('value')) ?? twister?.currentAsin ?? urlAsin;
  const productKey = `amazon:${market}:${twister?.parentAsin ?? current}`;
  const title = (textOf(doc, '#productTitle') ?? cleanText(doc.querySelector('title')?.textContent)).slice(0, 500);
  const buyBox = readBuyBox(doc, currency);
  const buyBoxStock = buyBox.signals.length
    ? decideStock(buyBox.signals)
    : buyBox.otherSellersOnly
      ? {
          stock: unknownStock("Amazon shows no buy box, only other sellers' offers ('See All Buying Options')"),
          evidence: ['dom:#buybox-see-all-buying-choices'],
        }
      : null;

  const variants: Variant[] = [];
  const children = twister ? [...twister.children].sort(([, a], [, b]) => compareIndices(a, b)) : [];
  const swatches = twister && children.length ? readSwatches(doc, twister, current, currency) : NO_SWATCHES;
  for (const [asin] of children.slice(0, 5000)) {
    const options = optionsOf(twister!, asin);
    const swatch = swatches.get(asin);
    const decided = asin === current ? buyBoxStock : swatch ? decideStock(swatch.signals) : null;
    const price = asin === current ? buyBox.price : swatch?.price;
    variants.push({
      key: `${productKey}:${asin}`,
      label: (Object.values(options).join(' / ') || asin).slice(0, 300),
      sku: asin,
      options,
      ...(decided ?? { stock: unknownStock(NOT_SELECTED), evidence: [`${TWISTER_SOURCE}.dimensionValuesDisplayData`] }),
      ...(price && { price }),
    });
  }
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (!buyBoxStock && swatches.size === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL, productKey);
  if (!variants.length && buyBoxStock) {
    // A product without variations: the buy box is the one purchasable item.
    const { price } = buyBox;
    variants.push({
      key: `${productKey}:default`,
      label: 'Default',
      sku: current,
      options: {},
      ...buyBoxStock,
      ...(price && { price }),
    });
  }
  const first = variants.find((v) => v.sku === current) ?? variants[0];
  const evidence = [
    ...first.evidence.slice(0, 2),
    ...(twister ? [`${TWISTER_SOURCE}.dimensionValuesDisplayData`] : []),
  ];
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

/** Children in the order shoppers see the values: first dimension, then the next. */
function compareIndices(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
  }
  return 0;
}

const PATHS = ['/dp/*', '/*/dp/*', '/gp/product/*', '/errors/validateCaptcha*', '/ap/signin*'];

export default defineAdapter({
  id: 'amazon',
  name: 'Amazon',
  role: 'supplier',
  matches: Object.keys(MARKETPLACES).flatMap((tld) => PATHS.map((path) => `*://*.amazon.${tld}${path}`)),
  // Sign-in and captcha pages only when they will return to a product page.
  test: (url) => HOST.test(url.hostname) && asinFromUrl(url) !== null,
  read: readAmazonProduct,
});
