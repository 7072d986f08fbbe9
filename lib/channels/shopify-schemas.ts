// Shopify Admin GraphQL shapes: the seller's credentials, our snapshot of one variant, and every response we
// read. An answer that does not match is an `unexpected` error, never a guess.
import { z } from 'zod';

/** The pinned Admin API version: `changeFromQuantity` and `@idempotent` are both required from 2026-04 on. */
export const SHOPIFY_API_VERSION = '2026-04';

export const SHOP_HANDLE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const ShopifyCredentialsSchema = z.discriminatedUnion('kind', [
  /** A custom app's Admin API access token (shpat_…), entered by the seller. */
  z.object({
    kind: z.literal('token'),
    shop: z.string().regex(SHOP_HANDLE),
    accessToken: z.string().min(10).max(500),
  }),
  /** A Dev Dashboard app of the seller's own: client ID and secret, exchanged for expiring tokens. */
  z.object({
    kind: z.literal('client-credentials'),
    shop: z.string().regex(SHOP_HANDLE),
    clientId: z.string().min(8).max(200),
    clientSecret: z.string().min(8).max(500),
  }),
]);
export type ShopifyCredentials = z.infer<typeof ShopifyCredentialsSchema>;

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`));
export const ProductStatusSchema = z.enum(['ACTIVE', 'ARCHIVED', 'DRAFT', 'UNLISTED']);
export const InventoryPolicySchema = z.enum(['DENY', 'CONTINUE']);
/** Shopify allows negative available (oversold) quantities; its limits are ±1,000,000,000. */
const quantity = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/** One variant's exact sellable state, stored as the action's `before`/`after`. */
export const ShopifySnapshotSchema = z.object({
  channel: z.literal('shopify'),
  shop: z.string().regex(SHOP_HANDLE),
  productId: gid('Product'),
  variantId: gid('ProductVariant'),
  sku: z.string().max(255).nullable(),
  takenAt: z.number().int().nonnegative(),
  productStatus: ProductStatusSchema,
  inventoryPolicy: InventoryPolicySchema,
  inventoryItemId: gid('InventoryItem'),
  tracked: z.boolean(),
  /** `available` at every location that stocks the variant. */
  levels: z
    .array(z.object({ locationId: gid('Location'), locationName: z.string().max(255), available: quantity }))
    .max(50),
});
export type ShopifySnapshot = z.infer<typeof ShopifySnapshotSchema>;

// ------------------------------------------------------------------------------------------------
// Responses

export const TokenResponseSchema = z.object({
  access_token: z.string().min(10).max(500),
  scope: z.string().max(2000).optional(),
  expires_in: z.number().int().positive(),
});

export const VariantNodeSchema = z.object({
  id: gid('ProductVariant'),
  sku: z.string().max(255).nullable(),
  inventoryPolicy: InventoryPolicySchema,
  product: z.object({ id: gid('Product'), status: ProductStatusSchema }),
  inventoryItem: z.object({
    id: gid('InventoryItem'),
    tracked: z.boolean(),
    inventoryLevels: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean() }),
      nodes: z.array(
        z.object({
          location: z.object({ id: gid('Location'), name: z.string().max(255) }),
          quantities: z.array(z.object({ name: z.string(), quantity })),
        }),
      ),
    }),
  }),
});
export type VariantNode = z.infer<typeof VariantNodeSchema>;

export const VariantByIdDataSchema = z.object({ productVariant: VariantNodeSchema.nullable() });

export const ShopDataSchema = z.object({ shop: z.object({ name: z.string().max(255) }) });

const UserErrorSchema = z.object({
  code: z.string().nullable().optional(),
  field: z.array(z.string()).nullable().optional(),
  message: z.string(),
});
export type ShopifyUserError = z.infer<typeof UserErrorSchema>;

export const SetQuantitiesDataSchema = z.object({
  inventorySetQuantities: z.object({ userErrors: z.array(UserErrorSchema) }).nullable(),
});

export const ProductUpdateDataSchema = z.object({
  productUpdate: z
    .object({
      product: z.object({ id: gid('Product'), status: ProductStatusSchema }).nullable(),
      userErrors: z.array(UserErrorSchema),
    })
    .nullable(),
});

/** The envelope of every GraphQL answer: `data`, and `errors` with codes (THROTTLED, ACCESS_DENIED…). */
export const GraphqlEnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  extensions: z
    .object({
      cost: z
        .object({
          requestedQueryCost: z.number().optional(),
          throttleStatus: z
            .object({ currentlyAvailable: z.number(), restoreRate: z.number(), maximumAvailable: z.number() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
export type GraphqlEnvelope = z.infer<typeof GraphqlEnvelopeSchema>;
