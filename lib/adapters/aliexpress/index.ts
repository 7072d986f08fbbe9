// AliExpress item pages (supplier side): every SKU with its own count and price, from the runParams the
// page inlines or, on the current client-rendered shell, from its captured pdp response (mtop.ts); visible
// notices for sold-out and removed items; the slider bot wall told apart.
import { inlineScripts } from '../../extract/embedded-json';
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { ITEM_PAGE_MATCHES } from './capture';
import { readCapturedItem } from './mtop';
import { findRunParamsData, readItemData, titleOf } from './run-params';
import { readVariants } from './variants';

/** `/item/1005006512345678.html`, also `/item/-/….html` and older `/item/<slug>/….html`; the digits are the id. */
const ITEM_PATH = /^\/item\/(?:[^/]+\/)?(\d{5,20})\.html(?:\/|$)/;
/** The slider bot wall ("punish" page), served under any path or at the root. */
const BOT_WALL_PATH = /\/_____tmd_____\//;

// Buy boxes: the 2023 layout's info and action columns, the older layout's product-info. Notices are
// looked for inside them (class-substring selectors over a 2 MB page cost ~8 ms; over a buy box, nothing).
const BUY_BOX_CLASSES = ['pdp-info-right', 'pdp-body-top-right', 'product-info'];
// CSS-module classes are hashed (`quantity--info--jnoo_pD`): match the stable prefix.
const SOLD_OUT_NOTICE = '[class*="quantity--info"], .product-quantity-tip, [class*="sold-out"], [class*="soldout"]';
// Not "unavailable": coupons and SKU chips carry that class on live items.
const REMOVED_NOTICE = '[class*="not-found"], [class*="no-longer"]';
// The bot wall's own elements: the Baxia dialog over a page, the slider, or the punish iframe.
const CAPTCHA = '.baxia-dialog, #baxia-dialog-content, #nocaptcha, iframe[src*="_____tmd_____"]';
const CAPTCHA_DETAIL = 'AliExpress is showing a captcha: open the page and solve it';
const LAYOUT_CHANGED_DETAIL =
  'AliExpress changed this page: no stock data where Oversell Guard reads it (the adapter needs an update)';

function buyBoxes(doc: Document): ParentNode[] {
  const boxes = BUY_BOX_CLASSES.flatMap((name) => Array.from(doc.getElementsByClassName(name)));
  return boxes.length ? boxes : [doc];
}

function texts(roots: ParentNode[], selectors: string): string[] {
  const found = roots.flatMap((root) => Array.from(root.querySelectorAll(selectors)));
  return found.map((el) => cleanText(el.textContent)).filter(Boolean);
}

/** A visible "sold out" notice for the whole item: a signal that beats the embedded counts. */
function soldOutNotice(roots: ParentNode[]): StockSignal | null {
  for (const said of texts(roots, SOLD_OUT_NOTICE).map(readStockText)) {
    if (said?.stock.kind === 'outOfStock') return { stock: said.stock, source: `text:${said.phrase}`, visible: true };
  }
  return null;
}

function showsCaptcha(doc: Document, scripts: string[]): boolean {
  // The punish page configures its slider in `window._config_ = {…}` with an x5secdata token.
  return !!doc.querySelector(CAPTCHA) || scripts.some((s) => s.includes('x5secdata') || /window\._config_\s*=/.test(s));
}

/** og:title without the price in front and the site name behind: "US $12.95 | Linen Shirt - AliExpress". */
const ogTitle = (doc: Document): string =>
  cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).replace(
    /^[^|]*\|\s*|\s+-\s+AliExpress.*$/gi,
    '',
  );

export function readAliExpressItem(doc: Document, url: URL): PageRead {
  const id = ITEM_PATH.exec(url.pathname)?.[1];
  const productKey = id ? `aliexpress:${id}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (BOT_WALL_PATH.test(url.pathname)) return fail('captcha', CAPTCHA_DETAIL);

  const scripts = inlineScripts(doc);
  const data = findRunParamsData(scripts);
  const item = data && readItemData(data);
  if (!item && showsCaptcha(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!id || !productKey) return fail('not-a-product-page', 'Not an AliExpress item page: open a product to read it');

  const roots = buyBoxes(doc);
  const removed = [...texts(roots, REMOVED_NOTICE), textOf(doc, 'h1'), textOf(doc, 'h2')]
    .map((t) => t && readRemovedText(t))
    .find(Boolean);
  if (removed) {
    const title = (titleOf(data) ?? ogTitle(doc)).slice(0, 500);
    return {
      ok: true,
      products: [{ key: productKey, title, variants: [], removed: true }],
      evidence: [`text:${removed}`],
    };
  }
  const soldOut = soldOutNotice(roots);
  const pageSignals = soldOut ? [soldOut] : [];
  // runParams first (the layouts that inline the item), then the captured pdp response of the current shell page.
  const inlined = item ? readVariants(item, productKey, pageSignals) : [];
  const captured = inlined.length ? null : readCapturedItem(doc, id, productKey, pageSignals);
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (!inlined.length && !captured) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  const title = (titleOf(data) ?? captured?.title ?? ogTitle(doc)).slice(0, 500);
  const variants = captured?.variants ?? inlined;
  const source =
    captured?.source ?? `embedded-json:${item?.skus.length ? `${item.priceModule}.skuPriceList` : item?.total?.path}`;
  const evidence = soldOut ? [soldOut.source, source] : [source];
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

export default defineAdapter({
  id: 'aliexpress',
  name: 'AliExpress',
  role: 'supplier',
  matches: [...ITEM_PAGE_MATCHES, '*://*.aliexpress.com/_____tmd_____/*'],
  test: (url) => ITEM_PATH.test(url.pathname) || BOT_WALL_PATH.test(url.pathname),
  read: readAliExpressItem,
});
