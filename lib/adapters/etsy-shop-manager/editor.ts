// The listing editor (/your/shops/me/listing-editor/edit/<id>): a client-rendered form whose controls keep the
// ids public automation drives (#listing-title-input, #listing-price-input, #listing-quantity-input,
// #listing-sku-input), the variations table under #field-variations, and the listing's status badge in the
// editor's header.
import { fromCount, unknownStock } from '../../extract/stock';
import type { PageRead, Variant } from '../../model';
import { countIn, fieldValue, firstOf, moneyOfField } from './form-fields';
import { type StateReading, stateOfLabel, statusOfState } from './listing-states';
import { defaultVariantKey, productKeyOf } from './urls';
import { type ListingFields, readVariationRows, VARIATIONS_TABLE } from './variations';

export const TITLE = ['#listing-title-input', 'textarea[name="title"]'];
const PRICE = ['#listing-price-input', 'input[name="variations.configuration.price"]'];
const QUANTITY = ['#listing-quantity-input', 'input[name="quantity"]'];
const SKU = ['#listing-sku-input', 'input[name="sku"]'];
// "Show all" under a long variations table: the rows not rendered yet are not read.
const MORE_ROWS = '#field-variations .wt-text-center-xs > button';

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** The status badge next to the editor's heading ("Active", "Entwurf", "Épuisé"). */
function readBadge(doc: Document): StateReading | null {
  const header = doc.querySelector('h1')?.parentElement;
  for (const badge of header?.querySelectorAll('.wt-badge') ?? []) {
    const state = stateOfLabel(badge.textContent);
    const status = state && statusOfState(state);
    if (status) return { status, evidence: `text:${clip(badge.textContent?.trim() ?? '', 100)}` };
  }
  return null;
}

function listingFields(doc: Document, state: StateReading | null): ListingFields {
  const price = firstOf(doc, PRICE);
  const quantity = firstOf(doc, QUANTITY);
  const qty = quantity ? countIn(fieldValue(quantity.el)) : null;
  return {
    price: price ? moneyOfField(price.el) : null,
    quantity: quantity && qty !== null ? { qty, evidence: `dom:${quantity.selector}` } : null,
    state,
  };
}

function singleItem(doc: Document, productKey: string, fields: ListingFields): Variant | null {
  if (!fields.quantity && !fields.price) return null;
  const sku = firstOf(doc, SKU);
  const skuText = sku ? fieldValue(sku.el) : '';
  const { state } = fields;
  return {
    key: defaultVariantKey(productKey),
    label: 'Default',
    ...(skuText ? { sku: clip(skuText, 200) } : {}),
    options: {},
    stock: fields.quantity ? fromCount(fields.quantity.qty) : unknownStock('no quantity field on the page'),
    ...(fields.price ? { price: fields.price } : {}),
    ...(state ? { status: state.status } : {}),
    evidence: [...(fields.quantity ? [fields.quantity.evidence] : []), ...(state ? [state.evidence] : [])],
  };
}

/** Reads the editor once its form is on the page (`title` is the form's title field). */
export function readListingEditor(doc: Document, listingId: string, title: Element, titleSelector: string): PageRead {
  const productKey = productKeyOf(listingId);
  const state = readBadge(doc);
  const fields = listingFields(doc, state);
  const table = doc.querySelector(VARIATIONS_TABLE);
  const rows = table ? readVariationRows(table, productKey, fields) : [];
  const single = rows.length ? null : singleItem(doc, productKey, fields);
  if (!rows.length && !single) {
    const detail =
      'Found the listing form but no price, quantity or variations; the Etsy editor layout may have changed';
    return { ok: false, reason: 'layout-changed', detail, productKey };
  }
  const truncated = rows.length > 0 && doc.querySelector(MORE_ROWS) !== null;
  return {
    ok: true,
    products: [
      {
        key: productKey,
        title: clip(fieldValue(title), 500),
        variants: single ? [single] : rows,
        ...(truncated ? { partial: true } : {}),
      },
    ],
    evidence: [
      `dom:${titleSelector}`,
      rows.length ? `dom:${VARIATIONS_TABLE}` : (fields.quantity?.evidence ?? `dom:${PRICE[0]}`),
      ...(truncated ? [`dom:${MORE_ROWS}`] : []),
      ...(state ? [state.evidence] : []),
    ],
  };
}
