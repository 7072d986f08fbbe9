import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '@/lib/db';
import type { Stock } from '@/lib/model';
import { T0 } from '@/tests/factories';
import { countOf, sparkSegments } from './StockHistory';

const HOUR = 3600_000;
const row = (hoursAgo: number, stock: Stock): HistoryRow => ({
  key: 'k',
  at: T0 - hoursAgo * HOUR,
  stock,
  via: 'page',
});

describe('the stock sparkline', () => {
  it('draws counts, zero for out of stock, and no count for "in stock" or unknown', () => {
    expect(countOf({ kind: 'exact', qty: 37 })).toBe(37);
    expect(countOf({ kind: 'atLeast', qty: 10 })).toBe(10);
    expect(countOf({ kind: 'outOfStock' })).toBe(0);
    expect(countOf({ kind: 'inStock' })).toBeNull();
    expect(countOf({ kind: 'unknown', reason: 'captcha' })).toBeNull();
  });

  it('breaks the line where the stock was unknown instead of drawing it at zero', () => {
    const rows = [
      row(72, { kind: 'exact', qty: 40 }),
      row(48, { kind: 'unknown', reason: 'captcha' }),
      row(24, { kind: 'exact', qty: 20 }),
      row(12, { kind: 'outOfStock' }),
    ];
    const segments = sparkSegments(rows, T0 - 96 * HOUR, T0);
    expect(segments).toHaveLength(2);
    // The second segment steps from 20 (half height) down to 0 (the baseline, y = 40) and holds until now.
    expect(segments[1]).toMatch(/^M[\d.]+,22\.0H[\d.]+L[\d.]+,40\.0H236\.0$/);
  });
});
