// Walmart item pages (supplier side): every variant with its own availability and price from the
// __NEXT_DATA__ the Next.js page ships, the visible "Only N left" of the selected one, the removed notice,
// and the "Robot or human?" press-and-hold wall. Keys: `walmart:<primary usItemId>:<variant usItemId>`.
import { getPath, readJsonScript } from '../../extract/embedded-json';
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { isRecord, readWalmartVariants, text } from './variants';

/** `/ip/<slug>/<itemId>`, `/ip/<itemId>`, `/ip/seort/<slug>/<itemId>`. */
const ITEM_PATH = /^\/ip\/(?:seort\/)?(?:[^/]+\/)?(\d{4,20})(?:\/|$)/;
const BLOCKED_PATH = /^\/blocked\/?$/;
const PRODUCT_PATH = 'props.pageProps.initialData.data.product';
// The PerimeterX press-and-hold widget of the "Robot or human?" page.
const CAPTCHA = '#px-captcha, #px-captcha-wrapper';
// The right-hand purchase column; notices are looked for inside it only (carousels say "Out of stock" too).
const BUY_BOX = '[data-testid="buy-box-container"], .buy-box-container';
const MAX_NOTICE_CHARS = 80;
// Variant chips, fulfillment tiles and buttons carry their own "Out of stock" / "Not available".
const NOT_NOTICES = 'button, label, a, [role="radio"], [role="option"]';
const OUT_NOTICE = /^(?:out of stock|sold out)\b/i;

const CAPTCHA_DETAIL = "Walmart is showing its 'Robot or human?' check: open the page and press and hold the button";
const LAYOUT_CHANGED_DETAIL =
  'Walmart changed this page: no product data where Oversell Guard reads it (the adapter needs an update)';

/** The item a URL is about: its own path, or the page a bot wall will return to (`/blocked?url=<base64 path>`). */
function itemIdOf(url: URL): string | null {
  const own = ITEM_PATH.exec(url.pathname)?.[1];
  if (own || !BLOCKED_PATH.test(url.pathname)) return own ?? null;
  try {
    // URLSearchParams turns the base64 '+' into a space; atob accepts missing '=' padding.
    const path = atob((url.searchParams.get('url') ?? '').replace(/ /g, '+'));
    return ITEM_PATH.exec(path.split('?')[0])?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Short text leaves of the buy box, outside option chips and buttons (they speak for other variants). */
function buyBoxNotices(doc: Document): string[] {
  const notices: string[] = [];
  for (const box of Array.from(doc.querySelectorAll(BUY_BOX))) {
    for (const el of Array.from(box.querySelectorAll('span, div, p, h2, h3'))) {
      if (el.firstElementChild || el.closest(NOT_NOTICES)) continue;
      const said = cleanText(el.textContent);
      if (said && said.length <= MAX_NOTICE_CHARS) notices.push(said);
    }
  }
  return notices;
}

/** A notice that is a count ("Only 4 left") or the item's "Out of stock", not a tile's "Pickup: Not available". */
function visibleStock(notices: string[]): StockSignal[] {
  for (const notice of notices) {
    const said = readStockText(notice);
    if (!said || said.phrase.length < notice.replace(/[.!]+$/, '').length) continue;
    const counted = said.stock.kind === 'exact' || said.stock.kind === 'atLeast';
    if (counted || (said.stock.kind === 'outOfStock' && OUT_NOTICE.test(notice))) {
      return [{ stock: said.stock, source: `text:${said.phrase}`, visible: true }];
    }
  }
  return [];
}

export function readWalmartItem(doc: Document, url: URL): PageRead {
  const urlId = itemIdOf(url);
  const urlKey = urlId ? `walmart:${urlId}` : undefined;
  const product = getPath(readJsonScript(doc, 'script#__NEXT_DATA__'), PRODUCT_PATH);
  const fail = (reason: PageReadFailure['reason'], detail: string, key = urlKey): PageReadFailure =>
    key ? { ok: false, reason, detail, productKey: key } : { ok: false, reason, detail };
  if (BLOCKED_PATH.test(url.pathname) || (!isRecord(product) && doc.querySelector(CAPTCHA))) {
    return fail('captcha', CAPTCHA_DETAIL);
  }
  if (!urlId) return fail('not-a-product-page', 'Not a Walmart item page: open a product (/ip/…) to read it');

  const item = isRecord(product) ? product : null;
  // Every variant page of a product names the same primary item: one product key for all of them.
  const productKey = `walmart:${text(item?.primaryUsItemId) ?? text(item?.usItemId) ?? urlId}`;
  const title = (text(item?.name) ?? cleanText(doc.querySelector('h1')?.textContent)).slice(0, 500);
  const notices = buyBoxNotices(doc);
  const headings = Array.from(doc.querySelectorAll('h1, h2')).map((el) => cleanText(el.textContent));
  const removed = [...notices, ...headings].map(readRemovedText).find(Boolean);
  if (removed) {
    return {
      ok: true,
      products: [{ key: productKey, title, variants: [], removed: true }],
      evidence: [`text:${removed}`],
    };
  }
  if (!item) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  const variants = readWalmartVariants(item, productKey, visibleStock(notices));
  if (!variants.length) return fail('layout-changed', LAYOUT_CHANGED_DETAIL, productKey);
  const selected = variants.find((v) => v.sku === text(item.usItemId)) ?? variants[0];
  return { ok: true, products: [{ key: productKey, title, variants }], evidence: selected.evidence.slice(0, 2) };
}

export default defineAdapter({
  id: 'walmart',
  name: 'Walmart',
  role: 'supplier',
  matches: ['*://www.walmart.com/ip/*', '*://walmart.com/ip/*', '*://www.walmart.com/blocked*'],
  // The bot wall only when it will return to an item page.
  test: (url) => itemIdOf(url) !== null,
  read: readWalmartItem,
});
