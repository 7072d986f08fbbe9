// What a channel snapshot means for reconcile and for a restarted worker.
import { describe, expect, it } from 'vitest';
import type { ShopifySnapshot } from '../channels/shopify-schemas';
import type { WooSnapshot } from '../channels/woocommerce-schemas';
import { exact } from '../extract/stock';
import { listingStateOf, pauseTookEffect, resumeTookEffect } from './effect';

const shopify = (levels: number[], extra: Partial<ShopifySnapshot> = {}): ShopifySnapshot => ({
  channel: 'shopify',
  shop: 'acme-goods',
  productId: 'gid://shopify/Product/1',
  variantId: 'gid://shopify/ProductVariant/2',
  sku: null,
  takenAt: 0,
  productStatus: 'ACTIVE',
  inventoryPolicy: 'DENY',
  inventoryItemId: 'gid://shopify/InventoryItem/3',
  tracked: true,
  levels: levels.map((available, i) => ({
    locationId: `gid://shopify/Location/${i}`,
    locationName: `L${i}`,
    available,
  })),
  ...extra,
});
const woo = (extra: Partial<WooSnapshot>): WooSnapshot => ({
  channel: 'woocommerce',
  host: 'shop.example.com',
  productId: 5,
  variationId: null,
  type: 'simple',
  takenAt: 0,
  status: 'publish',
  manageStock: true,
  stockQuantity: 7,
  stockStatus: 'instock',
  backorders: 'no',
  ...extra,
});

describe('listingStateOf', () => {
  it.each([
    ['Shopify, counted', shopify([7, 3, -2]), exact(10), 'active'],
    ['Shopify, untracked: no count', shopify([0], { tracked: false }), { kind: 'inStock' }, 'active'],
    ['Shopify, sells past zero', shopify([0], { inventoryPolicy: 'CONTINUE' }), { kind: 'inStock' }, 'active'],
    ['Shopify, draft', shopify([4], { productStatus: 'DRAFT' }), exact(4), 'draft'],
    ['Woo, managed', woo({}), exact(7), 'active'],
    ['Woo, 0 on backorder', woo({ stockQuantity: 0, backorders: 'notify' }), { kind: 'inStock' }, 'active'],
    [
      'Woo, unmanaged out',
      woo({ manageStock: false, stockQuantity: null, stockStatus: 'outofstock' }),
      { kind: 'outOfStock' },
      'active',
    ],
    ['Woo, private variation', woo({ status: 'private', variationId: 6 }), exact(7), 'inactive'],
  ] as const)('%s', (_, snap, stock, status) => {
    expect(listingStateOf(snap)).toEqual({ stock, status });
  });
});

describe('did the write land?', () => {
  it('a quantity pause: every stocked location at 0', () => {
    expect(pauseTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([0, 0, 0]))).toBe(true);
    expect(pauseTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([0, 3, 0]))).toBe(false);
    expect(pauseTookEffect('quantity-zero', woo({}), woo({ stockQuantity: 0 }))).toBe(true);
    expect(pauseTookEffect('quantity-zero', woo({}), woo({ stockQuantity: 0, backorders: 'yes' }))).toBe(false);
  });

  it('a resume: back to the snapshot', () => {
    expect(resumeTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([7, 3, 0]))).toBe(true);
    expect(resumeTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([7, 0, 0]))).toBe(false);
    expect(resumeTookEffect('deactivate', woo({}), woo({ status: 'draft' }))).toBe(false);
    expect(resumeTookEffect('deactivate', woo({}), woo({}))).toBe(true);
  });
});
