// The products list (edit.php?post_type=product): one row `tr#post-<id>` per product, each carrying the hidden
// quick-edit data WooCommerce prints for it (class-wc-admin-list-table-products.php, render_name_column):
// `div#woocommerce_inline_<id>` with `.sku`, `.regular_price`, `.sale_price`, `.stock`, `.stock_status`,
// `.manage_stock`, `.product_type`…, and the Stock column (`<mark class="instock">In stock</mark> (12)`).
import { moneyFromNumber, parseMoney } from '../../extract/money';
import { decideStock, exact, inStock, outOfStock, type StockSignal, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Money, PageRead, Product, Variant } from '../../model';
import { activePriceValue, clip, inventorySignals, listingStatusOf, quantityOf } from './inventory';
import { storeMoney } from './store-money';

const MAX_ROWS = 5000;
const STOCK_MARKS = ['outofstock', 'onbackorder', 'instock'];

/** One field of the inline data (`.stock`, `.product_type`), read only when needed: large lists read thousands. */
function inlineField(inline: Element, name: string): string {
  const el = inline.querySelector(`.${name}`);
  // An esc_html'd field is one text node, whose value is cheaper to take than textContent.
  const only = el?.firstChild && el.firstChild === el.lastChild ? el.firstChild : null;
  return cleanText(only ? only.nodeValue : el?.textContent);
}

/** The Stock column as the seller sees it; a visible "Out of stock" beats the inline data. */
function stockColumnSignal(cell: Element | undefined): StockSignal | null {
  const mark = cell?.querySelector('mark');
  const kind = mark && STOCK_MARKS.find((c) => mark.classList.contains(c));
  if (!mark || !kind) return null;
  const source = `dom:td.column-is_in_stock mark.${kind}`;
  if (kind === 'outofstock') return { stock: outOfStock(), source, visible: true };
  // "In stock (12)": the count WooCommerce adds when it manages the stock, outside the mark.
  const count = kind === 'instock' ? Number(/\((\d+)\)/.exec(mark.parentElement?.textContent ?? '')?.[1]) : 0;
  return { stock: count > 0 ? exact(count) : inStock(), source, visible: true };
}

/** The price column's current price (the sale price when one runs), else the inline data's. */
function rowPrice(cell: Element | undefined, inline: Element, currency: string | undefined): Money | null {
  const amount =
    cell?.querySelector('ins .woocommerce-Price-amount') ?? cell?.querySelector('.woocommerce-Price-amount');
  const shown = amount ? parseMoney(cleanText(amount.textContent), currency) : null;
  if (shown || !currency) return shown;
  const scheduled = Boolean(inlineField(inline, 'sale_price_dates_from') || inlineField(inline, 'sale_price_dates_to'));
  // Inline prices are stored decimals ("17.6"), whatever the store's separator.
  const value = activePriceValue({
    regular: inlineField(inline, 'regular_price'),
    sale: inlineField(inline, 'sale_price'),
    scheduled,
  });
  return value ? moneyFromNumber(value, currency) : null;
}

/** `status-publish` on the row (get_post_class), else the core quick-edit data's `._status`. */
function rowStatus(row: Element): { status: string; source: string } | null {
  const fromClass = /(?:^|\s)status-([\w-]+)/.exec(row.className)?.[1];
  if (fromClass) return { status: fromClass, source: `dom:tr.status-${fromClass}` };
  const core = cleanText(row.querySelector('div[id^="inline_"] ._status')?.textContent);
  return core ? { status: core, source: 'dom:#inline ._status' } : null;
}

/** The cells read, found by their column class in one pass (each query then walks one cell, not the row). */
function rowCells(row: Element): { name?: Element; stock?: Element; price?: Element } {
  const cells: { name?: Element; stock?: Element; price?: Element } = {};
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    const names = ` ${cell.className} `;
    if (names.includes(' column-name ')) cells.name = cell;
    else if (names.includes(' column-is_in_stock ')) cells.stock = cell;
    else if (names.includes(' column-price ')) cells.price = cell;
  }
  return cells;
}

interface RowRead {
  product: Product;
  /** Whether the row carried WooCommerce's inline data at all. */
  inline: boolean;
}

function readRow(row: Element, site: string, currency: string | undefined): RowRead {
  const id = row.id.slice(5);
  const key = `woocommerce:${site}:${id}`;
  const cells = rowCells(row);
  const title = clip(cleanText(cells.name?.querySelector('.row-title')?.textContent) || `#${id}`, 500);
  const inline = cells.name?.querySelector('div[id^="woocommerce_inline_"]');
  // Without its inline data a row cannot say whether it is one item or many: nothing about its variants.
  if (!inline || inline.id !== `woocommerce_inline_${id}`)
    return { product: { key, title, variants: [], partial: true }, inline: false };
  const type = inlineField(inline, 'product_type');
  // Variable (and variable-subscription) rows summarise their variations; a grouped row sells its children.
  if (type.includes('variable') || type === 'grouped')
    return { product: { key, title, variants: [], partial: true }, inline: true };
  const source = (field: string) => `dom:#woocommerce_inline_${id} .${field}`;
  const fields = {
    manageStock: inlineField(inline, 'manage_stock') === 'yes',
    quantity: quantityOf(inlineField(inline, 'stock')),
    stockStatus: inlineField(inline, 'stock_status'),
  };
  const signals = inventorySignals(fields, { quantity: source('stock'), stockStatus: source('stock_status') });
  const column = stockColumnSignal(cells.stock);
  if (column) signals.push(column);
  const { stock, evidence } = signals.length
    ? decideStock(signals)
    : { stock: unknownStock('the row shows no stock for this product'), evidence: [] };
  const post = rowStatus(row);
  const status = listingStatusOf(post?.status);
  const price = rowPrice(cells.price, inline, currency);
  const sku = clip(inlineField(inline, 'sku'), 200);
  const variant: Variant = {
    key: `${key}:default`,
    label: 'Default',
    ...(sku ? { sku } : {}),
    options: {},
    stock,
    ...(price ? { price } : {}),
    ...(status ? { status } : {}),
    evidence: [...evidence, ...(post && status ? [post.source] : [])].slice(0, 8),
  };
  return { product: { key, title, variants: [variant] }, inline: true };
}

export function readProductList(doc: Document, site: string): PageRead {
  const list = doc.getElementById('the-list');
  if (!list) {
    const detail =
      'Could not find the products table (#the-list) on this WooCommerce products page; a plugin or an update may have changed it';
    return { ok: false, reason: 'layout-changed', detail };
  }
  const rows = [...list.children].filter((r) => r.tagName === 'TR' && /^post-\d+$/.test(r.id)).slice(0, MAX_ROWS);
  if (rows.length === 0) {
    if (list.querySelector('tr.no-items'))
      return {
        ok: false,
        reason: 'not-a-product-page',
        detail: 'The listings page shows no listings (empty list or filter)',
      };
    const detail = 'The WooCommerce products table has no rows yet: the page is still loading';
    return { ok: false, reason: 'layout-changed', detail };
  }
  const { currency } = storeMoney(doc);
  const read = rows.map((row) => readRow(row, site, currency));
  if (!read.some((r) => r.inline)) {
    const detail =
      'The WooCommerce products table has rows but none carries its inline product data (#woocommerce_inline_<id>); a plugin or an update may have changed it';
    return { ok: false, reason: 'layout-changed', detail };
  }
  return {
    ok: true,
    products: read.map((r) => r.product),
    evidence: ['dom:#the-list > tr[id^="post-"]', 'dom:div[id^="woocommerce_inline_"]'],
  };
}
