// The products list: one Polaris IndexTable row per product, found by its primary link to /products/<id>, with
// the title, a status badge and an inventory summary ("12 in stock", "0 in stock for 3 variants"). A row names
// no variant, so every product is `partial` with no variants: the ones not shown are not gone. Only a row that
// names its single variant (a link to /products/<id>/variants/<vid>) gives that variant, keyed as the
// product page keys it, with the row's status and count.
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { ListingStatus, Product, Stock, Variant } from '../../model';
import { type InventorySummary, readInventorySummary, statusOfBadge } from './admin-wording';
import { clip } from './fields';
import { UNTRACKED } from './variant-rows';

const PRODUCT_HREF = /\/products\/(\d{1,20})(?:\/variants\/(\d{1,20}))?\/?(?:[?#]|$)/;
export const PRODUCT_LINK_EVIDENCE = 'dom:a[href*="/products/"]';

/**
 * The list row holding an element: a table row, an ARIA row, or a list item (IndexTable's condensed layout).
 * Walked by hand: once per link on a 1,000-row page, where `closest` would match selectors at every level.
 */
export function rowOf(el: Element): Element | null {
  for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
    if (node.tagName === 'TR' || node.tagName === 'LI' || node.getAttribute('role') === 'row') return node;
  }
  return null;
}

interface ListedProduct {
  productId: string;
  row: Element;
  title: string;
  /** Variant ids the row links to (a row normally links to none). */
  variantIds: Set<string>;
}

/** Every row with a product link, in page order: one per product, titled by the first link that has text. */
function productRows(doc: Document): ListedProduct[] {
  const byId = new Map<string, ListedProduct>();
  for (const link of doc.querySelectorAll('a[href*="/products/"]')) {
    const m = PRODUCT_HREF.exec(link.getAttribute('href') ?? '');
    const row = m ? rowOf(link) : null;
    if (!m || !row) continue;
    const [, productId, variantId] = m;
    let seen = byId.get(productId);
    if (seen && seen.row !== row) continue;
    if (!seen) {
      seen = { productId, row, title: '', variantIds: new Set() };
      byId.set(productId, seen);
    }
    if (variantId) seen.variantIds.add(variantId);
    else seen.title ||= cleanText(link.textContent);
  }
  return [...byId.values()];
}

/** A negative count means Shopify sold past zero: "continue selling when out of stock" is likely on. */
export function stockOfCount(qty: number): Stock {
  return qty >= 0 ? fromCount(qty) : unknownStock(`${qty} available: Shopify sold past zero, so it may keep selling`);
}

function summaryStock(summary: InventorySummary | null): Stock {
  if (!summary) return unknownStock('no inventory shown for this product');
  return summary.kind === 'untracked' ? unknownStock(UNTRACKED) : stockOfCount(summary.qty);
}

/** The row's only variant, when the row names it and its inventory summary covers one variant. */
function rowVariant(productKey: string, { row, variantIds }: ListedProduct): Variant | null {
  if (variantIds.size !== 1) return null;
  const [variantId] = variantIds;
  let status: { status: ListingStatus; word: string } | null = null;
  let summary: InventorySummary | null = null;
  for (const cell of row.children) {
    // The title cell: a product titled "Archived" is no status.
    if (cell.querySelector('a[href*="/products/"]:not([href*="/variants/"])')) continue;
    const text = cleanText(cell.textContent);
    status ??= statusOfBadge(text);
    summary ??= readInventorySummary(text);
  }
  if (summary?.kind === 'count' && summary.variants > 1) return null;
  return {
    key: `${productKey}:${variantId}`,
    label: 'Default Title',
    options: {},
    stock: summaryStock(summary),
    ...(status ? { status: status.status } : {}),
    evidence: [...(summary ? [`text:${clip(summary.phrase, 200)}`] : []), ...(status ? [`text:${status.word}`] : [])],
  };
}

/** One partial product per row; empty when the page has no product rows. */
export function readProductList(doc: Document, shop: string): Product[] {
  return productRows(doc).map((listed) => {
    const { productId, title } = listed;
    const key = `shopify:${shop}:${productId}`;
    const variant = rowVariant(key, listed);
    return {
      key,
      title: clip(title || `Product ${productId}`, 500),
      variants: variant ? [variant] : [],
      partial: true,
    };
  });
}
