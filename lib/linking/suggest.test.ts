import { describe, expect, it } from 'vitest';
import { type ProductSeen, suggestMatches } from './suggest';

const product = (key: string, title: string, skus: string[] = []): ProductSeen => ({
  key,
  title,
  adapterId: key.split(':')[0],
  url: `https://example.com/${key}`,
  observedAt: 0,
  skus,
  variantCount: Math.max(1, skus.length),
});

describe('suggestMatches', () => {
  const listing = product('shopify:acme:81', 'Waterproof Hiking Backpack 40L, Grey', ['AE1005006512345678-GRY']);
  const suppliers = [
    product('aliexpress:1005006512345678', 'Outdoor 40L Waterproof Hiking Backpack Men Women Camping Bag'),
    product('aliexpress:1005009999999999', 'Waterproof Hiking Backpack 40L Grey'),
    product('cjdropshipping:CJ123', 'Kitchen knife set', ['CJBAG0042']),
    product('temu:601099512345', 'Phone case'),
  ];

  it('puts the supplier whose product id is in the SKU first, then similar titles', () => {
    const out = suggestMatches(listing, suppliers);
    expect(out.map((s) => [s.key, s.reason])).toEqual([
      ['aliexpress:1005006512345678', 'product-id'],
      ['aliexpress:1005009999999999', 'title'],
    ]);
    expect(out[0].detail).toBe('1005006512345678');
  });

  it('suggests by the same SKU on both sides, whatever the case and spaces', () => {
    const own = product('woocommerce:shop.example:12:default', 'Chef knives', ['cjbag 0042']);
    expect(suggestMatches(own, suppliers)).toEqual([
      { key: 'cjdropshipping:CJ123', reason: 'sku', score: 1, detail: 'CJBAG0042' },
    ]);
  });

  it('does not read an id out of the middle of a longer number', () => {
    const own = product('shopify:acme:82', 'Something else', ['X-91005006512345678']);
    expect(suggestMatches(own, suppliers)).toEqual([]);
  });

  it('works from the supplier side too, and for Chinese titles', () => {
    const supplier = product('1688:61234567890', '户外防水登山背包 40升 男女');
    const listings = [product('shopify:acme:81', '防水登山背包 40升'), product('shopify:acme:83', '厨房刀具套装')];
    expect(suggestMatches(supplier, listings).map((s) => s.key)).toEqual(['shopify:acme:81']);
  });

  it('ignores words that say nothing (free shipping, 2025, pcs)', () => {
    const a = product('shopify:acme:84', 'Free Shipping 2025 New Hot Sale 1pcs Mug');
    const b = product('aliexpress:1005000000000001', 'Free Shipping 2025 New Hot Sale 1pcs Lamp');
    expect(suggestMatches(a, [b])).toEqual([]);
  });
});
