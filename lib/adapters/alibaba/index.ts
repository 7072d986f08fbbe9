// Alibaba.com product pages (supplier side, wholesale), on www and the language sites: every SKU with its
// warehouse stock where the listing is ready to ship, unknown where it is made to order; the smallest-order
// ladder price; removed and sold-out notices; the slider bot wall told apart.

import { showsAlibabaGroupSlider } from '../../extract/bot-wall';
import { inlineScripts } from '../../extract/embedded-json';
import { buyBoxes, noticeTexts, stockNotice } from '../../extract/notices';
import { readRemovedText } from '../../extract/phrases';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { findGlobalData, readProductData } from './detail-data';
import { readVariants } from './variants';

/**
 * `/product-detail/Custom-Logo-Mug_1600912345678.html` (www, chinese) and `/p-detail/Mug-1600912345678.html`
 * (spanish., french. and the other language sites): the digits before `.html` are the product id.
 */
const ITEM_PATH = /^\/(?:product-detail|p-detail)\/(?:[^/]*[_-])?(\d{6,20})\.html(?:\/|$)/;
/** The slider bot wall ("punish" page), served under the product path or at the root. */
const BOT_WALL_PATH = /\/_____tmd_____\//;

// The buy box (right column): notices and badges are looked for inside it, never over the whole page.
const BUY_BOX_CLASSES = ['layout-right', 'product-detail-right'];
const SOLD_OUT_NOTICE = '[class*="sold-out"], [class*="soldout"], [class*="out-of-stock"]';
const READY_BADGE = '[class*="rts-badge"], [class*="ready-to-ship"]';
const REMOVED_NOTICE = '[class*="offline"], [class*="no-longer"], [class*="not-found"]';
const CAPTCHA_DETAIL = 'Alibaba.com is showing a captcha: open the page and slide to verify';
const LAYOUT_CHANGED_DETAIL =
  'Alibaba.com changed this page: no product data where Oversell Guard reads it (the adapter needs an update)';

/** The page's h1, else og:title without the site's suffix ("… - Buy … Product on Alibaba.com"). */
const pageTitle = (doc: Document): string =>
  textOf(doc, 'h1') ??
  cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).replace(/\s+-\s+Buy .*$/, '');

export function readAlibabaProduct(doc: Document, url: URL): PageRead {
  const id = ITEM_PATH.exec(url.pathname)?.[1];
  const productKey = id ? `alibaba:${id}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (BOT_WALL_PATH.test(url.pathname)) return fail('captcha', CAPTCHA_DETAIL);

  const scripts = inlineScripts(doc);
  const global = findGlobalData(scripts);
  if (!global && showsAlibabaGroupSlider(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not an Alibaba.com product page: open a product to read it');

  const data = global && readProductData(global);
  const roots = buyBoxes(doc, BUY_BOX_CLASSES);
  const title = (data?.title ?? pageTitle(doc)).slice(0, 500);
  const removed = [...noticeTexts(roots, REMOVED_NOTICE), textOf(doc, 'h1'), textOf(doc, 'h2')]
    .map((t) => t && readRemovedText(t))
    .find(Boolean);
  const gone = { key: productKey, title, variants: [], removed: true };
  if (removed) return { ok: true, products: [gone], evidence: [`text:${removed}`] };
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (!data) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  const soldOut = stockNotice(roots, SOLD_OUT_NOTICE);
  // The badge only matters without counts: ready-to-ship pages with inventory never pay for reading it.
  const badge = data.inventory ? null : stockNotice(roots, READY_BADGE, 'inStock');
  const variants = readVariants(data, productKey, soldOut ? [soldOut] : [], badge);
  const where = data.inventory ? 'inventory.skuInventory' : data.skus.length ? 'product.sku.skuInfoMap' : 'product';
  const evidence = [soldOut?.source, `embedded-json:${where}`, badge?.source].filter((e): e is string => !!e);
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

export default defineAdapter({
  id: 'alibaba',
  name: 'Alibaba.com',
  role: 'supplier',
  matches: ['*://*.alibaba.com/product-detail/*', '*://*.alibaba.com/p-detail/*', '*://*.alibaba.com/_____tmd_____/*'],
  test: (url) => ITEM_PATH.test(url.pathname) || BOT_WALL_PATH.test(url.pathname),
  read: readAlibabaProduct,
});
