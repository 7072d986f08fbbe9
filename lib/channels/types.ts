// The one interface every sales channel implements: read a listing's exact state, pause it with absolute
// writes, and resume it to exactly that state, refusing when someone changed it in between.
import { z } from 'zod';
import type { ChannelResult, ChannelWords } from './error';

export const ChannelIdSchema = z.enum(['shopify', 'woocommerce', 'ebay', 'etsy', 'amazon']);
export type ChannelId = z.infer<typeof ChannelIdSchema>;

/**
 * How a listing is paused: `quantity-zero` keeps it live with nothing to sell (the default where the channel
 * keeps such listings visible); `deactivate` hides it (Shopify: product Draft; WooCommerce: draft, variation
 * private; Etsy: inactive). eBay and Amazon offer only the first, Etsy only the second (`Channel.pauseStrategies`).
 */
export const PauseStrategySchema = z.enum(['quantity-zero', 'deactivate']);
export type PauseStrategy = z.infer<typeof PauseStrategySchema>;

/**
 * A listing key taken apart: `shopify:<shop>:<product>:<variant>`, `woocommerce:<host>:<product>:<variation|default>`,
 * `ebay-listing:<item>:<variation SKU|default>`, `etsy-listing:<listing>:<options|default>`,
 * `amazon-listing:<marketplace>:<parent SKU>:<SKU>`.
 */
export interface ListingRef {
  channel: ChannelId;
  listingKey: string;
  /**
   * Shopify store handle (`<shop>.myshopify.com`), WooCommerce host, Amazon marketplace id; '' where the key
   * names no store (eBay, Etsy: the connection does).
   */
  store: string;
  /** Shopify product, WooCommerce product, eBay item, Etsy listing, Amazon parent SKU. */
  productId: string;
  /** Null for a listing without variations (`default`); the Amazon SKU. */
  variantId: string | null;
  /** The SKU the channel's API addresses the listing by (eBay, Amazon), when known. */
  sku?: string;
}

/**
 * What the seller-central page showed for a listing (its latest reading): eBay addresses listings by SKU, which
 * a `:default` key does not hold. Passed only for a listing that was read: `sku` absent then means none was shown.
 */
export interface ListingSeen {
  sku?: string;
}

/** What pause did, stored with the action so resume can restore `before` exactly. */
export interface PauseOutcome<Snap> {
  strategy: PauseStrategy;
  before: Snap;
  /** The state as pause left it, read back from the channel. */
  after: Snap;
  /** Things the seller should know (backorders switched off, whole product hidden…). */
  notes: ChannelWords[];
}

export interface ResumeOutcome<Snap> {
  /** The state as resume left it, read back from the channel. */
  after: Snap;
  notes: ChannelWords[];
}

/** What resume needs: the strategy pause used and the snapshot it took (`PauseOutcome` minus `after`, `notes`). */
export interface PausedListing {
  strategy: PauseStrategy;
  before: unknown;
}

/**
 * Credentials and snapshots arrive as `unknown` (from storage.local and the db's `actions` table) and are
 * validated inside, so a damaged record is an error in words, never a write built on a guess.
 */
export interface Channel<Snap = unknown> {
  id: ChannelId;
  name: string;
  /** The pause strategies this channel can carry out, its default first. */
  pauseStrategies: readonly PauseStrategy[];
  parseKey(listingKey: string, seen?: ListingSeen): ChannelResult<ListingRef>;
  /** Checks the credentials with a read; answers the store's name. */
  testConnection(credentials: unknown): Promise<ChannelResult<{ storeName: string }>>;
  snapshot(ref: ListingRef, credentials: unknown): Promise<ChannelResult<Snap>>;
  pause(
    ref: ListingRef,
    snapshot: unknown,
    strategy: PauseStrategy,
    credentials: unknown,
  ): Promise<ChannelResult<PauseOutcome<Snap>>>;
  resume(ref: ListingRef, paused: PausedListing, credentials: unknown): Promise<ChannelResult<ResumeOutcome<Snap>>>;
}

/** Injectable transport for tests; production callers pass nothing (or only `timeoutMs`). */
export interface ChannelOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  timeoutMs?: number;
  /**
   * Tests only: send every request to this loopback server instead of the store (a production caller never
   * sets it; anything but http://127.0.0.1 or localhost is rejected so credentials cannot be redirected).
   */
  testBaseUrl?: string;
  /**
   * Called when a channel renews a credential the stored connection must keep (Etsy hands out a new refresh
   * token with every access token): store `credentials` in place of the old ones. Without it the renewed token
   * lives only as long as this worker.
   */
  saveCredentials?: (channel: ChannelId, credentials: unknown) => Promise<void>;
}
