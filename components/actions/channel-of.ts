// Which connectable channel a listing key belongs to, read without zod (the popup's first paint carries none):
// the same answer as lib/channels channelOfKey (channel-of.test.ts holds them together).
const CHANNEL_OF_PREFIX: Partial<Record<string, string>> = { shopify: 'shopify', woocommerce: 'woocommerce' };
const NAMES: Partial<Record<string, string>> = { shopify: 'Shopify', woocommerce: 'WooCommerce' };

export function channelOfListing(listingKey: string): string | null {
  return CHANNEL_OF_PREFIX[listingKey.slice(0, listingKey.indexOf(':'))] ?? null;
}

export const channelLabel = (channel: string): string => NAMES[channel] ?? channel;
