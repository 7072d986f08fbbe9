// The one Dexie database. Versions are append-only: a later schema adds `this.version(2).stores({...})`
// with an upgrade function below the existing ones; never edit a released version.
// Only the background writes; pages (popup, options) read with useLiveQuery.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Assessment,
  FailureReason,
  Link,
  ListingStatus,
  Money,
  Observation,
  Role,
  Status,
  Stock,
  Via,
} from './model';

/** One variant's state at one moment; compact because there are many (budget: <= 600 bytes a reading). */
export interface HistoryRow {
  id?: number;
  key: string;
  at: number;
  stock: Stock;
  price?: Money;
  status?: ListingStatus;
  via: Via;
}

/** A stored link carries its supplier keys flat, for the multi-entry index "links that use this offer". */
export type LinkRow = Link & { offerKeys: string[] };

/** The newest outcome of reading one page: what the popup's header card and the chip show for a tab. */
export interface PageStatusRow {
  url: string;
  adapterId: string;
  role: Role;
  at: number;
  ok: boolean;
  reason?: FailureReason;
  detail?: string;
  productKeys: string[];
  variantCount: number;
  /** Variants that can sell one unit now (exact > 0, atLeast, inStock). */
  availableCount: number;
  readMs?: number;
}

/** Words for the seller: a message key and its substitutions (rendered as text with t()). */
export interface ActionWords {
  key: string;
  subs: string[];
}

/**
 * A channel action (pause/resume) with the state before and after, so undo restores exactly. Written `pending`
 * before the first API call and finished `done` or `failed` after it (lib/actions.ts).
 */
export interface ActionRow {
  id?: number;
  listingKey: string;
  kind: 'pause' | 'resume';
  at: number;
  by: 'seller' | 'rule';
  result: 'pending' | 'done' | 'failed';
  /** The channel's snapshot (lib/channels ChannelSnapshot) before and after the write. */
  before?: unknown;
  after?: unknown;
  /** Technical detail of a failure, for diagnosis (never credentials). */
  error?: string;
  /** How the listing was paused; a resume restores by the same strategy. */
  strategy?: 'quantity-zero' | 'deactivate';
  /** What the seller should know about a done action (backorders switched off, whole product hidden…). */
  notes?: ActionWords[];
  /** Why it failed, in words; `code` as in lib/channels/error.ts, or `interrupted` / `capped`. */
  failure?: { code: string; words: ActionWords; retryAfterMs?: number };
  /** When it finished (done or failed). */
  finishedAt?: number;
}

/**
 * One linked supplier product in the background re-check queue (lib/recheck.ts owns its fields).
 * The queue lives here, not in memory, so a killed worker resumes where it stopped.
 */
export interface RecheckRow {
  productKey: string;
  url: string;
  adapterId: string;
  host: string;
  /** When it should be fetched next; the alarm takes the earliest due rows. */
  dueAt: number;
  /** Set while a fetch is in flight: a restarted worker sees it and does not fetch twice within the lease. */
  leaseUntil?: number;
  /** The product's title, for the popup. */
  title?: string;
  /** What the newest attempt found (lib/recheck/outcome.ts); absent until the first check. */
  state?: RecheckState;
  /** The adapter's words or the HTTP status behind a state other than `ok`, and the evidence that decided. */
  detail?: string;
  evidence?: string[];
  /** When the newest attempt finished (any outcome). */
  checkedAt?: number;
  /** The newest good reading of the product, by a visit or a re-check ("last verified N min ago"). */
  verifiedAt?: number;
  verifiedVia?: Via;
  /** A digest of the newest good reading's stock, to tell a change from a repeat. */
  fingerprint?: string;
  /** Attempts that failed in a row (network errors, server errors): the row backs off on its own. */
  failures?: number;
  [field: string]: unknown;
}

/** `ok`, or why a linked supplier product cannot be re-checked in the background now. */
export type RecheckState = 'ok' | 'needs-visit' | 'needs-permission' | 'failed';

/** Politeness per supplier host: spacing, back-off, and a stop when the host shows a bot wall. */
export interface HostRow {
  host: string;
  nextAllowedAt: number;
  /** A request to this host is in flight until then (one at a time per host), sent by that worker's life. */
  inFlightUntil?: number;
  inFlightBy?: string;
  /** Refusals (403/429/503) in a row: the back-off doubles with each. */
  backoffLevel?: number;
  lastStatus?: number;
  /** Re-checks stopped: the host showed a captcha or bot wall. Only the seller resumes it. */
  stopped?: { at: number; url: string; detail: string; evidence: string[] };
  /** Requests made on the UTC day `day` (the daily cap sums them over hosts). */
  day?: number;
  dayCount?: number;
  [field: string]: unknown;
}

/** The seller set a problem aside: until a time, until its status changes, or acknowledged. */
export interface SnoozeRow {
  listingKey: string;
  /** Hidden until then (ms); absent = until the status changes. */
  until?: number;
  /** The status when snoozed; a different status shows the row again. */
  status: Status;
  kind: 'snooze' | 'acknowledge';
  at: number;
}

/**
 * `latest` rows also count their history rows (so trimming history to HISTORY_PER_KEY is amortised O(1)) and
 * remember when the last one was written (history keeps changes and a heartbeat, not every visit).
 */
export type LatestRow = Observation & { historyCount: number; historyAt?: number };

export const HISTORY_PER_KEY = 200;
export const HISTORY_MAX_AGE_MS = 90 * 24 * 3600 * 1000;
export const DB_NAME = 'oversell-guard';

export class OversellDb extends Dexie {
  latest!: EntityTable<LatestRow, 'key'>;
  history!: EntityTable<HistoryRow, 'id'>;
  links!: EntityTable<LinkRow, 'listingKey'>;
  assessments!: EntityTable<Assessment, 'listingKey'>;
  pages!: EntityTable<PageStatusRow, 'url'>;
  actions!: EntityTable<ActionRow, 'id'>;
  recheck!: EntityTable<RecheckRow, 'productKey'>;
  hosts!: EntityTable<HostRow, 'host'>;
  snoozes!: EntityTable<SnoozeRow, 'listingKey'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      latest: 'key, productKey, url, [role+observedAt]',
      history: '++id, [key+at], at',
      links: 'listingKey, *offerKeys, updatedAt',
      assessments: 'listingKey, severity, status, [severity+changedAt]',
      pages: 'url, at',
      actions: '++id, listingKey, at',
    });
    // v2: the background re-check queue and host politeness, and the seller's snoozes.
    this.version(2).stores({
      recheck: 'productKey, dueAt, host',
      hosts: 'host',
      snoozes: 'listingKey, until',
    });
  }
}

let shared: OversellDb | undefined;
/** The extension's database, opened lazily (nothing touches IndexedDB at module load). */
export function getDb(): OversellDb {
  shared ??= new OversellDb();
  return shared;
}

export function toLinkRow(link: Link): LinkRow {
  return { ...link, offerKeys: [...new Set(link.suppliers.map((s) => s.offerKey))] };
}

/**
 * `bulkGet`, but one range read when the keys cluster. In Chromium each `get` is a round trip to the
 * browser process (3,000 gets ~100 ms here) while one `getAll` over a key range is ~20 ms; keys of one
 * product or one supplier sort together, so a range between the smallest and largest wanted key usually
 * holds little else. A `count` of that range decides first, so a sparse range never costs more.
 */
export async function getMany<T, TInsert>(
  table: Table<T, string, TInsert>,
  keys: readonly string[],
): Promise<(T | undefined)[]> {
  if (keys.length < 16) return table.bulkGet([...keys]);
  const sorted = [...new Set(keys)].sort();
  const range = table.where(':id').between(sorted[0], sorted[sorted.length - 1], true, true);
  if ((await range.count()) > sorted.length * 3) return table.bulkGet([...keys]);
  const byKey = new Map<string, T>();
  const pk = table.schema.primKey.keyPath as string;
  for (const row of await range.toArray()) byKey.set((row as Record<string, string>)[pk], row);
  return keys.map((k) => byKey.get(k));
}
