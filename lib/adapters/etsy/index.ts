// Etsy listing pages (supplier side): JSON-LD for the listing, the buy box's variation selects for each
// option value, its quantity select and stock notices; the unavailable page and the DataDome captcha.
import { readJsonLdProducts } from '../../extract/jsonld';
import { parseMoney } from '../../extract/money';
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { atLeast, decideStock } from '../../extract/stock';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure, Variant } from '../../model';
import { defineAdapter } from '../define';
import { readVariationSelects } from './variations';

/** `/listing/1487263519/slug`, also under a language or region path (`/de/listing/…`, `/ca-fr/listing/…`). */
const LISTING_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?listing\/(\d{5,15})(?:\/|$)/;

const BUY_BOX = '#listing-page-cart, [data-buy-box]';
// Stock notices in the buy box: "Only 2 left and in 3 carts", "Low in stock" (price region), sold-out alerts.
const NOTICES = '[data-buy-box-region="price"] p, [role="alert"], .wt-alert';
const VARIATION_SELECTS = 'select[id^="variation-selector-"]';
const QUANTITY_SELECT = 'select#listing-page-quantity-select, select[data-selector="listing-page-quantity-select"]';
// DataDome, Etsy's bot wall: its captcha iframe or loader, or the inline `var dd={…}` that configures it.
const CAPTCHA = 'iframe[src*="captcha-delivery.com"], script[src*="captcha-delivery.com"]';
const CAPTCHA_DETAIL = 'Etsy is showing a captcha: open the page and solve it';
const LAYOUT_CHANGED_DETAIL =
  'Etsy changed this page: no buy box where Oversell Guard reads it (the adapter needs an update)';

const showsCaptcha = (doc: Document): boolean =>
  !!doc.querySelector(CAPTCHA) ||
  Array.from(doc.querySelectorAll('script:not([src])')).some((s) => s.textContent?.includes('captcha-delivery.com'));

/**
 * The quantity select offers 1…N, N being the offering's quantity bounded by Etsy's own per-order cap:
 * a floor, never a count (the count comes from "Only N left").
 */
function quantitySelect(box: Element): StockSignal | null {
  const select = box.querySelector(QUANTITY_SELECT);
  const values = Array.from(select?.querySelectorAll('option') ?? []).map((o) => Number(o.getAttribute('value')));
  const max = Math.max(0, ...values.filter(Number.isInteger));
  return max > 0 ? { stock: atLeast(max), source: 'dom:#listing-page-quantity-select' } : null;
}

/** The page of an inactive or deleted listing says so in its heading ("Sorry, this item is unavailable."). */
function unavailableHeading(doc: Document): string | null {
  const heading = textOf(doc, 'h1');
  const gone = heading && (readRemovedText(heading) || readStockText(heading)?.stock.kind === 'outOfStock');
  return gone ? heading.slice(0, 200) : null;
}

/** What the buy box's notices say: a sold-out alert, "Only 2 left and in 3 carts". */
function readNotices(box: Element): { soldOut?: StockSignal; counted?: StockSignal } {
  const said = Array.from(box.querySelectorAll(NOTICES)).flatMap(
    (el) => readStockText(cleanText(el.textContent)) ?? [],
  );
  const signal = (s: (typeof said)[number] | undefined): StockSignal | undefined =>
    s && { stock: s.stock, source: `text:${s.phrase}`, visible: true };
  return {
    soldOut: signal(said.find((s) => s.stock.kind === 'outOfStock')),
    counted: signal(said.find((s) => s.stock.kind === 'exact' || s.stock.kind === 'atLeast')),
  };
}

export function readEtsyListing(doc: Document, url: URL): PageRead {
  const id = LISTING_PATH.exec(url.pathname)?.[1];
  const productKey = id ? `etsy:${id}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  const box = doc.querySelector(BUY_BOX);
  if (!box && showsCaptcha(doc)) return fail('captcha', CAPTCHA_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not an Etsy listing page: open a listing to read it');

  const ld = readJsonLdProducts(doc)[0];
  const title = (
    ld?.name ??
    textOf(doc, 'h1[data-buy-box-listing-title]') ??
    cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'))
  ).slice(0, 500);
  if (!box) {
    const unavailable = unavailableHeading(doc);
    const gone = { key: productKey, title, variants: [], removed: true };
    if (unavailable) return { ok: true, products: [gone], evidence: [`text:${unavailable}`] };
    return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  }

  const { soldOut, counted } = readNotices(box);
  const offer = ld?.offers[0];
  const jsonLd: StockSignal[] = offer?.stock ? [{ stock: offer.stock, source: 'json-ld' }] : [];
  const jsonLdOut = jsonLd.filter((s) => s.stock.kind === 'outOfStock');
  const jsonLdIn = jsonLd.filter((s) => s.stock.kind !== 'outOfStock');
  // Said of the whole listing, so of every variant: a sold-out notice, JSON-LD out of stock.
  const listingSignals = [...(soldOut ? [soldOut] : []), ...jsonLdOut];

  const selects = Array.from(box.querySelectorAll(VARIATION_SELECTS)).sort(
    (a, b) => Number(a.getAttribute('data-variation-number')) - Number(b.getAttribute('data-variation-number')),
  );
  let variants: Variant[] = [];
  let evidence: string[];
  if (selects.length) {
    const currency = offer?.price?.currency;
    variants = readVariationSelects(selects, doc, productKey, listingSignals, jsonLdIn, currency);
    evidence = [...listingSignals.map((s) => s.source), ...selects.map((s) => `dom:#${s.id}`)].slice(0, 8);
  } else {
    // One item: a sold-out notice, then "Only N left", the quantity select as a floor, then JSON-LD.
    const quantity = quantitySelect(box);
    const signals = [...listingSignals, ...(counted ? [counted] : []), ...(quantity ? [quantity] : []), ...jsonLdIn];
    const price = offer?.price ?? parseMoney(textOf(box, '[data-buy-box-region="price"] p') ?? '') ?? undefined;
    const decided = signals.length ? decideStock(signals) : null;
    if (decided)
      variants = [{ key: `${productKey}:default`, label: 'Default', options: {}, ...decided, ...(price && { price }) }];
    evidence = decided?.evidence ?? [];
  }
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (variants.length === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

export default defineAdapter({
  id: 'etsy',
  name: 'Etsy',
  role: 'supplier',
  matches: [
    '*://www.etsy.com/listing/*',
    '*://www.etsy.com/*/listing/*',
    '*://etsy.com/listing/*',
    '*://etsy.com/*/listing/*',
  ],
  test: (url) => LISTING_PATH.test(url.pathname),
  read: readEtsyListing,
});
