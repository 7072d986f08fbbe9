// CJdropshipping product pages (supplier side): every variant's stock per warehouse and its USD price from
// the `productDetailData` the page inlines; the login prompt that hides counts from guests, removed products
// and the Cloudflare challenge told apart.
import { inlineScripts } from '../../extract/embedded-json';
import { readRemovedText } from '../../extract/phrases';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { findProductData, readCjProduct } from './product-data';
import type { MissingCount } from './variants';
import { readVariants } from './variants';

/** `/product/<slug>-p-<pid>.html`: pids are long numbers, or UUIDs on products listed before 2021. */
const PRODUCT_PATH =
  /^\/product\/(?:[^/]*-)?p-(\d{6,25}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})\.html$/i;

// Cloudflare's challenge, served under the product URL itself. Not its Bot Fight Mode script: ordinary pages carry it.
const CHALLENGE =
  '#challenge-form, #challenge-stage, #challenge-running, #cf-challenge-running, .cf-browser-verification';
const CHALLENGE_TITLE = /just a moment|attention required|checking your browser/i;
// Guests see "Login to view" (登录后查看) where the counts go; pages that show nothing to guests show a login form.
const LOGIN_WORDS = /log\s*in|sign\s*in|登录|登入/i;
const COUNT_SLOTS = '[class*="inventory"], [class*="stock"]';
// A login form's password field; not any password field (a hidden sign-in dialog may sit on every page).
const LOGIN_FORM = 'form[action*="login"] input[type="password"], [id*="login"] input[type="password"]';
// "Product removed. You may post a sourcing request": never read from scripts, the i18n bundle holds it on every page.
const REMOVED_NOTICE = 'h1, h2, [class*="removed"], [class*="not-found"], [class*="off-shelf"]';

const CAPTCHA_DETAIL = 'CJdropshipping is showing a browser check (Cloudflare): open the page and complete it';
const LOGIN_DETAIL =
  'CJdropshipping shows this product only to logged-in users: log in to cjdropshipping.com and reload';
const HIDDEN_REASON = 'CJdropshipping shows inventory only to logged-in users: log in and reload the page';
const NO_COUNT_REASON = 'CJdropshipping gave no inventory count for this warehouse';
const STALE_DETAIL = 'CJdropshipping showed this product without reloading the page: reload it to read it';
const LAYOUT_CHANGED_DETAIL =
  'CJdropshipping changed this page: no variant data where Oversell Guard reads it (the adapter needs an update)';

const texts = (doc: Document, selector: string): string[] =>
  Array.from(doc.querySelectorAll(selector))
    .slice(0, 50)
    .map((el) => cleanText(el.textContent).slice(0, 200))
    .filter(Boolean);

/** The login prompt standing where inventory counts would be, if there is one. */
function loginPrompt(doc: Document): string | null {
  for (const slot of texts(doc, COUNT_SLOTS)) {
    const words = LOGIN_WORDS.exec(slot);
    if (words) return slot.length <= 40 ? slot : words[0];
  }
  return null;
}

function missingCount(doc: Document): () => MissingCount {
  let found: MissingCount | undefined;
  return () => {
    if (!found) {
      const prompt = loginPrompt(doc);
      found = prompt
        ? { reason: HIDDEN_REASON, evidence: [`text:${prompt}`] }
        : { reason: NO_COUNT_REASON, evidence: [] };
    }
    return found;
  };
}

// Every Cloudflare challenge configures itself in an inline `window._cf_chl_opt`, whatever its markup.
const showsChallenge = (doc: Document, scripts: string[]): boolean =>
  CHALLENGE_TITLE.test(doc.title) || !!doc.querySelector(CHALLENGE) || scripts.some((s) => s.includes('_cf_chl_opt'));

/** og:title without the site name ("… - CJdropshipping"). */
const ogTitle = (doc: Document): string =>
  cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).replace(
    /\s+[-|]\s+CJ\s*dropshipping.*$/i,
    '',
  );

export function readCjProductPage(doc: Document, url: URL): PageRead {
  const pid = PRODUCT_PATH.exec(url.pathname)?.[1];
  const productKey = pid ? `cjdropshipping:${pid}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };

  const scripts = inlineScripts(doc);
  const data = findProductData(scripts);
  const product = data && readCjProduct(data);
  if (!product && showsChallenge(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not a CJdropshipping product page: open a product to read it');

  // Navigated in place: the inline data still describes the product the page was loaded with.
  if (product?.pid && product.pid.toLowerCase() !== pid?.toLowerCase()) return fail('layout-changed', STALE_DETAIL);
  // Not the h1 when there is no product: on a removed product it holds the notice.
  const title = (product?.title ?? ogTitle(doc)).slice(0, 500);
  // With a product, only its heading is asked (the first h1: no walk over a 2 MB page); the wider search for a
  // removal notice runs only when there is no product to read.
  const removed = (product ? [textOf(doc, 'h1') ?? ''] : texts(doc, REMOVED_NOTICE)).map(readRemovedText).find(Boolean);
  if (removed)
    return {
      ok: true,
      products: [{ key: productKey, title, variants: [], removed: true }],
      evidence: [`text:${removed}`],
    };
  if (!product) {
    const loginForm = !!doc.querySelector(LOGIN_FORM) || loginPrompt(doc);
    return loginForm ? fail('login-wall', LOGIN_DETAIL) : fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  }
  const variants = readVariants(product, productKey, missingCount(doc));
  if (variants.length === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  // Counts hidden behind a login and no warehouse to key them by: nothing here a link could use.
  if (variants.every((v) => v.stock.kind === 'unknown' && !v.options['Ships From']) && loginPrompt(doc)) {
    return fail('login-wall', LOGIN_DETAIL);
  }
  return {
    ok: true,
    products: [{ key: productKey, title, variants }],
    evidence: [`embedded-json:productDetailData.${product.variantsPath}`],
  };
}

export default defineAdapter({
  id: 'cjdropshipping',
  name: 'CJdropshipping',
  role: 'supplier',
  matches: ['*://cjdropshipping.com/product/*', '*://www.cjdropshipping.com/product/*'],
  test: (url) => PRODUCT_PATH.test(url.pathname),
  read: readCjProductPage,
});
