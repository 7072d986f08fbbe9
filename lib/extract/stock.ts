// Stock constructors and the rules that combine signals. Zod-free: content scripts import this.

import { MAX_QTY } from '../limits';
import type { Stock } from '../model';

export const clampQty = (n: number): number => Math.max(0, Math.min(MAX_QTY, Math.floor(n)));

export const exact = (qty: number): Stock => ({ kind: 'exact', qty: clampQty(qty) });
export const atLeast = (qty: number): Stock => ({ kind: 'atLeast', qty: clampQty(qty) });
export const inStock = (): Stock => ({ kind: 'inStock' });
export const outOfStock = (): Stock => ({ kind: 'outOfStock' });
export const unknownStock = (reason: string): Stock => ({ kind: 'unknown', reason });

/** A quantity that came from a page: `exact`, except 0 which is plainly out of stock. */
export const fromCount = (qty: number): Stock => (clampQty(qty) === 0 ? outOfStock() : exact(qty));

/** Can this stock supply at least one sale of `unitsPerSale` units? `null` when we cannot tell. */
export function canSupply(stock: Stock, unitsPerSale = 1): boolean | null {
  switch (stock.kind) {
    case 'exact':
      return stock.qty >= unitsPerSale;
    case 'atLeast':
      return stock.qty >= unitsPerSale ? true : null;
    case 'inStock':
      return unitsPerSale <= 1 ? true : null;
    case 'outOfStock':
      return false;
    case 'unknown':
      return null;
  }
}

export interface StockSignal {
  stock: Stock;
  /** Evidence string, e.g. `json-ld`, `text:Sold out`. */
  source: string;
  /** Visible text the shopper sees; it beats structured data that claims stock (pages lie in JSON-LD). */
  visible?: boolean;
}

/**
 * Combines what several sources said about one variant into one Stock and its evidence.
 * Signals come most authoritative first (the adapter knows its site: a per-SKU count before a page-wide
 * JSON-LD flag). Rule over that order: visible out-of-stock text beats anything that claims stock, because
 * pages lie in structured data. Unknown signals never decide while any other signal is known. Every
 * source is kept as evidence, the deciding one first.
 */
export function decideStock(signals: StockSignal[]): { stock: Stock; evidence: string[] } {
  if (signals.length === 0) return { stock: unknownStock('no stock signal on the page'), evidence: [] };
  const decided =
    signals.find((s) => s.visible && s.stock.kind === 'outOfStock') ??
    signals.find((s) => s.stock.kind !== 'unknown') ??
    signals[0];
  const evidence = [decided.source, ...signals.filter((s) => s !== decided).map((s) => s.source)];
  return { stock: decided.stock, evidence: evidence.slice(0, 8) };
}
