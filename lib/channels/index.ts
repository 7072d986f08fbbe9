// The channel registry: which channel a listing key belongs to, and the stored shapes of channel actions
// (the db `actions` table's `before`/`after`) validated as one union.
import { z } from 'zod';
import { ChannelWordsSchema } from './error';
import { createShopifyChannel } from './shopify';
import { ShopifySnapshotSchema } from './shopify-schemas';
import { type Channel, type ChannelId, ChannelIdSchema, type ChannelOptions, PauseStrategySchema } from './types';
import { createWooCommerceChannel } from './woocommerce';
import { WooSnapshotSchema } from './woocommerce-schemas';

export const ChannelSnapshotSchema = z.discriminatedUnion('channel', [ShopifySnapshotSchema, WooSnapshotSchema]);
export type ChannelSnapshot = z.infer<typeof ChannelSnapshotSchema>;

/** A done pause as stored: enough for resume (`strategy`, `before`) and for the seller (`after`, `notes`). */
export const PauseRecordSchema = z.object({
  strategy: PauseStrategySchema,
  before: ChannelSnapshotSchema,
  after: ChannelSnapshotSchema,
  notes: z.array(ChannelWordsSchema).max(10),
});
export type PauseRecord = z.infer<typeof PauseRecordSchema>;

export function createChannels(options: ChannelOptions = {}): Record<ChannelId, Channel<ChannelSnapshot>> {
  return { shopify: createShopifyChannel(options), woocommerce: createWooCommerceChannel(options) };
}

/** The channel a listing key names (`shopify:…`, `woocommerce:…`), or null for listings no API can pause. */
export function channelOfKey(listingKey: string): ChannelId | null {
  const parsed = ChannelIdSchema.safeParse(listingKey.slice(0, listingKey.indexOf(':')));
  return parsed.success ? parsed.data : null;
}
