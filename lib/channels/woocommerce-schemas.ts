// WooCommerce REST v3 shapes: the seller's API key, our snapshot of one product or variation, and the
// responses we read. An answer that does not match is an `unexpected` error, never a guess.
import { z } from 'zod';

export const WooCredentialsSchema = z.object({
  /** The store's address as WordPress knows it (`https://shop.example.com`, or with a sub-folder). */
  siteUrl: z.string().url().max(500),
  consumerKey: z.string().regex(/^ck_[A-Za-z0-9]{8,100}$/),
  consumerSecret: z.string().regex(/^cs_[A-Za-z0-9]{8,100}$/),
});
export type WooCredentials = z.infer<typeof WooCredentialsSchema>;

const StockStatusSchema = z.enum(['instock', 'outofstock', 'onbackorder']);
const BackordersSchema = z.enum(['no', 'notify', 'yes']);
/** WordPress post statuses a product or variation can have. */
const PostStatusSchema = z.enum(['publish', 'draft', 'pending', 'private', 'future', 'trash']);

/** The stock fields of a product or variation as the API shows them. */
const stockFields = {
  id: z.number().int().positive(),
  status: PostStatusSchema,
  /** A variation that takes its stock from its product shows `parent` (and the product's quantity). */
  manage_stock: z.union([z.boolean(), z.literal('parent')]),
  stock_quantity: z.number().int().nullable(),
  stock_status: StockStatusSchema,
  backorders: BackordersSchema,
};

export const WooProductSchema = z.object({
  ...stockFields,
  /** simple, variable, grouped, external, or a plugin's own type (subscription, bundle…). */
  type: z.string().max(50),
  name: z.string().max(1000),
});

export const WooVariationSchema = z.object(stockFields);

export const WooSnapshotSchema = z.object({
  channel: z.literal('woocommerce'),
  host: z.string().max(300),
  productId: z.number().int().positive(),
  /** Null for a simple product. */
  variationId: z.number().int().positive().nullable(),
  /** Product type (`variation` for a variation). */
  type: z.string().max(50),
  takenAt: z.number().int().nonnegative(),
  status: PostStatusSchema,
  manageStock: z.union([z.boolean(), z.literal('parent')]),
  stockQuantity: z.number().int().nullable(),
  stockStatus: StockStatusSchema,
  backorders: BackordersSchema,
});
export type WooSnapshot = z.infer<typeof WooSnapshotSchema>;

/** WordPress REST errors: `{code, message, data: {status}}`. */
export const WooErrorSchema = z.object({
  code: z.string().max(200),
  message: z.string().max(2000),
  data: z.object({ status: z.number().int() }).nullable().optional(),
});

/** `GET /products?per_page=1`: only that it is a list (the key may read). */
export const WooProductListSchema = z.array(z.object({ id: z.number().int() }));
