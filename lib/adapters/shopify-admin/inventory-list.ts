// The inventory page (…/products/inventory[?location_id=…]): one IndexTable row per tracked variant at the
// location the page shows, linking to /products/<pid>/variants/<vid>, with the variant title under the product
// title, the SKU and that location's Unavailable, Committed, Available and On hand quantities. Available is
// found by its column heading (On hand is a number field too); the location by the picker beside the page title.
// A page may show only some variants of a product (paging, filters), so every product is `partial`.
import { unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { PageRead, Product, Stock, Variant } from '../../model';
import { ALL_LOCATIONS, AVAILABLE_HEADING, NOT_TRACKED, SKU_HEADING } from './admin-wording';
import { AVAILABLE, clip, firstOf, quantityOf, wholeNumber } from './fields';
import { rowOf, stockOfCount } from './product-list';
import { LINK_EVIDENCE } from './variant-anchors';
import { UNTRACKED } from './variant-rows';

const VARIANT_HREF = /\/products\/(\d{1,20})\/variants\/(\d{1,20})(?:[/?#]|$)/;
const NO_SKU = /^(?:|[-–—]|no sku|keine sku|无 ?sku)$/i;

interface VariantRow {
  productId: string;
  variantId: string;
  row: Element;
  link: Element;
  /** The link's text: the product title. */
  title: string;
}

function variantRows(doc: Document): VariantRow[] {
  const rows = new Map<Element, VariantRow>();
  for (const link of doc.querySelectorAll('a[href*="/variants/"]')) {
    const m = VARIANT_HREF.exec(link.getAttribute('href') ?? '');
    const row = m ? rowOf(link) : null;
    if (!m || !row) continue;
    const seen = rows.get(row);
    // A row may link its thumbnail too: the link with text is the title.
    if (seen && (seen.title || seen.variantId !== m[2])) continue;
    rows.set(row, { productId: m[1], variantId: m[2], row, link, title: cleanText(link.textContent) });
  }
  return [...rows.values()];
}

/** The row's cell holding `el` (walked by hand, as rowOf). */
function cellOf(el: Element, row: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== row) node = node.parentElement;
  return node;
}

interface Columns {
  available: number;
  sku: number;
  heading: string;
}

/** Column positions from the table's heading row (the checkbox column has a heading cell too). */
function columnsOf(row: Element): Columns | null {
  const headings = row.closest('table')?.querySelector('thead tr')?.children;
  if (!headings) return null;
  const columns: Columns = { available: -1, sku: -1, heading: '' };
  for (let i = 0; i < headings.length; i++) {
    const text = cleanText(headings[i].textContent);
    if (columns.available < 0 && AVAILABLE_HEADING.test(text)) Object.assign(columns, { available: i, heading: text });
    else if (columns.sku < 0 && SKU_HEADING.test(text)) columns.sku = i;
  }
  return columns.available >= 0 ? columns : null;
}

type Scope = { kind: 'single' | 'all'; evidence: string } | { kind: 'one'; name: string; evidence: string };

/**
 * Which stock the page shows. The picker beside the title names the location; one that opens a list means the
 * store has several, and then a row's Available is that location's share only. No picker: a single location.
 */
function locationScope(doc: Document): Scope {
  const title = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const picker = title?.parentElement?.querySelector('button');
  const name = clip(cleanText(picker?.textContent), 100);
  if (!picker || !name) return { kind: 'single', evidence: 'dom:h1 (no location picker)' };
  if (ALL_LOCATIONS.test(name)) return { kind: 'all', evidence: `text:${name}` };
  const opensList =
    picker.hasAttribute('aria-haspopup') &&
    !picker.hasAttribute('disabled') &&
    picker.getAttribute('aria-disabled') !== 'true';
  return opensList
    ? { kind: 'one', name, evidence: `dom:h1 ~ button[aria-haspopup]:${name}` }
    : { kind: 'single', evidence: `text:${name}` };
}

function availableOf(cells: HTMLCollection, row: Element, columns: Columns | null) {
  if (!columns) {
    const field = firstOf(row, AVAILABLE);
    return { qty: field && quantityOf(field.el), text: '', evidence: field ? `dom:${field.selector}` : '' };
  }
  const cell = cells[columns.available];
  // getElementsByTagName: one lookup per row of a 1,000-row page, without matching a selector each time.
  const input = cell?.getElementsByTagName('input')[0];
  const text = input ? '' : cleanText(cell?.textContent);
  const qty = input ? quantityOf(input) : wholeNumber(text);
  return { qty, text, evidence: `dom:td:nth-child(${columns.available + 1})${input ? ' input' : ''}` };
}

function rowStock(available: ReturnType<typeof availableOf>, scope: Scope): { stock: Stock; evidence: string[] } {
  const untracked = NOT_TRACKED.exec(available.text);
  if (untracked) return { stock: unknownStock(UNTRACKED), evidence: [`text:${untracked[0]}`] };
  const { qty, evidence } = available;
  if (qty === null) return { stock: unknownStock('no available quantity shown for this variant'), evidence: [] };
  if (scope.kind !== 'one') return { stock: stockOfCount(qty), evidence: [evidence] };
  const stock = unknownStock(`the inventory page shows one location (${scope.name}) of several`);
  return { stock, evidence: [evidence, clip(`location:${scope.name} available=${qty}`, 300)] };
}

function readVariant(productKey: string, r: VariantRow, columns: Columns | null, scope: Scope): Variant {
  const cells = r.row.children;
  // The variant title sits under the product title in the same cell; a default variant shows none.
  const label = cleanText(cleanText(cellOf(r.link, r.row).textContent).replace(r.title, ''));
  const sku = columns && columns.sku >= 0 ? cleanText(cells[columns.sku]?.textContent) : '';
  const { stock, evidence } = rowStock(availableOf(cells, r.row, columns), scope);
  const variant: Variant = {
    key: `${productKey}:${r.variantId}`,
    label: clip(label || 'Default Title', 300),
    options: {},
    stock,
    evidence,
  };
  if (!NO_SKU.test(sku)) variant.sku = clip(sku, 200);
  return variant;
}

/** The page's variants grouped by product; null when it has no variant rows. */
export function readInventoryList(doc: Document, shop: string): PageRead | null {
  const rows = variantRows(doc);
  if (rows.length === 0) return null;
  const columns = columnsOf(rows[0].row);
  if (!columns && !firstOf(rows[0].row, AVAILABLE)) {
    const detail =
      'Found inventory rows but no Available column on this Shopify admin page; the admin layout may have changed';
    return { ok: false, reason: 'layout-changed', detail };
  }
  const scope = locationScope(doc);
  const products = new Map<string, Product>();
  for (const r of rows) {
    const key = `shopify:${shop}:${r.productId}`;
    let product = products.get(key);
    if (!product) {
      product = { key, title: clip(r.title || `Product ${r.productId}`, 500), variants: [], partial: true };
      products.set(key, product);
    }
    if (product.variants.length < 5000) product.variants.push(readVariant(key, r, columns, scope));
  }
  const heading = columns ? [clip(`text:${columns.heading}`, 300)] : [];
  return {
    ok: true,
    products: [...products.values()].slice(0, 5000),
    evidence: [LINK_EVIDENCE, ...heading, scope.evidence],
  };
}
