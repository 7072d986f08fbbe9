// eBay Sell Inventory API shapes: the seller's connection, our snapshot of one SKU's quantities, and the responses
// we read. An answer that does not match is an `unexpected` error, never a guess.
import { z } from 'zod';

export const EBAY_ITEM_ID = /^\d{9,15}$/;
/** eBay SKUs (the custom label) are at most 50 characters. */
export const EbaySkuSchema = z.string().trim().min(1).max(50);

/**
 * The seller confirms out-of-stock control is on in their eBay selling preferences: without it, eBay ends a listing
 * whose quantity reaches 0, and resume could not bring it back. The Inventory API cannot tell, so we ask.
 */
const outOfStockControl = z.boolean();

export const EbayCredentialsSchema = z.discriminatedUnion('kind', [
  /** A user access token (2 hours) with the sell.inventory scope, pasted by the seller. */
  z.object({ kind: z.literal('token'), accessToken: z.string().min(10).max(4000), outOfStockControl }),
  /** The seller's own app keyset and a user refresh token (18 months), exchanged for access tokens. */
  z.object({
    kind: z.literal('refresh-token'),
    clientId: z.string().min(8).max(200),
    clientSecret: z.string().min(8).max(200),
    refreshToken: z.string().min(10).max(4000),
    outOfStockControl,
  }),
]);
export type EbayCredentials = z.infer<typeof EbayCredentialsSchema>;

const quantity = z.number().int().min(0).max(10_000_000);

export const EbayOfferStateSchema = z.object({
  offerId: z.string().min(1).max(40),
  marketplaceId: z.string().max(40),
  listingId: z.string().max(40).nullable(),
  /** ACTIVE, OUT_OF_STOCK, ENDED, EBAY_ENDED, INACTIVE, NOT_LISTED. */
  listingStatus: z.string().max(40).nullable(),
  /** The offer's own cap on the quantity; null when it sells the whole ship-to-home quantity. */
  availableQuantity: quantity.nullable(),
});
export type EbayOfferState = z.infer<typeof EbayOfferStateSchema>;

/** One SKU's exact sellable state, stored as the action's `before`/`after`. */
export const EbaySnapshotSchema = z.object({
  channel: z.literal('ebay'),
  itemId: z.string().regex(EBAY_ITEM_ID),
  sku: EbaySkuSchema,
  takenAt: z.number().int().nonnegative(),
  /** The inventory item's ship-to-home quantity: every listing of the SKU sells at most this many. */
  shipToHome: quantity,
  /** Every published offer of the SKU (one per eBay site), the listing the key names among them. */
  offers: z.array(EbayOfferStateSchema).min(1).max(50),
});
export type EbaySnapshot = z.infer<typeof EbaySnapshotSchema>;

// ------------------------------------------------------------------------------------------------
// Responses

export const InventoryItemSchema = z.object({
  sku: z.string(),
  availability: z.object({ shipToLocationAvailability: z.object({ quantity }) }),
});

export const OffersSchema = z.object({
  offers: z
    .array(
      z.object({
        offerId: z.string().min(1).max(40),
        sku: z.string(),
        marketplaceId: z.string().max(40),
        status: z.string().max(40),
        availableQuantity: quantity.optional(),
        listing: z.object({ listingId: z.string().max(40), listingStatus: z.string().max(40).optional() }).optional(),
      }),
    )
    .max(200)
    .default([]),
  next: z.string().optional(),
});

export const InventoryPageSchema = z.object({ total: z.number().int().nonnegative() });

export const EbayErrorSchema = z.object({
  errorId: z.number().int(),
  message: z.string().max(2000),
  longMessage: z.string().max(4000).optional(),
});
export type EbayError = z.infer<typeof EbayErrorSchema>;

export const EbayErrorsSchema = z.object({ errors: z.array(EbayErrorSchema).min(1) });

/** bulkUpdatePriceQuantity: one answer per offer (or per SKU when no offer was sent), each with its own status. */
export const BulkResponseSchema = z.object({
  responses: z.array(
    z.object({
      statusCode: z.number().int(),
      sku: z.string().optional(),
      offerId: z.string().optional(),
      errors: z.array(EbayErrorSchema).optional(),
      warnings: z.array(EbayErrorSchema).optional(),
    }),
  ),
});
