// eBay item pages (supplier side): every variation of a multi-variation listing from the inlined MSKU model,
// a single item from JSON-LD and its quantity line; ended listings, out-of-stock notices and the bot wall.
import { inlineScripts } from '../../extract/embedded-json';
import { readJsonLdProducts } from '../../extract/jsonld';
import { parseMoney } from '../../extract/money';
import { readRemovedText, readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { decideStock } from '../../extract/stock';
import type { StructuredProduct } from '../../extract/structured';
import { cleanText, textOf } from '../../extract/text';
import type { PageRead, PageReadFailure, Variant } from '../../model';
import { defineAdapter } from '../define';
import { findVariationModel, readVariations } from './variations';

const HOSTS = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'com.au', 'ca'].map((tld) => `www.ebay.${tld}`);
/** `/itm/256012345678` and `/itm/<slug>/256012345678`; the digits are the item id. */
const ITEM_PATH = /^\/itm\/(?:[^/]+\/)?(\d{9,15})(?:\/|$)/;
/** The security check eBay redirects to, with the item page in `ru`. */
const CAPTCHA_PATH = /^\/splashui\/captcha/;

// The item page's status banner: "This listing was ended…", "Bidding has ended…", "This item is out of stock."
const STATUS = '.d-statusmessage, [data-testid="d-statusmessage"], #msgPanel';
// The quantity line: "More than 10 available", "3 available / 25 sold", "Last one" (2021+ layout, then the older one).
const QUANTITY_LINE = '.x-quantity__availability, #qtySubTxt';
// Variation menus: when they are shown but no model is found, the page cannot be read as one default item.
const MENU_OPTIONS = 'select.x-msku__select-box option, select[id^="msku-sel-"] option';
const MENUS = 'select.x-msku__select-box, select[id^="msku-sel-"], [data-testid="x-msku-evo"]';
// The hCaptcha security page ("Pardon Our Interruption…") when served at the item URL itself.
const CAPTCHA = 'iframe[src*="hcaptcha.com"], .h-captcha, #captcha_loading, form[action*="/splashui/captcha"]';
const CAPTCHA_DETAIL = 'eBay is showing a security check (captcha): open the page and solve it';
const LAYOUT_CHANGED_DETAIL =
  'eBay changed this page: no stock data where Oversell Guard reads it (the adapter needs an update)';

/** The item id in the URL, or in the `ru` return address of the security check. */
function itemIdOf(url: URL): string | null {
  const own = ITEM_PATH.exec(url.pathname)?.[1];
  if (own || !CAPTCHA_PATH.test(url.pathname)) return own ?? null;
  try {
    return ITEM_PATH.exec(new URL(url.searchParams.get('ru') ?? '').pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

const texts = (doc: Document, selectors: string): string[] =>
  Array.from(doc.querySelectorAll(selectors))
    .map((el) => cleanText(el.textContent))
    .filter(Boolean);

/** What the quantity line says, span by span, so "25 sold" never reads as stock. */
function quantityLine(doc: Document): StockSignal | null {
  const line = doc.querySelector(QUANTITY_LINE);
  if (!line) return null;
  const spans = Array.from(line.querySelectorAll('span')).map((span) => cleanText(span.textContent));
  for (const text of spans.length ? spans : [cleanText(line.textContent)]) {
    const said = readStockText(text);
    if (said) return { stock: said.stock, source: `text:${said.phrase}`, visible: true };
  }
  return null;
}

/** Menu item ids whose option says "(Out of stock)": every variation with that value is out. */
function soldOutMenuItems(doc: Document): Map<string, StockSignal> {
  const out = new Map<string, StockSignal>();
  for (const option of Array.from(doc.querySelectorAll(MENU_OPTIONS))) {
    const said = readStockText(cleanText(option.textContent));
    const value = option.getAttribute('value');
    if (value && said?.stock.kind === 'outOfStock') {
      out.set(value, { stock: said.stock, source: `text:${said.phrase}`, visible: true });
    }
  }
  return out;
}

const showsCaptcha = (doc: Document): boolean =>
  /pardon our interruption|security measure/i.test(doc.title) || !!doc.querySelector(CAPTCHA);

const stripSiteName = (title: string): string => title.replace(/\s*\|\s*eBay\s*$/i, '');

/** A listing without variations: the quantity line, then JSON-LD; the price from JSON-LD, else the price shown. */
function readSingleItem(doc: Document, productKey: string, ld: StructuredProduct | undefined, signals: StockSignal[]) {
  const offer = ld?.offers[0];
  if (offer?.stock) signals.push({ stock: offer.stock, source: 'json-ld' });
  if (signals.length === 0) return [];
  const currency = doc.querySelector('[itemprop="priceCurrency"]')?.getAttribute('content') ?? undefined;
  const price = offer?.price ?? parseMoney(textOf(doc, '.x-price-primary, [itemprop="price"]') ?? '', currency);
  const decided = decideStock(signals);
  return [{ key: `${productKey}:default`, label: 'Default', options: {}, ...decided, ...(price && { price }) }];
}

export function readEbayItem(doc: Document, url: URL): PageRead {
  const id = itemIdOf(url);
  const productKey = id ? `ebay:${id}` : undefined;
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (CAPTCHA_PATH.test(url.pathname)) return fail('captcha', CAPTCHA_DETAIL);

  const model = findVariationModel(inlineScripts(doc));
  const ld = readJsonLdProducts(doc)[0];
  if (!model && !ld && showsCaptcha(doc)) return fail('captcha', CAPTCHA_DETAIL);
  if (!productKey) return fail('not-a-product-page', 'Not an eBay item page: open a listing (/itm/…) to read it');

  const title = (
    ld?.name ??
    textOf(doc, 'h1.x-item-title__mainTitle, h1#itemTitle') ??
    stripSiteName(cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')))
  ).slice(0, 500);
  const status = texts(doc, STATUS);
  const removed = status.map(readRemovedText).find(Boolean);
  const gone = { key: productKey, title, variants: [], removed: true };
  if (removed) return { ok: true, products: [gone], evidence: [`text:${removed}`] };
  const soldOut = status.map(readStockText).find((said) => said?.stock.kind === 'outOfStock');
  const pageSignals: StockSignal[] = soldOut
    ? [{ stock: soldOut.stock, source: `text:${soldOut.phrase}`, visible: true }]
    : [];
  const line = quantityLine(doc);

  let variants: Variant[];
  let evidence: string[];
  if (model) {
    // The quantity line speaks for the variation the URL selects (`?var=`), and only for it.
    const selected = url.searchParams.get('var');
    const menuOut = soldOutMenuItems(doc);
    const extra = (variationId: string, itemIds: string[]): StockSignal[] => [
      ...itemIds.flatMap((itemId) => menuOut.get(itemId) ?? []),
      ...(line && variationId === selected ? [line] : []),
    ];
    variants = readVariations(model, productKey, pageSignals, extra);
    evidence = [...pageSignals.map((s) => s.source), `embedded-json:${model.name}.${model.mapName}`];
  } else {
    // Menus without a model: variations we cannot see, never one default item.
    if (doc.querySelector(MENUS)) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
    variants = readSingleItem(doc, productKey, ld, [...pageSignals, ...(line ? [line] : [])]);
    evidence = variants[0]?.evidence ?? [];
  }
  // Never stock 0 and never in stock for a page we cannot read: say the adapter needs an update.
  if (variants.length === 0) return fail('layout-changed', LAYOUT_CHANGED_DETAIL);
  return { ok: true, products: [{ key: productKey, title, variants }], evidence };
}

export default defineAdapter({
  id: 'ebay',
  name: 'eBay',
  role: 'supplier',
  matches: HOSTS.flatMap((host) => [`*://${host}/itm/*`, `*://${host}/splashui/captcha*`]),
  test: (url) => itemIdOf(url) !== null || CAPTCHA_PATH.test(url.pathname),
  read: readEbayItem,
});
