// Temu goods pages (supplier side): every SKU with its own stock and price from the `window.rawData` the
// page is server-rendered with; visible notices for items sold out or gone; the verification wall told apart.
import { inlineScripts } from '../../extract/embedded-json';
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { findRawData, readGoodsData } from './raw-data';
import { readVariants } from './variants';

/** `/<slug>-g-<id>.html`, also `/g-<id>.html`, under an optional region path (`/de/`, `/co-en/`, `/jp-zh-Hans/`). */
const GOODS_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4}){0,2}\/)?(?:[^/]*-)?g-(\d{6,20})\.html$/;
const GOODS_QUERY_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4}){0,2}\/)?goods\.html$/;
/** The anti-bot challenge ("Please verify you are human"), with the goods URL it interrupted in `from`. */
const CHALLENGE_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4}){0,2}\/)?bgn_verification\.html$/;

// Class names on Temu are hashed per deploy: item notices are read only from alert banners, inside the goods
// column when it is there. Not the buy button, SKU chips or polite live regions: they speak for the selected SKU.
const BUY_BOX = '#rightContent';
const NOTICE = '[role="alert"]';
// The challenge served in place of a goods page: its words, or the token its script carries.
const CHALLENGE_WORDS =
  /verify you are human|security verification|sicherheitsüberprüfung|vérification de sécurité|安全验证/i;
const CAPTCHA_DETAIL = 'Temu is asking to verify you are human: open the page and complete the check';
const LAYOUT_CHANGED_DETAIL =
  'Temu changed this page: no SKU data where Oversell Guard reads it (the adapter needs an update)';
const STALE_DETAIL = 'Temu showed this item without reloading the page: reload it so Oversell Guard can read it';

/** The goods id a URL names: in the path, in `goods_id`, or in the `from` of a challenge. */
export function goodsIdOf(url: URL): string | null {
  const inPath = GOODS_PATH.exec(url.pathname)?.[1];
  if (inPath) return inPath;
  if (GOODS_QUERY_PATH.test(url.pathname))
    return /^\d{6,20}$/.exec(url.searchParams.get('goods_id') ?? '')?.[0] ?? null;
  if (!CHALLENGE_PATH.test(url.pathname)) return null;
  try {
    const from = new URL(url.searchParams.get('from') ?? '', 'https://www.temu.com');
    return from.hostname.endsWith('temu.com') && !CHALLENGE_PATH.test(from.pathname) ? goodsIdOf(from) : null;
  } catch {
    return null;
  }
}

function noticeTexts(doc: Document): string[] {
  const root = doc.querySelector(BUY_BOX) ?? doc;
  return Array.from(root.querySelectorAll(NOTICE))
    .map((el) => cleanText(el.textContent))
    .filter(Boolean);
}

function showsChallenge(doc: Document, scripts: string[]): boolean {
  const words = [doc.title, textOf(doc, 'h1'), textOf(doc, 'h2')].join(' ');
  return CHALLENGE_WORDS.test(words) || scripts.some((s) => s.includes('VerifyAuthToken'));
}

/** og:title without the site name Temu appends ("… - Temu", "… | Temu Deutschland"). */
const ogTitle = (doc: Document): string =>
  cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).replace(/\s+[-|]\s+Temu.*$/i, '');

export function readTemuGoods(doc: Document, url: URL): PageRead {
  const goodsId = goodsIdOf(url);
  const productKey = goodsId ? `temu:${goodsId}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (CHALLENGE_PATH.test(url.pathname)) return fail('captcha', CAPTCHA_DETAIL);

  const scripts = inlineScripts(doc);
  const raw = findRawData(scripts);
  const goods = raw && readGoodsData(raw);
  if (!goods && showsChallenge(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not a Temu item page: open a product to read it');
  // Navigated in place: the inline data still describes the item the page was loaded with.
  if (goods?.goodsId && goods.goodsId !== goodsId) return fail('layout-changed', STALE_DETAIL);

  const notices = noticeTexts(doc);
  // Not the h1 when there are no goods: on a removed item it holds the notice.
  const title = (goods?.title ?? ogTitle(doc)).slice(0, 500);
  // Headings past the first h1 only when there are no goods: asking for an h2 can walk a whole 2 MB page.
  const headings = goods ? [textOf(doc, 'h1')] : [textOf(doc, 'h1'), textOf(doc, 'h2')];
  const removed = [...notices, ...headings].map((t) => t && readRemovedText(t)).find(Boolean);
  if (removed)
    return {
      ok: true,
      products: [{ key: productKey, title, variants: [], removed: true }],
      evidence: [`text:${removed}`],
    };
  if (!goods) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);

  const said: StockSignal[] = notices.flatMap((t) => {
    const read = readStockText(t);
    return read ? [{ stock: read.stock, source: `text:${read.phrase}`, visible: true }] : [];
  });
  const soldOut = said.filter((s) => s.stock.kind === 'outOfStock').slice(0, 1);
  const variants = readVariants(goods, productKey, soldOut, soldOut.length ? [] : said.slice(0, 1));
  if (variants.length === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  const source = `embedded-json:${goods.skuPath}`;
  // The notice that spoke for the item, if any: a sold-out banner, or a count on a single-SKU item.
  const spoke = soldOut[0] ?? (goods.skus.length === 1 ? said[0] : undefined);
  const evidence = spoke ? [spoke.source, source] : [source];
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

export default defineAdapter({
  id: 'temu',
  name: 'Temu',
  role: 'supplier',
  matches: ['*://*.temu.com/*g-*.html*', '*://*.temu.com/*goods.html*', '*://*.temu.com/*bgn_verification.html*'],
  test: (url) => goodsIdOf(url) !== null || CHALLENGE_PATH.test(url.pathname),
  read: readTemuGoods,
});
