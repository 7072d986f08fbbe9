// The Listings grid (/your/shops/me/tools/listings): one card per listing, each linking to its editor, with
// title, SKU, "N in stock" and price rows. The grid shows one state at a time (the Active, Draft, Expired,
// Sold out or Inactive filter), so every card's status is the selected filter's. A card summarises a listing
// with variations (its total quantity, a price range): such a row reads as partial, without variants.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Product, Stock } from '../../model';
import { countIn, isChecked } from './form-fields';
import { type StateReading, statusOfState } from './listing-states';
import { defaultVariantKey, productKeyOf, type ShopManagerPage } from './urls';

export const CARD_CLASS = 'wt-block-grid__item';
const EDIT_HREF = /\/(?:listing-editor\/edit|tools\/listings(?:\/[^/?#]*:[^/?#]*)*)\/(\d{5,15})(?:[/?#]|$)/;
const STATE_FILTER = 'input[name="item_status"]';
// Class lookups, not selectors: getElementsByClassName on a card costs a fraction of querySelector, and a
// grid of 1,000 cards makes five of them per card.
const QUANTITY = 'card-meta-row-quantity';
const PRICE = 'card-meta-row-price';
// A price range ("$12.00 – $18.00", "12,00 € – 16,00 €"), not two prices side by side (a sale shows the
// old one struck through), or the words for variations in the summary rows.
const PRICE_RANGE = /\d\D{0,6}[–—-]\s*\D{0,6}\d/;
const VARIATIONS = /variation|variante|déclinaison/i;

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** The state the grid shows: the checked filter, else the `item_status` query or an older `state:` path segment. */
export function readGridState(doc: Document, url: URL, page: Extract<ShopManagerPage, { kind: 'list' }>) {
  for (const input of doc.querySelectorAll(STATE_FILTER)) {
    const value = input.getAttribute('value') ?? '';
    const status = isChecked(input) ? statusOfState(value) : undefined;
    if (status) return { status, evidence: `dom:${STATE_FILTER}[value="${value}"]:checked` };
  }
  const fromQuery = url.searchParams.get('item_status');
  const fromPath = /(?:^|[/,])state:([a-z_]+)/.exec(page.filterPath)?.[1];
  const state = fromQuery ?? fromPath;
  const status = state ? statusOfState(state) : undefined;
  if (!status || !state) return null;
  return { status, evidence: fromQuery ? `url:item_status=${state}` : `url:state:${state}` };
}

function cardStock(text: string): { stock: Stock; evidence: string } {
  const qty = countIn(text);
  if (qty !== null) return { stock: fromCount(qty), evidence: `dom:.${QUANTITY}` };
  const said = readStockText(text);
  if (said) return { stock: said.stock, evidence: `text:${clip(said.phrase, 200)}` };
  return { stock: unknownStock('the listing card shows no quantity'), evidence: `dom:.${QUANTITY}` };
}

/** The listing the card's first editor link opens (the card body; its menu repeats it). */
function editedListingId(card: Element): string | undefined {
  for (const link of card.getElementsByTagName('a')) {
    const id = EDIT_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

/** One card as a product; null when it links to no listing (a placeholder or a promotion tile). */
export function readCard(card: Element, state: StateReading | null): Product | null {
  const listingId = editedListingId(card);
  if (!listingId) return null;
  const key = productKeyOf(listingId);
  const titleEl = card.getElementsByClassName('card-title')[0];
  const title = clip(cleanText(titleEl?.getAttribute('title') || titleEl?.textContent) || `Listing ${listingId}`, 500);
  const quantityText = cleanText(card.getElementsByClassName(QUANTITY)[0]?.textContent);
  const priceText = cleanText(card.getElementsByClassName(PRICE)[0]?.textContent);
  if (PRICE_RANGE.test(priceText) || VARIATIONS.test(quantityText) || VARIATIONS.test(priceText)) {
    return { key, title, variants: [], partial: true };
  }
  const { stock, evidence } = cardStock(quantityText);
  const price = priceText ? parseMoney(priceText) : null;
  const skuRow = card.getElementsByClassName('card-meta-row-sku')[0];
  const sku = cleanText((skuRow?.querySelector('[data-value]') ?? skuRow)?.textContent);
  return {
    key,
    title,
    variants: [
      {
        key: defaultVariantKey(key),
        label: 'Default',
        ...(sku ? { sku: clip(sku, 200) } : {}),
        options: {},
        stock,
        ...(price ? { price } : {}),
        ...(state ? { status: state.status } : {}),
        evidence: [evidence, ...(state ? [state.evidence] : [])],
      },
    ],
  };
}
