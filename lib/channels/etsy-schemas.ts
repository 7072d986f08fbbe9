// Etsy Open API v3 shapes: the seller's connection, our snapshot of one listing's state, and the responses we read.
// An answer that does not match is an `unexpected` error, never a guess.
import { z } from 'zod';

export const ETSY_LISTING_ID = /^\d{5,15}$/;

export const EtsyCredentialsSchema = z.object({
  /** The numeric shop id the listings belong to (the API's shop_id). */
  shopId: z.string().regex(/^\d{1,20}$/),
  /** The app's API key keystring and shared secret: every request sends both (`x-api-key: keystring:secret`). */
  keystring: z.string().regex(/^[A-Za-z0-9]{8,64}$/),
  sharedSecret: z.string().regex(/^[A-Za-z0-9]{4,128}$/),
  /** The OAuth refresh token (listings_r listings_w); Etsy hands out a new one with every access token. */
  refreshToken: z.string().min(10).max(4000),
});
export type EtsyCredentials = z.infer<typeof EtsyCredentialsSchema>;

/** active, inactive, sold_out, draft, expired (and whatever Etsy adds: kept as read). */
const ListingStateSchema = z.string().min(1).max(40);

/** One listing's state, stored as the action's `before`/`after`. Etsy pauses a listing whole, every variation. */
export const EtsySnapshotSchema = z.object({
  channel: z.literal('etsy'),
  shopId: z.string().regex(/^\d{1,20}$/),
  listingId: z.string().regex(ETSY_LISTING_ID),
  takenAt: z.number().int().nonnegative(),
  state: ListingStateSchema,
  quantity: z.number().int().min(0).nullable(),
  /** When the listing expires (ms); it keeps expiring while inactive. */
  endsAt: z.number().int().nonnegative().nullable(),
  hasVariations: z.boolean(),
});
export type EtsySnapshot = z.infer<typeof EtsySnapshotSchema>;

// ------------------------------------------------------------------------------------------------
// Responses

export const EtsyListingSchema = z.object({
  listing_id: z.number().int().positive(),
  shop_id: z.number().int().positive(),
  state: ListingStateSchema,
  quantity: z.number().int().min(0).nullable().optional(),
  /** Seconds since the epoch. */
  ending_timestamp: z.number().int().nonnegative().nullable().optional(),
  has_variations: z.boolean().optional(),
});
export type EtsyListing = z.infer<typeof EtsyListingSchema>;

export const EtsyShopSchema = z.object({ shop_id: z.number().int().positive(), shop_name: z.string().max(200) });

/** Etsy's error bodies: `{error: "…"}`. */
export const EtsyErrorSchema = z.object({ error: z.string().max(2000) });
