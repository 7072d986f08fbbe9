// WooCommerce's inventory model, read the same way from the list's inline data, the product editor and each
// variation: `manage_stock` + `stock` (a count), `stock_status` (instock / outofstock / onbackorder) and the
// post status. Form fields are read from their attributes: that is what WooCommerce saved, while the live
// properties also hold edits the seller has not saved (which are not the listing's state yet).
import { moneyFromNumber, parseMoney } from '../../extract/money';
import { fromCount, inStock, outOfStock, type StockSignal } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { ListingStatus, Money } from '../../model';
import type { StoreMoney } from './store-money';

export interface InventoryFields {
  /** null when the page does not show the setting (stock management off store-wide). */
  manageStock: boolean | null;
  quantity: number | null;
  stockStatus: string | null;
}

/** Evidence for each field: `dom:#_stock`, `dom:#woocommerce_inline_12 .stock_status`. */
export interface InventorySources {
  quantity: string;
  stockStatus: string;
}

/**
 * What the saved inventory says, most telling first. On backorder the listing keeps selling whatever the
 * count, so it is in stock; a managed count is the quantity offered; otherwise the stock status alone.
 */
export function inventorySignals(fields: InventoryFields, sources: InventorySources): StockSignal[] {
  const { manageStock, quantity, stockStatus } = fields;
  const signals: StockSignal[] = [];
  if (stockStatus === 'onbackorder') signals.push({ stock: inStock(), source: `${sources.stockStatus}=onbackorder` });
  else if (manageStock && quantity !== null) signals.push({ stock: fromCount(quantity), source: sources.quantity });
  if (stockStatus === 'instock') signals.push({ stock: inStock(), source: `${sources.stockStatus}=instock` });
  if (stockStatus === 'outofstock') signals.push({ stock: outOfStock(), source: `${sources.stockStatus}=outofstock` });
  return signals;
}

/** The parent product's inventory: a simple product's own, and what variations without their own count share. */
export function productInventory(doc: Document): InventoryFields {
  const manage = doc.getElementById('_manage_stock');
  // Stock status is a radio group since WooCommerce 7.6 (woocommerce_wp_radio), a select before.
  const radio = doc.querySelector('input[name="_stock_status"][checked]');
  return {
    manageStock: manage ? manage.hasAttribute('checked') : null,
    quantity: manage ? quantityOf(doc.getElementById('_stock')?.getAttribute('value')) : null,
    stockStatus: radio ? savedValue(radio) : savedChoice(doc.querySelector('select[name="_stock_status"]')),
  };
}

/** WooCommerce writes whole counts (wc_stock_amount); negative ones come from backorders. */
export function quantityOf(text: string | null | undefined): number | null {
  const value = cleanText(text);
  return /^-?\d{1,12}$/.test(value) ? Number(value) : null;
}

// WordPress post statuses: only `publish` sells. `future` is scheduled (not on sale yet), `private` is
// visible to the shop's staff only, `trash` is deleted but restorable.
const STATUSES: Record<string, ListingStatus> = {
  publish: 'active',
  future: 'draft',
  draft: 'draft',
  pending: 'draft',
  'auto-draft': 'draft',
  private: 'inactive',
  trash: 'archived',
};

export const listingStatusOf = (postStatus: string | null | undefined): ListingStatus | undefined =>
  postStatus ? STATUSES[postStatus] : undefined;

/**
 * The price a shopper pays now, as saved: the sale price when one is set without a schedule; a scheduled sale
 * depends on today's date, which a pure read does not know, so then none; else the regular price.
 */
export function activePriceValue(prices: { regular: string; sale: string; scheduled: boolean }): string {
  return prices.sale ? (prices.scheduled ? '' : prices.sale) : prices.regular;
}

/**
 * A price field as the editor shows it: wc_format_localized_price only swaps the decimal point for the store's
 * separator ("19,90"). Without the separator, the field's label names the symbol ("Regular price (€)").
 */
export function localizedPrice(value: string, money: StoreMoney, label: string): Money | null {
  if (!value) return null;
  const { currency, decimalSeparator } = money;
  if (currency && decimalSeparator) return moneyFromNumber(value.replace(decimalSeparator, '.'), currency);
  return parseMoney(`${label} ${value}`, currency);
}

/** An input's saved value, cleaned; '' when there is no such input. */
export const savedValue = (el: Element | null | undefined): string => cleanText(el?.getAttribute('value'));

/** A select's saved choice: the option marked selected, else the first (what the browser shows). */
export function savedChoice(el: Element | null | undefined): string | null {
  if (!el) return null;
  if (el.tagName === 'INPUT') return savedValue(el) || null;
  const option = el.querySelector('option[selected]') ?? el.querySelector('option');
  return option ? (option.getAttribute('value') ?? cleanText(option.textContent)) : null;
}

export const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);
