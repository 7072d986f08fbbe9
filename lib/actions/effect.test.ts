// What a channel snapshot means for reconcile and for a restarted worker.
import { describe, expect, it } from 'vitest';
import type { AmazonSnapshot } from '../channels/amazon-schemas';
import type { EbaySnapshot } from '../channels/ebay-schemas';
import type { EtsySnapshot } from '../channels/etsy-schemas';
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

const ebay = (shipToHome: number, cap: number | null, listingStatus: string | null = 'ACTIVE'): EbaySnapshot => ({
  channel: 'ebay',
  itemId: '225523456789',
  sku: 'MUG-BLUE',
  takenAt: 0,
  shipToHome,
  offers: [
    { offerId: '1', marketplaceId: 'EBAY_US', listingId: '225523456789', listingStatus, availableQuantity: cap },
    {
      offerId: '2',
      marketplaceId: 'EBAY_GB',
      listingId: '186612345678',
      listingStatus: 'ACTIVE',
      availableQuantity: null,
    },
  ],
});
const etsy = (state: string, extra: Partial<EtsySnapshot> = {}): EtsySnapshot => ({
  channel: 'etsy',
  shopId: '31415926',
  listingId: '1487263519',
  takenAt: 0,
  state,
  quantity: 4,
  endsAt: null,
  hasVariations: false,
  ...extra,
});
const amazon = (
  fulfillment: AmazonSnapshot['fulfillment'],
  statuses = ['BUYABLE', 'DISCOVERABLE'],
): AmazonSnapshot => ({
  channel: 'amazon',
  sellerId: 'A3FAKESELLER7Q',
  marketplaceId: 'ATVPDKIKX0DER',
  sku: 'TEE-BLUE-M',
  takenAt: 0,
  productType: 'SHIRT',
  statuses,
  fulfillment,
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
    ['eBay, capped by its offer', ebay(9, 5), exact(5), 'active'],
    ['eBay, paused', ebay(0, null, 'OUT_OF_STOCK'), exact(0), 'out_of_stock'],
    ['eBay, ended', ebay(0, null, 'ENDED'), exact(0), 'archived'],
    ['Etsy, no variations', etsy('active'), exact(4), 'active'],
    ['Amazon, own stock', amazon([{ channelCode: 'DEFAULT', quantity: 12 }]), exact(12), 'active'],
  ] as const)('%s', (_, snap, stock, status) => {
    expect(listingStateOf(snap)).toEqual({ stock, status });
  });

  it('leaves the count to the page where the API answers for more than this variant, or not at all', () => {
    // An Etsy listing's quantity sums its variations; Amazon's FBA stock is not the seller's to count here.
    expect(listingStateOf(etsy('inactive', { hasVariations: true }))).toEqual({ status: 'inactive' });
    expect(listingStateOf(etsy('active', { quantity: null }))).toEqual({ status: 'active' });
    expect(listingStateOf(amazon([{ channelCode: 'AMAZON_NA', quantity: 40 }], ['DISCOVERABLE']))).toEqual({
      status: 'inactive',
    });
    // An eBay offer whose listing status is not told, or another site's listing only: not where this one stands.
    expect(listingStateOf(ebay(9, null, null))).toBeNull();
    expect(listingStateOf(etsy('some_new_state'))).toBeNull();
  });
});

describe('did the write land?', () => {
  it('a quantity pause: every stocked location at 0', () => {
    expect(pauseTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([0, 0, 0]))).toBe(true);
    expect(pauseTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([0, 3, 0]))).toBe(false);
    expect(pauseTookEffect('quantity-zero', woo({}), woo({ stockQuantity: 0 }))).toBe(true);
    expect(pauseTookEffect('quantity-zero', woo({}), woo({ stockQuantity: 0, backorders: 'yes' }))).toBe(false);
  });

  it('a marketplace pause: nothing left to sell (eBay, Amazon) or not active (Etsy)', () => {
    expect(pauseTookEffect('quantity-zero', ebay(9, 5), ebay(0, 0))).toBe(true);
    expect(pauseTookEffect('quantity-zero', ebay(9, 5), ebay(9, 0))).toBe(false);
    expect(pauseTookEffect('deactivate', etsy('active'), etsy('inactive'))).toBe(true);
    expect(pauseTookEffect('deactivate', etsy('active'), etsy('active'))).toBe(false);
    const own = (quantity: number) => amazon([{ channelCode: 'DEFAULT', quantity }]);
    expect(pauseTookEffect('quantity-zero', own(12), own(0))).toBe(true);
    expect(pauseTookEffect('quantity-zero', own(12), own(12))).toBe(false);
  });

  it('a marketplace resume: back to the snapshot', () => {
    expect(resumeTookEffect('quantity-zero', ebay(9, 5), ebay(9, 5))).toBe(true);
    expect(resumeTookEffect('quantity-zero', ebay(9, 5), ebay(9, 0))).toBe(false);
    expect(resumeTookEffect('deactivate', etsy('active'), etsy('active'))).toBe(true);
    const own = (quantity: number) => amazon([{ channelCode: 'DEFAULT', quantity }]);
    expect(resumeTookEffect('quantity-zero', own(12), own(0))).toBe(false);
    expect(resumeTookEffect('quantity-zero', own(12), own(12))).toBe(true);
  });

  it('a resume: back to the snapshot', () => {
    expect(resumeTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([7, 3, 0]))).toBe(true);
    expect(resumeTookEffect('quantity-zero', shopify([7, 3, 0]), shopify([7, 0, 0]))).toBe(false);
    expect(resumeTookEffect('deactivate', woo({}), woo({ status: 'draft' }))).toBe(false);
    expect(resumeTookEffect('deactivate', woo({}), woo({}))).toBe(true);
  });
});
