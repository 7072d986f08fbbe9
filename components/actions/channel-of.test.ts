import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelLabel, channelOfListing } from './channel-of';

describe('channelOfListing', () => {
  it.each([
    ['shopify:acme-goods:1:2', 'shopify', 'Shopify'],
    ['woocommerce:shop.example.com:5:default', 'woocommerce', 'WooCommerce'],
    ['ebay-listing:395812349013:default', 'ebay', 'eBay'],
    ['etsy-listing:1487263519:default', 'etsy', 'Etsy'],
    ['amazon-listing:A1F83G8C2ARO7P:TEE:TEE-M', 'amazon', 'Amazon'],
  ])('knows %s', (key, channel, label) => {
    expect(channelOfListing(key)).toBe(channel);
    expect(channelLabel(channel)).toBe(label);
  });

  it.each(['walmart-listing:1:default', 'etsy:1:2', 'aliexpress:1005001234:14', 'constructor:1:2', 'nonsense'])(
    'names no channel for %s',
    (key) => {
      expect(channelOfListing(key)).toBeNull();
    },
  );

  it('loads no zod into the popup (types only from the channel registry)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../lib/channels/key-prefixes.ts'), 'utf8');
    const imports = [...source.matchAll(/^import (?!type ).*$/gm)].map((m) => m[0]);
    expect(imports).toEqual([]);
  });
});
