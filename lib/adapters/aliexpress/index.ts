// AliExpress item pages (supplier side): every SKU with its own count and price, from the runParams the
// page inlines or, on the current client-rendered shell, from its captured pdp response (mtop.ts); visible
// notices for sold-out and removed items; the slider bot wall told apart.

import { showsAlibabaGroupSlider } from '../../extract/bot-wall';
import { inlineScripts } from '../../extract/embedded-json';
import { buyBoxes, noticeTexts, stockNotice } from '../../extract/notices';
import { readRemovedText } from '../../extract/phrases';
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
const CAPTCHA_DETAIL = 'AliExpress is showing a captcha: open the page and solve it';
const LAYOUT_CHANGED_DETAIL =
  'AliExpress changed this page: no stock data where Oversell Guard reads it (the adapter needs an update)';

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
  if (!item && showsAlibabaGroupSlider(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!id || !productKey) return fail('not-a-product-page', 'Not an AliExpress item page: open a product to read it');

  const roots = buyBoxes(doc, BUY_BOX_CLASSES);
  const removed = [...noticeTexts(roots, REMOVED_NOTICE), textOf(doc, 'h1'), textOf(doc, 'h2')]
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
  const soldOut = stockNotice(roots, SOLD_OUT_NOTICE);
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
