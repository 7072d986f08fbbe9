// The channel registry: which channel a listing key belongs to, and the stored shapes of channel actions
// (the db `actions` table's `before`/`after`) validated as one union.
import { z } from 'zod';
import { createAmazonChannel } from './amazon';
import { AmazonSnapshotSchema } from './amazon-schemas';
import { createEbayChannel } from './ebay';
import { EbaySnapshotSchema } from './ebay-schemas';
import { ChannelWordsSchema } from './error';
import { createEtsyChannel } from './etsy';
import { EtsySnapshotSchema } from './etsy-schemas';
import { createShopifyChannel } from './shopify';
import { ShopifySnapshotSchema } from './shopify-schemas';
import { type Channel, type ChannelId, type ChannelOptions, PauseStrategySchema } from './types';
import { createWooCommerceChannel } from './woocommerce';
import { WooSnapshotSchema } from './woocommerce-schemas';

// The listing-key prefixes live where the popup can read them without zod.
export { CHANNEL_NAMES, channelName, channelOfKey } from './key-prefixes';

export const ChannelSnapshotSchema = z.discriminatedUnion('channel', [
  ShopifySnapshotSchema,
  WooSnapshotSchema,
  EbaySnapshotSchema,
  EtsySnapshotSchema,
  AmazonSnapshotSchema,
]);
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
  return {
    shopify: createShopifyChannel(options),
    woocommerce: createWooCommerceChannel(options),
    ebay: createEbayChannel(options),
    etsy: createEtsyChannel(options),
    amazon: createAmazonChannel(options),
  };
}
