// Listing keys from the seller-central adapters, taken apart: `<channel>:<store>:<product>:<variant>`, each part
// possibly percent-encoded (a WooCommerce host with a port is `shop.example.com%3A8443`).
import { ChannelError } from './error';

/** The three parts after the channel prefix, decoded; throws `refused` for anything else. */
export function splitListingKey(listingKey: string, prefix: string, channelName: string): [string, string, string] {
  const [store, product, variant] = splitKeyParts(listingKey, prefix, channelName, 3);
  return [store, product, variant];
}

/** Exactly `count` non-empty parts after the channel prefix, decoded; throws `refused` for anything else. */
export function splitKeyParts(listingKey: string, prefix: string, channelName: string, count: number): string[] {
  const parts = listingKey.split(':');
  if (parts.length !== count + 1 || parts[0] !== prefix) throw badKey(channelName, listingKey);
  try {
    const decoded = parts.slice(1).map((p) => decodeURIComponent(p));
    if (decoded.some((p) => !p)) throw badKey(channelName, listingKey);
    return decoded;
  } catch (err) {
    if (err instanceof ChannelError) throw err;
    throw badKey(channelName, listingKey);
  }
}

export function badKey(channelName: string, listingKey: string): ChannelError {
  return new ChannelError('refused', 'channelErrorKey', [channelName, listingKey.slice(0, 300)]);
}

/** Numeric ids only: they go into URLs and GraphQL ids. */
export const NUMERIC_ID = /^\d{1,20}$/;
