import { describe, expect, it } from 'vitest';
import { channelOfKey } from '@/lib/channels';
import { channelOfListing } from './channel-of';

describe('channelOfListing', () => {
  it.each([
    'shopify:acme-goods:1:2',
    'woocommerce:shop.example.com:5:default',
    'walmart-listing:1:default',
    'nonsense',
  ])('agrees with the channel registry on %s', (key) => {
    expect(channelOfListing(key)).toBe(channelOfKey(key));
  });
});
