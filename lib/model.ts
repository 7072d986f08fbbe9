// The data model: every shape that crosses a boundary (page -> background -> Dexie -> popup) is
// declared here once, as a zod schema with its inferred type. Content scripts import types only
// (`import type`), so zod never lands in a content-script bundle.
import { z } from 'zod';
import { MAX_QTY } from './limits';

// Extension pages forbid eval (MV3 CSP): skip zod's `new Function` fast path instead of failing into it.
z.config({ jitless: true });

export { MAX_QTY };

const qty = z.number().int().min(0).max(MAX_QTY);
const shortText = (max: number) => z.string().max(max);
/** Epoch milliseconds. */
const instant = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------
// Stock: a tagged union, never a bare number. Unknown is never zero.
export const StockSchema = z.discriminatedUnion('kind', [
  /** "37 pieces available" */
  z.object({ kind: z.literal('exact'), qty }),
  /** "More than 10 available": a floor, not a count */
  z.object({ kind: z.literal('atLeast'), qty }),
  /** available, count not shown */
  z.object({ kind: z.literal('inStock') }),
  z.object({ kind: z.literal('outOfStock') }),
  z.object({ kind: z.literal('unknown'), reason: shortText(200) }),
]);
export type Stock = z.infer<typeof StockSchema>;

// ---------------------------------------------------------------------------------------------
// Money: integer minor units and an ISO 4217 code ("$1,400.00" -> {amount: 140000, currency: 'USD'}).
export const MoneySchema = z.object({
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof MoneySchema>;

// ---------------------------------------------------------------------------------------------
export const RoleSchema = z.enum(['supplier', 'listing']);
export type Role = z.infer<typeof RoleSchema>;

/** Who ships a listing's orders: the seller (or their supplier), or the channel from its own warehouse. */
export const FulfilmentSchema = z.enum(['merchant', 'channel']);
export type Fulfilment = z.infer<typeof FulfilmentSchema>;

/** Where a listing stands on its channel. */
export const ListingStatusSchema = z.enum(['active', 'inactive', 'draft', 'archived', 'out_of_stock']);
export type ListingStatus = z.infer<typeof ListingStatusSchema>;

/**
 * Evidence: which source decided, e.g. `json-ld`, `embedded-json:skuModule.skuPriceList[2].skuVal.availQuantity`,
 * `microdata`, `og`, `text:Sold out`, `dom:input[name="available"]`. Several, most decisive first.
 */
const evidence = z.array(shortText(300)).max(8);

export const VariantSchema = z.object({
  /** Stable across visits, never derived from titles: `<adapter>:<product id>:<variant id>`. */
  key: shortText(300),
  label: shortText(300),
  sku: shortText(200).optional(),
  /** Option name -> value, as the page names them: {Color: 'Blue', Size: 'M', 'Ships From': 'China'}. */
  options: z.record(shortText(100), shortText(200)),
  stock: StockSchema,
  price: MoneySchema.optional(),
  /** Listing variants only: where the listing stands on its channel. */
  status: ListingStatusSchema.optional(),
  /** Listing variants only: `channel` = the marketplace ships it (Amazon FBA), so a quantity of 0 cannot pause it. */
  fulfilment: FulfilmentSchema.optional(),
  evidence,
});
export type Variant = z.infer<typeof VariantSchema>;

export const ProductSchema = z.object({
  /** `<adapter>:<product id>`; every variant key starts with it. */
  key: shortText(300),
  title: shortText(500),
  variants: z.array(VariantSchema).max(5000),
  /** The product page says it is gone ("no longer available"): a real reading with every variant gone. */
  removed: z.boolean().optional(),
  /**
   * The page shows only some of the product's variants (a row of a seller-central list that summarises a
   * product with variants): variants not listed are not gone, only not shown here.
   */
  partial: z.boolean().optional(),
});
export type Product = z.infer<typeof ProductSchema>;

export const FailureReasonSchema = z.enum([
  'not-a-product-page',
  'login-wall',
  'captcha',
  'layout-changed',
  'http-error',
]);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

/** What an adapter's pure `read(doc, url)` returns: the page's content, without when or how it was seen. */
export const PageReadSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** One product for a product page; list pages (seller-central) give one per row. */
    products: z.array(ProductSchema).min(1).max(5000),
    evidence,
  }),
  z.object({
    ok: z.literal(false),
    reason: FailureReasonSchema,
    /** Words a seller can act on: "Log in to Shopify admin", "AliExpress shows a captcha". */
    detail: shortText(500),
    /** Known when the URL names the product even though the page could not be read. */
    productKey: shortText(300).optional(),
  }),
]);
export type PageRead = z.infer<typeof PageReadSchema>;
export type PageReadOk = Extract<PageRead, { ok: true }>;
export type PageReadFailure = Extract<PageRead, { ok: false }>;

export const ViaSchema = z.enum(['page', 'recheck', 'api', 'manual']);
export type Via = z.infer<typeof ViaSchema>;

/** What one page said at one moment. */
export const ReadingSchema = z.object({
  adapterId: z.string().regex(/^[a-z0-9-]{2,40}$/),
  role: RoleSchema,
  url: z.string().url().max(2000),
  observedAt: instant,
  via: ViaSchema,
  page: PageReadSchema,
  /** How long `read` took, for the chip and the benchmarks. */
  readMs: z.number().min(0).max(600_000).optional(),
});
export type Reading = z.infer<typeof ReadingSchema>;

// ---------------------------------------------------------------------------------------------
// Links: one listing variant -> ordered supplier variants.
export const LinkSupplierSchema = z.object({
  /** Supplier variant key. */
  offerKey: shortText(300),
  /** 0 = primary, then fallbacks in order. */
  priority: z.number().int().min(0).max(99),
  /** Supplier units shipped per unit sold: "pack of 2" = 2. */
  unitsPerSale: z.number().int().min(1).max(1000),
  note: shortText(500).optional(),
});
export type LinkSupplier = z.infer<typeof LinkSupplierSchema>;

export const LinkSchema = z.object({
  /** Listing variant key; one link per listing variant. */
  listingKey: shortText(300),
  suppliers: z.array(LinkSupplierSchema).min(1).max(10),
  /** Per-link override of the safety buffer (supplier units). */
  bufferUnits: z.number().int().min(0).max(MAX_QTY).optional(),
  /** Per-link override of the minimum margin. */
  minMargin: z.lazy(() => MarginRuleSchema).optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type Link = z.infer<typeof LinkSchema>;

// ---------------------------------------------------------------------------------------------
// Assessments: what reconcile says about one linked (or seen) listing variant.
export const StatusSchema = z.enum([
  'oversell-risk',
  'variant-missing',
  'fallback-in-use',
  'qty-above-supply',
  'margin-lost',
  'stale',
  'unreadable',
  'restock',
  'unlinked',
  'ok',
]);
export type Status = z.infer<typeof StatusSchema>;

export const SeveritySchema = z.enum(['critical', 'warning', 'info', 'none']);
export type Severity = z.infer<typeof SeveritySchema>;

export const SEVERITY_OF: Record<Status, Severity> = {
  'oversell-risk': 'critical',
  'variant-missing': 'critical',
  'fallback-in-use': 'warning',
  'qty-above-supply': 'warning',
  'margin-lost': 'warning',
  stale: 'warning',
  unreadable: 'warning',
  restock: 'info',
  unlinked: 'info',
  ok: 'none',
};

export const FindingSchema = z.object({
  status: StatusSchema,
  severity: SeveritySchema,
  /** The supplier variant this finding is about, when it is about one. */
  offerKey: shortText(300).optional(),
  /** Plain facts for the popup to phrase (and translate): listingQty, supplyQty, coverable, marginMinor… */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** The evidence that decided, copied from the reading. */
  evidence: evidence.default([]),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AssessmentSchema = z.object({
  listingKey: shortText(300),
  /** The worst finding's status; `ok` when there is none. */
  status: StatusSchema,
  severity: SeveritySchema,
  /** Every finding, worst first. */
  findings: z.array(FindingSchema),
  assessedAt: instant,
  /** When `status` last changed (for "newest change first" and one notification per change). */
  changedAt: instant,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

// ---------------------------------------------------------------------------------------------
export const MarginRuleSchema = z.discriminatedUnion('kind', [
  /** Minimum margin in the listing's currency, minor units. */
  z.object({ kind: z.literal('amount'), minor: z.number().int().min(0) }),
  /** Minimum margin as a percentage of the listing price. */
  z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100) }),
]);
export type MarginRule = z.infer<typeof MarginRuleSchema>;

/** One on/off per sales channel with an API (lib/channels): off unless the seller turns it on. */
const channelSwitches = z
  .object({
    shopify: z.boolean().default(false),
    woocommerce: z.boolean().default(false),
    ebay: z.boolean().default(false),
    etsy: z.boolean().default(false),
    amazon: z.boolean().default(false),
  })
  .default({ shopify: false, woocommerce: false, ebay: false, etsy: false, amazon: false });

export const SettingsSchema = z.object({
  /** Supplier units held back: a listing may show at most (supplier qty - buffer) / unitsPerSale. */
  bufferUnits: z.number().int().min(0).max(MAX_QTY).default(0),
  /** A supplier reading older than this is stale. */
  freshnessHours: z
    .number()
    .min(0.25)
    .max(24 * 30)
    .default(24),
  minMargin: MarginRuleSchema.default({ kind: 'amount', minor: 0 }),
  /**
   * Fixed rates the seller sets to compare prices across currencies: `{"CNY->USD": 0.14}`.
   * Without a rate, prices in different currencies are not compared (never guessed).
   */
  fxRates: z.record(z.string().regex(/^[A-Z]{3}->[A-Z]{3}$/), z.number().positive()).default({}),
  /** Show the on-page chip on supplier pages. */
  chipEnabled: z.boolean().default(true),
  /** Statuses that count on the toolbar badge and raise notifications. */
  alertStatuses: z
    .array(z.lazy(() => StatusSchema))
    .default(['oversell-risk', 'variant-missing', 'qty-above-supply', 'margin-lost', 'unreadable']),
  /** Background re-checks of linked supplier products: the base interval (risk makes it shorter or longer). */
  recheckEveryMinutes: z.number().int().min(5).max(1440).default(60),
  recheckPaused: z.boolean().default(false),
  /** At least this long between two requests to one supplier host (jittered upward). */
  hostSpacingSeconds: z.number().min(10).max(3600).default(10),
  /** Re-check requests per day, all hosts together. */
  recheckDailyCap: z.number().int().min(1).max(100_000).default(2000),
  /** Origins whose re-checks may send the seller's cookies (logged-in supplier prices); none by default. */
  cookieOrigins: z.array(z.string().max(200)).max(200).default([]),
  /** Pages needing a real visit may be opened in a background tab, at most this many per hour (0 = never). */
  visitTabsPerHour: z.number().int().min(0).max(60).default(0),
  /** UI language: the browser's, or one the seller picks. */
  language: z.enum(['auto', 'en', 'zh_CN']).default('auto'),
  /**
   * How Pause works on the channels that offer both: quantity 0 keeps the listing live with nothing to sell;
   * deactivate hides it. eBay and Amazon only set quantity 0, Etsy only deactivates (lib/channels pauseStrategies).
   */
  pauseStrategy: z
    .object({
      shopify: z.enum(['quantity-zero', 'deactivate']).default('quantity-zero'),
      woocommerce: z.enum(['quantity-zero', 'deactivate']).default('quantity-zero'),
    })
    .default({ shopify: 'quantity-zero', woocommerce: 'quantity-zero' }),
  /** Optional rule, off by default: pause a connected channel's listing when it turns `oversell-risk`. */
  autoPause: channelSwitches,
  /** Optional rule, off by default: resume a listing Oversell Guard paused when it turns `restock`. */
  autoResume: channelSwitches,
  /** Automatic actions (both rules together) in any 24 hours; past it a rule records why it did not act. */
  autoDailyCap: z.number().int().min(0).max(1000).default(20),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

// ---------------------------------------------------------------------------------------------
/**
 * The newest known state of one variant key, as stored in the `latest` table and handed to reconcile.
 * `presence` says whether the newest reading of its product still had it:
 * `missing` = the product was read and this variant is gone (the supplier changed SKUs);
 * `removed` = the product page itself says the product is gone.
 */
export const ObservationSchema = z.object({
  key: shortText(300),
  productKey: shortText(300),
  adapterId: z.string(),
  role: RoleSchema,
  url: z.string().max(2000),
  productTitle: shortText(500),
  label: shortText(300),
  sku: shortText(200).optional(),
  options: z.record(z.string(), z.string()),
  stock: StockSchema,
  price: MoneySchema.optional(),
  status: ListingStatusSchema.optional(),
  fulfilment: FulfilmentSchema.optional(),
  evidence,
  /** When this variant was last seen on its page (or, for missing/removed, when that was noticed). */
  observedAt: instant,
  via: ViaSchema,
  presence: z.enum(['present', 'missing', 'removed']),
  /** The newest attempt to read the product failed (after `observedAt`): shown as `unreadable`. */
  failure: z.object({ reason: FailureReasonSchema, detail: shortText(500), at: instant }).optional(),
});
export type Observation = z.infer<typeof ObservationSchema>;
