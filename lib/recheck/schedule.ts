// When a linked supplier product is due again: the seller's base interval, shortened by risk (low stock, a
// listing that is selling, a product whose last reading changed) and lengthened for dormant products (out
// of stock and nothing selling). Pure, so the table of cases in schedule.test.ts is the specification.
import { MAX_QTY } from '../limits';
import type { Stock } from '../model';

export interface ProductRisk {
  /** A linked variant's exact count is at or under twice (buffer + one sale): the next few sales empty it. */
  low: boolean;
  /** A linked listing is active and its quantity fell in the last day: orders are coming in. */
  selling: boolean;
  /** The product's last reading changed its stock: it moves, look again soon. */
  changed: boolean;
  /** Every linked variant is out of stock or gone and no linked listing can sell: nothing to protect. */
  dormant: boolean;
}

export const MIN_INTERVAL_MS = 5 * 60_000;
export const MAX_INTERVAL_MS = 24 * 3600_000;

/** The interval before the next re-check, before jitter; always within [5 min, 24 h]. */
export function recheckIntervalMs(risk: ProductRisk, baseMinutes: number): number {
  let factor = 1;
  if (risk.dormant) factor = 4;
  else {
    if (risk.low) factor *= 0.25;
    if (risk.selling) factor *= 0.5;
    if (risk.changed) factor *= 0.5;
  }
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.round(baseMinutes * 60_000 * factor)));
}

/** Spreads products that were linked together, so they do not all come due in the same minute: +-10 %. */
export function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (0.9 + 0.2 * random()));
}

/** Low: an exact count that the next couple of sales (plus the safety buffer) would use up. */
export function isLow(stock: Stock, bufferUnits: number, unitsPerSale: number): boolean {
  return stock.kind === 'exact' && stock.qty <= Math.min(MAX_QTY, 2 * (bufferUnits + unitsPerSale));
}
