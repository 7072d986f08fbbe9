import { describe, expect, it } from 'vitest';
import { canSupply, decideStock, exact, fromCount, inStock, outOfStock, unknownStock } from './stock';

describe('decideStock', () => {
  it('lets visible out-of-stock text beat JSON-LD that claims stock', () => {
    const r = decideStock([
      { stock: inStock(), source: 'json-ld' },
      { stock: outOfStock(), source: 'text:Sold out', visible: true },
    ]);
    expect(r).toEqual({ stock: outOfStock(), evidence: ['text:Sold out', 'json-ld'] });
  });
  it('keeps the adapter order otherwise: a per-SKU count before a page flag', () => {
    const r = decideStock([
      { stock: fromCount(0), source: 'embedded-json:skuVal.availQuantity' },
      { stock: inStock(), source: 'json-ld' },
    ]);
    expect(r.stock).toEqual(outOfStock());
  });
  it('never lets unknown decide while something is known', () => {
    const r = decideStock([
      { stock: unknownStock('no count'), source: 'dom:#qty' },
      { stock: exact(4), source: 'json-ld' },
    ]);
    expect(r.stock).toEqual(exact(4));
  });
  it('is unknown, not zero, with no signal', () => {
    expect(decideStock([]).stock.kind).toBe('unknown');
  });
});

describe('canSupply', () => {
  it.each([
    [exact(3), 2, true],
    [exact(1), 2, false],
    [inStock(), 1, true],
    [inStock(), 2, null],
    [outOfStock(), 1, false],
    [unknownStock('x'), 1, null],
  ] as const)('%j for %i units -> %s', (stock, units, expected) => {
    expect(canSupply(stock, units)).toBe(expected);
  });
});
