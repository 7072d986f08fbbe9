// Etsy listing variations as the buy box renders them: one <select id="variation-selector-N"> per property,
// one option per value id, its price in parentheses when prices vary ("18 inches ($36.00)") and "[Sold out]"
// when no offering with that value is left. Etsy does not render stock per combination of two properties.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { decideStock, inStock, outOfStock, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Money, Variant } from '../../model';

interface OptionValue {
  id: string;
  label: string;
  price: Money | null;
  soldOut: StockSignal | null;
}

interface Property {
  name: string;
  /** `dom:#variation-selector-0`: evidence for what this select says. */
  source: string;
  values: OptionValue[];
}

const BRACKETED = /\s*\[([^\]]*)\]/g;
const TRAILING_PARENS = /\s*\(([^()]*\d[^()]*)\)\s*$/;
const MAX_VARIANTS = 5000;
const COMBINATION_UNKNOWN =
  'Etsy shows stock per option, not per combination: this combination may be sold out (select it on the page to see)';

function readOption(option: Element, selectId: string, currency: string | undefined): OptionValue | null {
  const id = option.getAttribute('value')?.trim();
  if (!id) return null; // the "Select an option" placeholder
  let text = cleanText(option.textContent);
  let soldOut: StockSignal | null = null;
  for (const [, inner] of text.matchAll(BRACKETED)) {
    const said = readStockText(inner);
    if (said?.stock.kind === 'outOfStock')
      soldOut = { stock: said.stock, source: `text:${said.phrase}`, visible: true };
  }
  text = text.replace(BRACKETED, '');
  if (!soldOut && option.hasAttribute('disabled')) {
    soldOut = { stock: outOfStock(), source: `dom:#${selectId} option[disabled]` };
  }
  const inParens = TRAILING_PARENS.exec(text);
  const price = inParens ? parseMoney(inParens[1], currency) : null;
  if (inParens && price) text = text.slice(0, inParens.index);
  return { id, label: text.trim() || id, price, soldOut };
}

function readProperty(select: Element, doc: Document, currency: string | undefined): Property {
  const id = select.id;
  const label = doc.getElementById(`label-${id}`) ?? doc.querySelector(`label[for="${id}"]`);
  const name = cleanText((label?.querySelector('[data-label]') ?? label)?.textContent) || id;
  const values = Array.from(select.querySelectorAll('option')).flatMap((o) => readOption(o, id, currency) ?? []);
  return { name: name.slice(0, 100), source: `dom:#${id}`, values };
}

/** Every combination of one value per property, in the page's order, capped at 5000. */
function combinations(properties: Property[]): OptionValue[][] {
  let combos: OptionValue[][] = [[]];
  for (const property of properties) {
    combos = combos.flatMap((combo) => property.values.map((value) => [...combo, value])).slice(0, MAX_VARIANTS);
  }
  return combos;
}

/**
 * One Variant per combination of option values, keyed by the value ids. `listingSignals` apply to every
 * variant (a sold-out notice, JSON-LD out of stock); `inStockSignals` back a single property's unflagged options.
 */
export function readVariationSelects(
  selects: Element[],
  doc: Document,
  productKey: string,
  listingSignals: StockSignal[],
  inStockSignals: StockSignal[],
  currency: string | undefined,
): Variant[] {
  const properties = selects
    .map((select) => readProperty(select, doc, currency))
    .filter((property) => property.values.length > 0);
  if (properties.length === 0) return [];
  const single = properties.length === 1;
  return combinations(properties).map((combo) => {
    const options: Record<string, string> = {};
    combo.forEach((value, i) => {
      options[properties[i].name] = value.label.slice(0, 200);
    });
    const signals = [...listingSignals, ...combo.flatMap((value) => value.soldOut ?? [])];
    // One property: an option Etsy does not flag is an offering it sells; two or more: flags are per value only.
    if (single && !combo[0].soldOut)
      signals.push({ stock: inStock(), source: properties[0].source }, ...inStockSignals);
    const decided = signals.length ? decideStock(signals) : { stock: unknownStock(COMBINATION_UNKNOWN), evidence: [] };
    const price = combo.find((value) => value.price)?.price;
    return {
      key: `${productKey}:${combo.map((value) => value.id).join('_')}`,
      label: combo
        .map((value) => value.label)
        .join(' / ')
        .slice(0, 300),
      options,
      ...decided,
      ...(price && { price }),
    };
  });
}
