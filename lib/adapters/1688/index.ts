// 1688 offer pages (supplier side, Chinese wholesale): every SKU with its bookable count and price from the
// offer data the page inlines; removed and sold-out notices; the slider bot wall and the login wall told apart.

import { showsAlibabaGroupSlider } from '../../extract/bot-wall';
import { inlineScripts } from '../../extract/embedded-json';
import { buyBoxes, noticeTexts, stockNotice } from '../../extract/notices';
import { readRemovedText } from '../../extract/phrases';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { readOfferData } from './offer-data';
import { readVariants } from './variants';

/** `/offer/623609706251.html` on detail.1688.com and m.1688.com; the digits are the offer id. */
const OFFER_PATH = /^\/offer\/(\d{6,20})\.html(?:\/|$)/;
/** The slider bot wall ("punish" page), served under the offer path or at the root. */
const BOT_WALL_PATH = /\/_____tmd_____\//;
/** Visitors who are not logged in are often sent here, with the offer URL in `Done`. */
const LOGIN_HOST = 'login.1688.com';

// Buy boxes: the right column of the 2020 and 2024 layouts, the older purchasing module. Notices are looked
// for inside them (class-substring selectors over a whole 2 MB page cost milliseconds; over a buy box, nothing).
const BUY_BOX_CLASSES = ['layout-right', 'mod-detail-purchasing'];
const SOLD_OUT_NOTICE = '[class*="sold-out"], [class*="soldout"], [class*="stock-tip"]';
const REMOVED_NOTICE = '[class*="offline"], [class*="expired"], [class*="not-found"]';
// A login dialog served in place of the offer: the embedded passport frame or form.
const LOGIN_FORM = 'iframe[src*="login.1688.com"], form[action*="login.1688.com"]';
const CAPTCHA_DETAIL = '1688 is showing a slider captcha: open the page and drag the slider to continue';
const LOGIN_DETAIL = '1688 asks you to log in: log in to 1688.com, then open the offer again';
const LAYOUT_CHANGED_DETAIL =
  '1688 changed this page: no stock data where Oversell Guard reads it (the adapter needs an update)';

/** The offer id in an offer URL, or in the `Done` target of a login redirect. */
function offerIdOf(url: URL): string | undefined {
  if (url.hostname !== LOGIN_HOST) return OFFER_PATH.exec(url.pathname)?.[1];
  try {
    const target = new URL(url.searchParams.get('Done') ?? '');
    return target.hostname.endsWith('.1688.com') ? OFFER_PATH.exec(target.pathname)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own title line, else og:title without the site name ("… - 阿里巴巴"). */
const pageTitle = (doc: Document): string =>
  textOf(doc, '.title-text') ??
  textOf(doc, 'h1') ??
  cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).replace(/\s*-\s*阿里巴巴.*$/, '');

export function read1688Offer(doc: Document, url: URL): PageRead {
  const id = offerIdOf(url);
  const productKey = id ? `1688:${id}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (BOT_WALL_PATH.test(url.pathname)) return fail('captcha', CAPTCHA_DETAIL);
  if (url.hostname === LOGIN_HOST) return fail('login-wall', LOGIN_DETAIL);

  const scripts = inlineScripts(doc);
  const offer = readOfferData(scripts);
  if (!offer && showsAlibabaGroupSlider(doc, scripts)) return fail('captcha', CAPTCHA_DETAIL);
  if (!offer && doc.querySelector(LOGIN_FORM)) return fail('login-wall', LOGIN_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not a 1688 offer page: open an offer to read it');

  const roots = buyBoxes(doc, BUY_BOX_CLASSES);
  const title = (offer?.title ?? pageTitle(doc)).slice(0, 500);
  const removed = [...noticeTexts(roots, REMOVED_NOTICE), textOf(doc, 'h1'), textOf(doc, 'h2')]
    .map((t) => t && readRemovedText(t))
    .find(Boolean);
  const gone = { key: productKey, title, variants: [], removed: true };
  if (removed) return { ok: true, products: [gone], evidence: [`text:${removed}`] };
  const soldOut = stockNotice(roots, SOLD_OUT_NOTICE);
  const variants = offer ? readVariants(offer, productKey, soldOut ? [soldOut] : []) : [];
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (!offer || variants.length === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  const source = `embedded-json:${offer.skus.length ? offer.skuPath : offer.total?.path}`;
  return {
    ok: true,
    products: [{ key: productKey, title, variants }],
    evidence: soldOut ? [soldOut.source, source] : [source],
  };
}

export default defineAdapter({
  id: '1688',
  name: '1688',
  role: 'supplier',
  matches: [
    '*://detail.1688.com/offer/*',
    '*://m.1688.com/offer/*',
    '*://detail.1688.com/_____tmd_____/*',
    '*://login.1688.com/member/signin.htm*',
  ],
  test: (url) => !!offerIdOf(url) || BOT_WALL_PATH.test(url.pathname),
  read: read1688Offer,
});
