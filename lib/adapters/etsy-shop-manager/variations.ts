// The editor's variations table (#field-variations): one row per combination of option values, with its own
// price, quantity and SKU fields when those vary, and a "Visible" switch (off = buyers cannot pick it). The
// header row names the options ("Size", "Farbe"); option cells are the cells without a control. The table
// carries no Etsy product id, so a variation is keyed by its option values.
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Money, Stock, Variant } from '../../model';
import { countIn, fieldValue, firstOf, isChecked, moneyOfField } from './form-fields';
import type { StateReading } from './listing-states';
import { optionsVariantKey } from './urls';

export const VARIATIONS_TABLE = '#field-variations table';
const PRICE = ['input[data-testid="price-input"]', 'input[name*="price"]'];
const QUANTITY = ['input[data-testid="quantity-input"]', 'input[name*="quantity"]', 'input[id*="quantity"]'];
const SKU = ['input[data-testid="sku-input"]', 'input[name*="sku"]', 'input[id*="sku"]'];
const VISIBLE = 'input[type="checkbox"]';
const CONTROL = 'input, button, select, textarea';

/** What the listing's own fields say, for rows whose price or quantity does not vary. */
export interface ListingFields {
  price: Money | null;
  quantity: { qty: number; evidence: string } | null;
  state: StateReading | null;
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

function rowStock(row: Element, listing: ListingFields): { stock: Stock; evidence: string[] } {
  const field = firstOf(row, QUANTITY);
  const qty = field ? countIn(fieldValue(field.el)) : null;
  if (field && qty !== null) return { stock: fromCount(qty), evidence: [`dom:${VARIATIONS_TABLE} ${field.selector}`] };
  // "Quantities vary" is off: every variation offers the listing's quantity.
  if (!field && listing.quantity)
    return { stock: fromCount(listing.quantity.qty), evidence: [listing.quantity.evidence] };
  return { stock: unknownStock('no quantity shown for this variation'), evidence: [] };
}

export function readVariationRows(table: Element, productKey: string, listing: ListingFields): Variant[] {
  const names = Array.from(table.querySelectorAll('thead tr:last-child > *'), (cell) => cleanText(cell.textContent));
  const rows = table.querySelectorAll('tbody tr');
  const variants: Variant[] = [];
  for (const row of rows) {
    const options: Record<string, string> = {};
    const values: string[] = [];
    Array.from(row.children).forEach((cell, i) => {
      const value = cleanText(cell.textContent);
      if (!value || !names[i] || cell.querySelector(CONTROL)) return;
      options[clip(names[i], 100)] = clip(value, 200);
      values.push(value);
    });
    if (values.length === 0) continue;
    const { stock, evidence } = rowStock(row, listing);
    const priceField = firstOf(row, PRICE);
    const price = (priceField ? moneyOfField(priceField.el) : null) ?? listing.price;
    const sku = firstOf(row, SKU);
    const skuText = sku ? fieldValue(sku.el) : '';
    const visible = row.querySelector(VISIBLE);
    const hidden = visible !== null && !isChecked(visible);
    const state = hidden ? null : listing.state;
    variants.push({
      key: optionsVariantKey(productKey, options),
      label: clip(values.join(' / '), 300),
      ...(skuText ? { sku: clip(skuText, 200) } : {}),
      options,
      stock,
      ...(price ? { price } : {}),
      ...(hidden ? { status: 'inactive' as const } : state ? { status: state.status } : {}),
      evidence: [
        ...evidence,
        ...(hidden ? [`dom:${VARIATIONS_TABLE} ${VISIBLE}:not(:checked)`] : state ? [state.evidence] : []),
      ],
    });
  }
  return variants;
}
