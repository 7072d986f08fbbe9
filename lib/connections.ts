// The seller's channel connections (API credentials): in storage.local only — never storage.sync, never in a
// backup (lib/backup.ts reads Dexie and settings), never logged — and sent only to their own channel's API.
// Every read is validated: a damaged entry counts as not connected instead of reaching a client half-formed.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ChannelId } from './channels/types';
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
  /** `acme-goods.myshopify.com`, `shop.example.com`. */
  store: string;
  kind: 'token' | 'client-credentials' | 'api-key';
  savedAt: number;
  test?: TestOutcome;
}

export async function loadConnections(): Promise<Connections> {
  const stored = (await browser.storage.local.get(CONNECTIONS_KEY))[CONNECTIONS_KEY];
  const out: Connections = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const channel of ['shopify', 'woocommerce'] as const) {
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
    kind: input.channel === 'woocommerce' ? 'api-key' : input.credentials.kind,
    savedAt,
    ...(test ? { test } : {}),
  }));
}

export function storeOf(input: ConnectionInput): string {
  return input.channel === 'shopify'
    ? `${input.credentials.shop}.myshopify.com`
    : new URL(input.credentials.siteUrl).host;
}

/** The one host permission a connection needs: its API's origin (asked for from the Options click). */
export function apiOriginPattern(input: ConnectionInput): string {
  if (input.channel === 'shopify') return `https://${input.credentials.shop}.myshopify.com/*`;
  return `${new URL(input.credentials.siteUrl).origin}/*`;
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
