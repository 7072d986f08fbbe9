// Read-only queries the popup and options run against Dexie (through useLiveQuery). Only the
// background writes; pages change data by sending messages. The popup's list reads keys through indexes
// first and whole rows only for what is painted, so 10,000 problems open as fast as 10.

import Dexie from 'dexie';
import { getMany, type HistoryRow, type LinkRow, type OversellDb, type SnoozeRow } from '@/lib/db';
import type { Assessment, Observation, Severity, Status } from '@/lib/model';
import { snoozeHides } from '@/lib/snooze';

export const SHOWN_SEVERITIES = ['critical', 'warning', 'info'] as const satisfies Severity[];
export type ShownSeverity = (typeof SHOWN_SEVERITIES)[number];

export interface ProblemFilter {
  /** Words in the listing's title, variant, SKU or key (case-insensitive). */
  search: string;
  /** A listing key prefix (`shopify`, `etsy-listing`), see channelOf. */
  channel: string;
  /** A supplier site, see siteOf. */
  site: string;
  status: Status | '';
}
export const NO_FILTER: ProblemFilter = { search: '', channel: '', site: '', status: '' };

export interface ProblemIndex {
  /** Listing keys per severity, newest change first, after the filter; set-aside ones only when asked for. */
  keys: Record<ShownSeverity, string[]>;
  /** Every key and count is known (loadProblemIndex); false for the first screen only (loadProblemHead). */
  complete: boolean;
  /** Problems matching the filter that the seller snoozed or acknowledged. */
  setAside: number;
  /** Problems that need the seller now, whatever the filter: the summary line. */
  open: number;
  /** Listings seen but linked to nothing (counted apart, never listed as problems). */
  unlinked: number;
  /** The channels (listing key prefixes) that have problems, for the channel filter. */
  channels: string[];
}

/** The channel a listing sells on, from its key: `shopify:acme:1:2` -> `shopify`. */
export const channelOf = (listingKey: string) => listingKey.slice(0, listingKey.indexOf(':'));

/**
 * The supplier site of a supplier variant key: the adapter (`aliexpress:1005…` -> `aliexpress`), with the host
 * for adapters that read any shop (`shopify-store:shop.example.com:…` -> `shopify-store:shop.example.com`).
 */
export function siteOf(offerKey: string): string {
  const [adapter, second = ''] = offerKey.split(':', 2);
  return second.includes('.') ? `${adapter}:${second}` : adapter;
}

/** What the store holds, as keys: read when the data changes, not when the clock ticks (see shownProblems). */
export interface ProblemKeys {
  /** Every problem's listing key per severity, newest change first, without listings that are only unlinked. */
  all: Record<ShownSeverity, string[]>;
  /** Keys passing the status, site and search filters; null when none is set. */
  matching: Set<string> | null;
  /** Every snooze, with the current status of its problem. */
  snoozes: Map<string, { snooze: SnoozeRow; status?: Status }>;
  unlinked: number;
}

/**
 * The popup's problems as keys: for each severity, every listing key through the [severity+changedAt] index
 * (keys only, no rows), minus listings that are only unlinked.
 */
export async function loadProblemKeys(db: OversellDb, filter: ProblemFilter): Promise<ProblemKeys> {
  const keysOf = async (severity: ShownSeverity) =>
    (
      (await db.assessments
        .where('[severity+changedAt]')
        .between([severity, Dexie.minKey], [severity, Dexie.maxKey])
        .primaryKeys()) as string[]
    ).reverse(); // read ascending (getAllKeys everywhere), shown newest first
  const [critical, warning, info, unlinkedKeys, snoozeRows, matching] = await Promise.all([
    keysOf('critical'),
    keysOf('warning'),
    keysOf('info'),
    db.assessments.where('status').equals('unlinked').primaryKeys() as Promise<string[]>,
    db.snoozes.toArray(),
    keysMatching(db, filter),
  ]);
  const statuses = snoozeRows.length ? await db.assessments.bulkGet(snoozeRows.map((r) => r.listingKey)) : [];
  const unlinked = new Set(unlinkedKeys);
  return {
    all: { critical, warning, info: info.filter((k) => !unlinked.has(k)) },
    matching,
    snoozes: new Map(snoozeRows.map((snooze, i) => [snooze.listingKey, { snooze, status: statuses[i]?.status }])),
    unlinked: unlinked.size,
  };
}

/**
 * What the list shows now: the keys after the channel filter, without set-aside problems unless `withSetAside`,
 * with the counts. Pure and cheap, so the clock (a snooze ends) and the toggle cost no database read.
 */
export function shownProblems(raw: ProblemKeys, channel: string, now: number, withSetAside: boolean): ProblemIndex {
  const channels = new Set<string>();
  let open = 0;
  let setAside = 0;
  const keys = {} as Record<ShownSeverity, string[]>;
  for (const severity of SHOWN_SEVERITIES) {
    keys[severity] = raw.all[severity].filter((key) => {
      channels.add(channelOf(key));
      const s = raw.snoozes.get(key);
      const aside = s !== undefined && snoozeHides(s.snooze, s.status, now);
      if (!aside) open++;
      if (channel && channelOf(key) !== channel) return false;
      if (raw.matching && !raw.matching.has(key)) return false;
      if (aside) setAside++;
      return !aside || withSetAside;
    });
  }
  return { keys, complete: true, setAside, open, unlinked: raw.unlinked, channels: [...channels].sort() };
}

/** loadProblemKeys and shownProblems in one (for callers that do not keep the keys). */
export async function loadProblemIndex(
  db: OversellDb,
  filter: ProblemFilter,
  now: number,
  withSetAside: boolean,
): Promise<ProblemIndex> {
  return shownProblems(await loadProblemKeys(db, filter), filter.channel, now, withSetAside);
}

/**
 * The first screen only: the newest few problems of each severity, without counts. Reading every key of 10,000
 * problems costs Chromium's IndexedDB 200-700 ms here (counting them nearly as much); a dozen rows cost ~10 ms.
 * The popup paints these, then reads the whole index.
 */
export async function loadProblemHead(db: OversellDb, now: number, perGroup = 8): Promise<ProblemIndex> {
  return (await readHead(db, now, perGroup)).index;
}

async function readHead(db: OversellDb, now: number, perGroup: number) {
  // A few more than shown, so unlinked and set-aside ones at the top do not leave the screen empty; the snoozes
  // are read alongside and judged against the statuses in hand (one round trip, not two).
  const newest = (severity: ShownSeverity) =>
    db.assessments
      .where('[severity+changedAt]')
      .between([severity, Dexie.minKey], [severity, Dexie.maxKey])
      .reverse()
      .limit(perGroup * 2)
      .toArray();
  const [snoozes, ...groups] = await Promise.all([db.snoozes.toArray(), ...SHOWN_SEVERITIES.map(newest)]);
  const byKey = new Map(groups.flat().map((a) => [a.listingKey, a]));
  const hidden = new Set(
    snoozes.filter((s) => snoozeHides(s, byKey.get(s.listingKey)?.status, now)).map((s) => s.listingKey),
  );
  const keys = {} as Record<ShownSeverity, string[]>;
  SHOWN_SEVERITIES.forEach((severity, i) => {
    keys[severity] = groups[i]
      .filter((a) => a.status !== 'unlinked' && !hidden.has(a.listingKey))
      .slice(0, perGroup)
      .map((a) => a.listingKey);
  });
  const index: ProblemIndex = { keys, complete: false, setAside: 0, open: 0, unlinked: 0, channels: [] };
  return { index, byKey };
}

/** Listing keys that pass the status, supplier site and search filters (null: no such filter). */
async function keysMatching(db: OversellDb, filter: ProblemFilter): Promise<Set<string> | null> {
  const sets: Promise<string[]>[] = [];
  if (filter.status) sets.push(db.assessments.where('status').equals(filter.status).primaryKeys() as Promise<string[]>);
  if (filter.site)
    sets.push(db.links.where('offerKeys').startsWith(`${filter.site}:`).primaryKeys() as Promise<string[]>);
  const term = filter.search.trim().toLowerCase();
  if (term) sets.push(searchListings(db, term));
  if (sets.length === 0) return null;
  const [first, ...rest] = (await Promise.all(sets)).map((keys) => new Set(keys));
  for (const set of rest) for (const key of first) if (!set.has(key)) first.delete(key);
  return first;
}

/** Problem listings whose title, variant, SKU or key contains `term` (already lower case). */
async function searchListings(db: OversellDb, term: string): Promise<string[]> {
  const keys = (await db.assessments
    .where('severity')
    .anyOf([...SHOWN_SEVERITIES])
    .primaryKeys()) as string[];
  const listings = await getMany(db.latest, keys);
  return keys.filter((key, i) => {
    const o = listings[i];
    const text = o ? `${o.productTitle}\n${o.label}\n${o.sku ?? ''}\n${key}` : key;
    return text.toLowerCase().includes(term);
  });
}

/** The supplier sites the seller's links use, one small index probe per site (a skip scan of offerKeys). */
export async function loadSupplierSites(db: OversellDb, max = 100): Promise<string[]> {
  const sites: string[] = [];
  let after = '';
  while (sites.length < max) {
    const [next] = (await db.links.where('offerKeys').above(after).limit(1).keys()) as string[];
    if (next === undefined) break;
    const site = siteOf(next);
    sites.push(site);
    after = `${site}:\uffff`;
  }
  return sites;
}

/** What the popup's first screen needs, read before React renders (main.tsx): the newest rows, whole. */
export interface FirstScreen {
  head: ProblemIndex;
  rows: Map<string, ProblemRow>;
}

export async function loadFirstScreen(db: OversellDb, now: number, rowCount = 6): Promise<FirstScreen> {
  const { index, byKey } = await readHead(db, now, rowCount);
  const keys = SHOWN_SEVERITIES.flatMap((s) => index.keys[s]).slice(0, rowCount);
  // The head's assessments are in hand: one more round trip reads the rest of these rows.
  return { head: index, rows: await rowsOf(db, keys, (key) => byKey.get(key), now) };
}

export interface ProblemRow {
  assessment: Assessment;
  listing?: Observation;
  link?: LinkRow;
  offers: Record<string, Observation | undefined>;
  /** The seller's snooze or acknowledgement, while it still hides the problem. */
  setAside?: SnoozeRow;
}

/** Whole rows for the listing keys on screen: the assessment, the listing, its link and its suppliers. */
export async function loadProblemRows(
  db: OversellDb,
  keys: readonly string[],
  now: number,
): Promise<Map<string, ProblemRow>> {
  const assessments = await db.assessments.bulkGet([...keys]);
  const byKey = new Map(keys.map((key, i) => [key, assessments[i]]));
  return rowsOf(db, keys, (key) => byKey.get(key), now);
}

/** The rest of each row, in one round trip: listing, link, snooze, and the suppliers the findings name. */
async function rowsOf(
  db: OversellDb,
  keys: readonly string[],
  assessmentOf: (key: string) => Assessment | undefined,
  now: number,
): Promise<Map<string, ProblemRow>> {
  const offerKeys = [
    ...new Set(keys.flatMap((key) => (assessmentOf(key)?.findings ?? []).flatMap((f) => f.offerKey ?? []))),
  ];
  const [listings, links, snoozes, offerRows] = await Promise.all([
    db.latest.bulkGet([...keys]),
    db.links.bulkGet([...keys]),
    db.snoozes.bulkGet([...keys]),
    db.latest.bulkGet(offerKeys),
  ]);
  const offers = Object.fromEntries(offerKeys.map((k, i) => [k, offerRows[i]]));
  const rows = new Map<string, ProblemRow>();
  keys.forEach((key, i) => {
    const assessment = assessmentOf(key);
    if (!assessment) return;
    const snooze = snoozes[i];
    rows.set(key, {
      assessment,
      listing: listings[i],
      link: links[i],
      offers,
      setAside: snoozeHides(snooze, assessment.status, now) ? snooze : undefined,
    });
  });
  return rows;
}

/** One variant's history since `since`, oldest first, through the [key+at] index. */
export async function loadStockHistory(db: OversellDb, key: string, since: number): Promise<HistoryRow[]> {
  return db.history.where('[key+at]').between([key, since], [key, Dexie.maxKey]).toArray();
}

/** How many linked supplier products were verified (by a visit or a re-check) within `windowMs`. */
export async function loadFreshness(
  db: OversellDb,
  now: number,
  windowMs: number,
): Promise<{ fresh: number; total: number }> {
  const rows = await db.recheck.toArray();
  const fresh = rows.filter((r) => r.verifiedAt !== undefined && r.verifiedAt >= now - windowMs).length;
  return { fresh, total: rows.length };
}

/** For the summary line and the empty state: how many links, and whether any variant was read yet. */
export async function loadStoreCounts(db: OversellDb): Promise<{ links: number; seenAny: boolean }> {
  const [links, some] = await Promise.all([db.links.count(), db.latest.limit(1).primaryKeys()]);
  return { links, seenAny: some.length > 0 };
}

/** Variants seen recently for one role, newest first: the choices when linking. */
export async function loadRecent(db: OversellDb, role: 'listing' | 'supplier', limit = 500): Promise<Observation[]> {
  return db.latest
    .where('[role+observedAt]')
    .between([role, 0], [role, Number.MAX_SAFE_INTEGER])
    .reverse()
    .limit(limit)
    .toArray();
}
