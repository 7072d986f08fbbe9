import { describe, expect, it } from 'vitest';
import { withSupplier } from './merge';

const AE = 'aliexpress:1005';
const CJ = 'cjdropshipping:CJ1';

describe('withSupplier', () => {
  it('starts a link with the supplier as primary', () => {
    expect(withSupplier(undefined, `${AE}:blue`, AE, 2)).toEqual([
      { offerKey: `${AE}:blue`, priority: 0, unitsPerSale: 2 },
    ]);
  });

  it("corrects the same supplier product's variant in place, keeping its rank", () => {
    const existing = [
      { offerKey: `${CJ}:blue`, priority: 0, unitsPerSale: 1 },
      { offerKey: `${AE}:red`, priority: 1, unitsPerSale: 1 },
    ];
    expect(withSupplier(existing, `${AE}:blue`, AE, 1)).toEqual([
      { offerKey: `${CJ}:blue`, priority: 0, unitsPerSale: 1 },
      { offerKey: `${AE}:blue`, priority: 1, unitsPerSale: 1 },
    ]);
  });

  it('adds another supplier as the next fallback', () => {
    const existing = [{ offerKey: `${AE}:blue`, priority: 0, unitsPerSale: 1 }];
    expect(withSupplier(existing, `${CJ}:blue`, CJ, 1).map((s) => [s.offerKey, s.priority])).toEqual([
      [`${AE}:blue`, 0],
      [`${CJ}:blue`, 1],
    ]);
  });

  it('does not take a product whose key merely starts alike for the same product', () => {
    const existing = [{ offerKey: `${AE}9:blue`, priority: 0, unitsPerSale: 1 }];
    expect(withSupplier(existing, `${AE}:blue`, AE, 1)).toHaveLength(2);
  });
});
