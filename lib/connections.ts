// The seller's channel connections (API credentials): in storage.local only — never storage.sync, never in a
// backup (lib/backup.ts reads Dexie and settings), never logged — and sent only to their own channel's API.
// Every read is validated: a damaged entry counts as not connected instead of reaching a client half-formed.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type ChannelId, ChannelIdSchema } from './channels/types';
import { type ConnectionInput, ConnectionInputSchema } from './messages';

export const CONNECTIONS_KEY = 'connections';

const WordsSchema = z.object({ key: z.string().max(100), subs: z.array(z.string().max(500)).max(5) });

/** The newest connection test, shown in Options. */
const TestOutcomeSchema = z.object({
  at: z.number().int().nonnegative(),
  storeName: z.string().max(500).optional(),
  failure: z.object({ code: z.string().max(40), words: WordsSchema }).optional(),
});
export type TestOutcome = z.infer<typeof TestOutcomeSchema>;

const StoredConnectionSchema = z.object({
  input: ConnectionInputSchema,
  savedAt: z.number().int().nonnegative(),
  test: TestOutcomeSchema.optional(),
});
type StoredConnection = z.infer<typeof StoredConnectionSchema>;
export type Connections = Partial<Record<ChannelId, StoredConnection>>;

/** What pages may show about a connection: which store, how, and the last test. No secret in it. */
export interface ConnectionSummary {
  channel: ChannelId;
  /** `acme-goods.myshopify.com`, `shop.example.com`, `eBay`, `Etsy 12345678`, `A1B2C3D4E5F6G7 (EU)`. */
  store: string;
  kind: 'token' | 'client-credentials' | 'api-key' | 'refresh-token';
  /** eBay: the seller confirmed out-of-stock control is on (Pause refuses until they do). */
  outOfStockControl?: boolean;
  savedAt: number;
  test?: TestOutcome;
}

export async function loadConnections(): Promise<Connections> {
  const stored = (await browser.storage.local.get(CONNECTIONS_KEY))[CONNECTIONS_KEY];
  const out: Connections = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const channel of ChannelIdSchema.options) {
    const parsed = StoredConnectionSchema.safeParse((stored as Record<string, unknown>)[channel]);
    // Say which channel, never what the entry holds: it may carry a secret.
    if (parsed.success && parsed.data.input.channel === channel) out[channel] = parsed.data;
    else if ((stored as Record<string, unknown>)[channel] !== undefined)
      console.warn(`[oversell-guard] the saved ${channel} connection is damaged; it counts as not connected`);
  }
  return out;
}

/** The credentials a channel client takes, or undefined when the channel is not connected. */
export async function credentialsFor(channel: ChannelId): Promise<unknown> {
  return (await loadConnections())[channel]?.input.credentials;
}

export async function saveConnection(input: ConnectionInput, now: number): Promise<void> {
  const checked = ConnectionInputSchema.parse(input);
  const all = await loadConnections();
  all[checked.channel] = { input: checked, savedAt: now };
  await browser.storage.local.set({ [CONNECTIONS_KEY]: all });
}

export async function deleteConnection(channel: ChannelId): Promise<void> {
  const all = await loadConnections();
  delete all[channel];
  await browser.storage.local.set({ [CONNECTIONS_KEY]: all });
}

/**
 * A channel renewed a credential (Etsy hands out a new refresh token with every access token): the saved
 * connection keeps it, checked like any other. Nothing is stored when the channel was disconnected, or connected
 * to another account, in the meantime. Errors name the channel, never a value.
 */
export async function renewCredentials(channel: ChannelId, credentials: unknown): Promise<void> {
  const renewed = ConnectionInputSchema.safeParse({ channel, credentials });
  if (!renewed.success) throw new Error(`the renewed ${channel} credentials are not valid; the saved ones are kept`);
  const all = await loadConnections();
  const saved = all[channel];
  if (!saved || accountOf(saved.input) !== accountOf(renewed.data)) return;
  all[channel] = { ...saved, input: renewed.data };
  await browser.storage.local.set({ [CONNECTIONS_KEY]: all });
}

/** The connection without the token a channel rotates: the same account and app. */
const accountOf = (input: ConnectionInput) => JSON.stringify({ ...input.credentials, refreshToken: undefined });

/** Keeps the newest test of the saved connection, when it is still the one tested. */
export async function recordTest(input: ConnectionInput, test: TestOutcome): Promise<void> {
  const all = await loadConnections();
  const saved = all[input.channel];
  if (!saved || JSON.stringify(saved.input) !== JSON.stringify(input)) return;
  all[input.channel] = { ...saved, test };
  await browser.storage.local.set({ [CONNECTIONS_KEY]: all });
}

export function summarize(connections: Connections): ConnectionSummary[] {
  return Object.values(connections).map(({ input, savedAt, test }) => ({
    channel: input.channel,
    store: storeOf(input),
    kind: kindOf(input),
    ...(input.channel === 'ebay' ? { outOfStockControl: input.credentials.outOfStockControl } : {}),
    savedAt,
    ...(test ? { test } : {}),
  }));
}

function kindOf(input: ConnectionInput): ConnectionSummary['kind'] {
  if (input.channel === 'woocommerce') return 'api-key';
  if (input.channel === 'etsy' || input.channel === 'amazon') return 'refresh-token';
  return input.credentials.kind;
}

/** Which store or account a connection reaches, for the seller (no secret in it). */
export function storeOf(input: ConnectionInput): string {
  switch (input.channel) {
    case 'shopify':
      return `${input.credentials.shop}.myshopify.com`;
    case 'woocommerce':
      return new URL(input.credentials.siteUrl).host;
    case 'ebay':
      // An eBay token names no shop: the account is whoever signed in when it was made.
      return 'eBay';
    case 'etsy':
      return `Etsy ${input.credentials.shopId}`;
    case 'amazon':
      return `${input.credentials.sellerId} (${input.credentials.region.toUpperCase()})`;
  }
}

/**
 * The host permissions a connection needs, asked for from the Options click: its API's origins and no others
 * (Etsy answers on openapi.etsy.com and grants tokens on api.etsy.com; Amazon grants tokens on api.amazon.com).
 */
export function apiOriginPatterns(input: ConnectionInput): string[] {
  switch (input.channel) {
    case 'shopify':
      return [`https://${input.credentials.shop}.myshopify.com/*`];
    case 'woocommerce':
      return [`${new URL(input.credentials.siteUrl).origin}/*`];
    case 'ebay':
      return ['https://api.ebay.com/*'];
    case 'etsy':
      return ['https://openapi.etsy.com/*', 'https://api.etsy.com/*'];
    case 'amazon':
      return ['https://api.amazon.com/*', `https://sellingpartnerapi-${input.credentials.region}.amazon.com/*`];
  }
}

/**
 * What a seller types as a Shopify store: `acme-goods`, `acme-goods.myshopify.com`, or an admin address
 * (`https://admin.shopify.com/store/acme-goods/…`, `https://acme-goods.myshopify.com/admin`) -> `acme-goods`.
 */
export function shopHandleOf(text: string): string {
  const typed = text.trim().toLowerCase();
  const admin = /admin\.shopify\.com\/store\/([a-z0-9-]+)/.exec(typed);
  if (admin) return admin[1];
  const host = typed.replace(/^https?:\/\//, '').split(/[/?#]/)[0];
  return host.endsWith('.myshopify.com') ? host.slice(0, -'.myshopify.com'.length) : host;
}
