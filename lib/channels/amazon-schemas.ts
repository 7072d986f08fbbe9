// Amazon SP-API Listings Items (2021-08-01) shapes: the seller's connection, our snapshot of one SKU in one
// marketplace, and the responses we read. An answer that does not match is an `unexpected` error, never a guess.
import { z } from 'zod';

export const MARKETPLACE_ID = /^A[0-9A-Z]{9,15}$/;
/** Amazon SKUs are at most 40 characters; a little room for marketplaces that allow more. */
export const AmazonSkuSchema = z.string().min(1).max(100);

export const AmazonCredentialsSchema = z.object({
  /** The merchant token (Seller Central: Settings → Account Info → Merchant Token). */
  sellerId: z.string().regex(/^A[0-9A-Z]{8,20}$/),
  /** The SP-API app's Login with Amazon client id and secret, and the seller's refresh token (Atzr|…). */
  clientId: z.string().min(10).max(200),
  clientSecret: z.string().min(10).max(500),
  refreshToken: z.string().min(10).max(4000),
  /** The API region the seller authorised in, for the connection test (listings go to their marketplace's). */
  region: z.enum(['na', 'eu', 'fe']),
});
export type AmazonCredentials = z.infer<typeof AmazonCredentialsSchema>;

const quantity = z.number().int().min(0).max(10_000_000);

/** One SKU's sellable state in one marketplace, stored as the action's `before`/`after`. */
export const AmazonSnapshotSchema = z.object({
  channel: z.literal('amazon'),
  sellerId: z.string().max(40),
  marketplaceId: z.string().regex(MARKETPLACE_ID),
  sku: AmazonSkuSchema,
  takenAt: z.number().int().nonnegative(),
  /** The product type a patch must name. */
  productType: z.string().min(1).max(100),
  /** BUYABLE, DISCOVERABLE, as Amazon summarises the listing. */
  statuses: z.array(z.string().max(40)).max(10),
  /** Quantity per fulfilment channel: DEFAULT is the seller's own, AMAZON_NA/EU/FE… are FBA. */
  fulfillment: z.array(z.object({ channelCode: z.string().max(40), quantity: quantity.nullable() })).max(10),
});
export type AmazonSnapshot = z.infer<typeof AmazonSnapshotSchema>;

// ------------------------------------------------------------------------------------------------
// Responses

export const ListingsItemSchema = z.object({
  sku: z.string(),
  summaries: z
    .array(z.object({ marketplaceId: z.string(), productType: z.string(), status: z.array(z.string()).default([]) }))
    .default([]),
  fulfillmentAvailability: z
    .array(z.object({ fulfillmentChannelCode: z.string().max(40), quantity: quantity.optional() }))
    .default([]),
});

const IssueSchema = z.object({
  code: z.string().max(200),
  message: z.string().max(4000),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
});

/** A patch is accepted for processing (applied within minutes) or invalid with the issues why. */
export const SubmissionSchema = z.object({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  issues: z.array(IssueSchema).default([]),
});

export const ParticipationsSchema = z.object({
  payload: z
    .array(
      z.object({
        marketplace: z.object({ id: z.string() }),
        participation: z.object({ isParticipating: z.boolean() }),
        storeName: z.string().max(200).optional(),
      }),
    )
    .max(100),
});

/** SP-API error bodies: `{errors: [{code, message, details}]}`. */
export const AmazonErrorsSchema = z.object({
  errors: z.array(z.object({ code: z.string().max(200), message: z.string().max(2000) })).min(1),
});
