// Which sales channel a listing key belongs to, and the channel's name, without zod: the popup's first paint reads
// this (its Pause buttons) as well as the worker (lib/channels channelOfKey), so the map exists once.
import type { ChannelId } from './types';

/** Listing-key prefixes (the seller-central adapters' `keyPrefix`) and the channel whose API takes them. */
const CHANNEL_OF_PREFIX: Readonly<Record<string, ChannelId>> = {
  shopify: 'shopify',
  woocommerce: 'woocommerce',
  'ebay-listing': 'ebay',
  'etsy-listing': 'etsy',
  'amazon-listing': 'amazon',
};

export const CHANNEL_NAMES: Readonly<Record<ChannelId, string>> = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  ebay: 'eBay',
  etsy: 'Etsy',
  amazon: 'Amazon',
};

/** The channel a listing key names (`shopify:…`, `ebay-listing:…`), or null for listings no API can pause. */
export function channelOfKey(listingKey: string): ChannelId | null {
  const prefix = listingKey.slice(0, listingKey.indexOf(':'));
  return Object.hasOwn(CHANNEL_OF_PREFIX, prefix) ? CHANNEL_OF_PREFIX[prefix] : null;
}

/** The channel's name for the seller's words ("Reconnect eBay"); an unknown id as it is. */
export const channelName = (id: string): string =>
  Object.hasOwn(CHANNEL_NAMES, id) ? CHANNEL_NAMES[id as ChannelId] : id;
