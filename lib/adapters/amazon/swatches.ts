// What the variation swatches say about the variants next to the selected one: Amazon marks a swatch
// available or unavailable, and shows "Currently unavailable" / "See available options" or a price on it.
// A swatch stands for the selected combination with one dimension changed, so only those variants are read.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { inStock, outOfStock, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Money } from '../../model';
import type { Twister } from './twister';
import { asinOf } from './twister';

export interface SwatchReading {
  signals: StockSignal[];
  price?: Money;
}

// Legacy twister: li.swatchAvailable / .swatchSelect / .swatchUnavailable; inline twister (2023):
// li[data-initiallyUnavailable] around span.a-button(-unavailable); dropdown rows: .dropdownUnavailable.
const UNAVAILABLE_CLASSES = ['swatchUnavailable', 'a-button-unavailable', 'dropdownUnavailable'];
const AVAILABLE_CLASSES = ['swatchAvailable', 'swatchSelect', 'dropdownAvailable', 'dropdownSelect'];
const SWATCH_PRICE = '.twisterSwatchPrice, .a-price .a-offscreen';
/** No featured offer for that variant: only other sellers' offers, which are not read. */
const NO_BUY_BOX = /see\s+available\s+options/i;
const DP_URL_ASIN = /\/dp\/([A-Za-z0-9]{10})/;
const MAX_VALUES = 500;

function classState(node: Element, el: Element): StockSignal | null {
  const classes = `${node.getAttribute('class') ?? ''} ${el === node ? '' : (el.getAttribute('class') ?? '')}`;
  const has = (list: string[]) => list.find((name) => classes.split(/\s+/).includes(name));
  const unavailable = has(UNAVAILABLE_CLASSES);
  if (unavailable) return { stock: outOfStock(), source: `dom:.${unavailable}` };
  const initially = node.getAttribute('data-initiallyUnavailable');
  if (initially === 'true') return { stock: outOfStock(), source: 'dom:[data-initiallyUnavailable=true]' };
  const available = has(AVAILABLE_CLASSES);
  if (available) return { stock: inStock(), source: `dom:.${available}` };
  return initially === 'false' ? { stock: inStock(), source: 'dom:[data-initiallyUnavailable=false]' } : null;
}

/** The child ASIN a swatch leads to: its own attributes, else the selected combination with this value. */
function swatchAsin(node: Element, twister: Twister, selected: number[] | undefined, dim: number, value: number) {
  // Spelled as Amazon writes them: browsers match attribute names in any case, linkedom (tests) only this one.
  const own =
    asinOf(node.getAttribute('data-defaultAsin')) ??
    asinOf(node.getAttribute('data-asin')) ??
    asinOf(DP_URL_ASIN.exec(node.getAttribute('data-dp-url') ?? '')?.[1]);
  if (own || !selected) return own;
  const wanted = selected.map((index, i) => (i === dim ? value : index));
  for (const [asin, indices] of twister.children) {
    if (indices.length === wanted.length && indices.every((index, i) => index === wanted[i])) return asin;
  }
  return null;
}

/** What one swatch says: "See available options" (no buy box), "Currently unavailable", its state, its price. */
function readSwatch(node: Element, el: Element, currency: string): SwatchReading | null {
  const words = cleanText(node.textContent);
  const signals: StockSignal[] = [];
  const noBuyBox = NO_BUY_BOX.exec(words)?.[0];
  if (noBuyBox) {
    const reason = "Amazon shows no buy box for this variant ('See available options'): other sellers are not read";
    signals.push({ stock: unknownStock(reason), source: `text:${noBuyBox}` });
  } else {
    const said = readStockText(words);
    if (said?.stock.kind === 'outOfStock')
      signals.push({ stock: said.stock, source: `text:${said.phrase}`, visible: true });
    const state = classState(node, el);
    if (state) signals.push(state);
  }
  const priceText = cleanText(node.querySelector(SWATCH_PRICE)?.textContent);
  const price = priceText ? parseMoney(priceText, currency) : null;
  if (!signals.length) return null;
  return price ? { signals, price } : { signals };
}

/** Child ASIN -> what its swatch says; the selected ASIN is left to the buy box. */
export function readSwatches(
  doc: Document,
  twister: Twister,
  currentAsin: string,
  currency: string,
): Map<string, SwatchReading> {
  const found = new Map<string, SwatchReading>();
  const selected = twister.children.get(currentAsin);
  const indices = [...twister.children.values()];
  twister.dimensions.forEach((dimension, dim) => {
    // Swatch ids are `<dimension>_<value index>` in both layouts: looked up by id, no page scan.
    const count = Math.min(MAX_VALUES, Math.max(dimension.values.length, ...indices.map((i) => (i[dim] ?? -1) + 1)));
    for (let value = 0; value < count; value++) {
      const el = doc.getElementById(`${dimension.key}_${value}`);
      const node = el && (el.closest('li') ?? el);
      const asin = node && swatchAsin(node, twister, selected, dim, value);
      if (!node || !el || !asin || asin === currentAsin || found.has(asin) || !twister.children.has(asin)) continue;
      const reading = readSwatch(node, el, currency);
      if (reading) found.set(asin, reading);
    }
  });
  return found;
}
