import { describe, expect, it } from 'vitest';
import { atLeast, exact, inStock, outOfStock } from '../extract/stock';
import { isLow, jittered, MAX_INTERVAL_MS, MIN_INTERVAL_MS, type ProductRisk, recheckIntervalMs } from './schedule';

const calm: ProductRisk = { low: false, selling: false, changed: false, dormant: false };
const min = 60_000;

describe('recheckIntervalMs', () => {
  it.each<[string, Partial<ProductRisk>, number, number]>([
    ['nothing special: the base interval', {}, 60, 60 * min],
    ['low stock: four times as often', { low: true }, 60, 15 * min],
    ['a listing is selling: twice as often', { selling: true }, 60, 30 * min],
    ['the last reading was a change: twice as often', { changed: true }, 60, 30 * min],
    ['low, selling and moving: never under 5 min', { low: true, selling: true, changed: true }, 60, MIN_INTERVAL_MS],
    ['the 5 min floor holds on a short base', { low: true }, 5, MIN_INTERVAL_MS],
    ['out of stock and paused: four times later', { dormant: true }, 60, 240 * min],
    ['dormant wins over a stale "changed"', { dormant: true, changed: true }, 60, 240 * min],
    ['the 24 h ceiling holds on a long base', { dormant: true }, 1440, MAX_INTERVAL_MS],
  ])('%s', (_, risk, base, expected) => {
    expect(recheckIntervalMs({ ...calm, ...risk }, base)).toBe(expected);
  });
});

describe('isLow', () => {
  it.each([
    ['2 left, no buffer, single units', exact(2), 0, 1, true],
    ['3 left, no buffer, single units', exact(3), 0, 1, false],
    ['10 left, buffer 5: twice (5 + 1) is 12', exact(10), 5, 1, true],
    ['8 left, packs of 4', exact(8), 0, 4, true],
    ['"more than 10" is never low', atLeast(10), 0, 1, false],
    ['in stock without a count is never low', inStock(), 0, 1, false],
    ['out of stock is not "low": it is out', outOfStock(), 0, 1, false],
  ] as const)('%s', (_, stock, buffer, units, expected) => {
    expect(isLow(stock, buffer, units)).toBe(expected);
  });
});

describe('jittered', () => {
  it('spreads by at most 10 % either way', () => {
    expect(jittered(60 * min, () => 0)).toBe(54 * min);
    expect(jittered(60 * min, () => 1)).toBe(66 * min);
  });
});
