// Ingest: one validated Reading -> history, latest, page status, and fresh assessments for exactly
// the links it touches. One Dexie transaction, only Dexie calls inside (no fetch, no timers), so a
// worker killed mid-way leaves either all of it or none of it.
import {
  getMany,
  HISTORY_MAX_AGE_MS,
  HISTORY_PER_KEY,
  type HistoryRow,
  type LatestRow,
  type LinkRow,
  type OversellDb,
} from './db';
import { canSupply } from './extract/stock';
import type { Assessment, Observation, Reading, Settings } from './model';
import { assessLink } from './reconcile';

export interface IngestResult {
  /** Variant keys whose observation changed. */
  touchedKeys: number;
  /** How many of the reading's variants are linked (listing variants with a link, or supplier variants in one). */
  linkedVariants: number;
  /** Listing keys re-assessed. */
  assessed: number;
  /** Assessments whose status changed in this ingest (for notifications). */
  changed: Assessment[];
}

export async function ingestReading(
  db: OversellDb,
  reading: Reading,
  settings: Settings,
  now = Date.now(),
): Promise<IngestResult> {
  const tables = [db.latest, db.history, db.links, db.assessments, db.pages];
  return db.transaction('rw', tables, async () => {
    const { touched, unchanged } = reading.page.ok
      ? await storeProducts(db, reading)
      : { touched: await storeFailure(db, reading), unchanged: new Set<string>() };
    await storePageStatus(db, reading);
    const { listingKeys, linkedVariants, links } = await affected(db, reading, touched);
    // A listing variant whose row says what it said before cannot assess differently (a listing's own age is no
    // finding; supplier ages are, and the 15-minute reassess keeps those): a list page of 1,000 rows re-read
    // with 50 changes reassesses 50. Supplier re-reads reassess all they touch: being seen again is news there.
    const rowChanged = listingKeys.map((key) => !unchanged.has(key));
    const toAssess = listingKeys.filter((_, i) => rowChanged[i]);
    // Listing rows and links were just in hand: give them to reassess instead of reading them back.
    const known = reading.role === 'listing' ? new Map(touched.map((row) => [row.key, row])) : undefined;
    const linksToAssess = links?.filter((_, i) => rowChanged[i]);
    const changed = await reassess(db, toAssess, settings, now, known, linksToAssess);
    return { touchedKeys: touched.length, linkedVariants, assessed: toAssess.length, changed };
  });
}

/**
 * `touched`: every variant row the reading has (what reassess must look at); `unchanged`: the listing variants
 * among them whose stored content is what it was (only when and how they were seen differ).
 */
async function storeProducts(
  db: OversellDb,
  reading: Reading,
): Promise<{ touched: LatestRow[]; unchanged: Set<string> }> {
  const unchanged = new Set<string>();
  if (!reading.page.ok) return { touched: [], unchanged };
  const products = reading.page.products;
  const productKeys = products.map((p) => p.key);
  const previous = await db.latest.where('productKey').anyOf(productKeys).toArray();
  const previousByKey = new Map(previous.map((row) => [row.key, row]));
  /** Rows to write. */
  const rows: LatestRow[] = [];
  /** Every variant the reading has, written or not (what reassess must look at). */
  const touched: LatestRow[] = [];
  const history: HistoryRow[] = [];
  const at = reading.observedAt;

  for (const product of products) {
    const seen = new Set<string>();
    for (const v of product.variants) {
      seen.add(v.key);
      const prev = previousByKey.get(v.key);
      // A reading older than what we hold (a late re-check) goes to history but does not overwrite latest.
      if (prev && prev.observedAt > at) {
        history.push(historyOf(v.key, at, v, reading));
        continue;
      }
      // History keeps changes, plus a heartbeat, not every visit: a list page re-read all day stays small.
      // A page that does not show a field has not seen it change (Shopify's inventory page shows neither status
      // nor price nor option names): what another page of the same variant said stands.
      const shown = { stock: v.stock, price: v.price ?? prev?.price, status: v.status ?? prev?.status };
      const keep =
        !prev || prev.historyAt === undefined || changedSince(prev, shown) || at - prev.historyAt >= HEARTBEAT_MS;
      if (keep) history.push(historyOf(v.key, at, shown, reading));
      const row: LatestRow = {
        key: v.key,
        productKey: product.key,
        adapterId: reading.adapterId,
        role: reading.role,
        url: reading.url,
        productTitle: product.title,
        label: v.label,
        sku: v.sku ?? prev?.sku,
        options: Object.keys(v.options).length > 0 ? v.options : (prev?.options ?? v.options),
        ...shown,
        fulfilment: v.fulfilment ?? prev?.fulfilment,
        evidence: v.evidence,
        observedAt: at,
        via: reading.via,
        presence: 'present',
        historyCount: (prev?.historyCount ?? 0) + (keep ? 1 : 0),
        historyAt: keep ? at : prev?.historyAt,
      };
      touched.push(row);
      const same = prev !== undefined && !keep && sameContent(prev, row);
      if (same && reading.role === 'listing') unchanged.add(row.key);
      // Re-reading an unchanged page within minutes (list pages of single-page admins are re-read on every
      // navigation) rewrites nothing: "seen" stays at most REWRITE_AFTER_MS behind, writes are the cost here.
      if (!same || at - prev.observedAt >= REWRITE_AFTER_MS) rows.push(row);
    }
    // Variants we knew that the product no longer has: the supplier changed SKUs, or the product is gone.
    // A list row that shows only part of a product proves nothing about the variants it does not show.
    if (product.partial && !product.removed) continue;
    let known = previous.filter((prev) => prev.productKey === product.key);
    // A gone page often names no product id (a 404 under the same URL): what was read at this URL is gone.
    if (product.removed && known.length === 0) known = await rowsAtUrl(db, reading);
    for (const prev of known) {
      if (seen.has(prev.key) || prev.observedAt > at) continue;
      const presence = product.removed ? 'removed' : 'missing';
      if (prev.presence === presence) continue;
      rows.push({
        ...prev,
        presence,
        observedAt: at,
        via: reading.via,
        failure: undefined,
        evidence: reading.page.evidence,
      });
    }
  }
  await db.latest.bulkPut(rows);
  await db.history.bulkAdd(history);
  await trimHistory(db, rows, at);
  return { touched: [...touched, ...rows.filter((row) => row.presence !== 'present')], unchanged };
}

const REWRITE_AFTER_MS = 5 * 60_000;

/** Same observation but for when and how it was seen. */
function sameContent(a: LatestRow, b: LatestRow): boolean {
  const { observedAt: _a, via: _va, historyCount: _ha, historyAt: _hta, ...restA } = a;
  const { observedAt: _b, via: _vb, historyCount: _hb, historyAt: _htb, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** A history row is written at least this often per variant, even when nothing changed. */
const HEARTBEAT_MS = 6 * 3600 * 1000;

function changedSince(prev: LatestRow, v: Pick<Observation, 'stock' | 'price' | 'status'>): boolean {
  return (
    prev.presence !== 'present' ||
    prev.status !== v.status ||
    JSON.stringify(prev.stock) !== JSON.stringify(v.stock) ||
    prev.price?.amount !== v.price?.amount ||
    prev.price?.currency !== v.price?.currency
  );
}

function historyOf(key: string, at: number, v: Pick<Observation, 'stock' | 'price' | 'status'>, reading: Reading) {
  const row: HistoryRow = { key, at, stock: v.stock, via: reading.via };
  if (v.price) row.price = v.price;
  if (v.status) row.status = v.status;
  return row;
}

/** Keeps the newest HISTORY_PER_KEY rows per key (amortised: only keys well past the cap) and 90 days. */
async function trimHistory(db: OversellDb, rows: LatestRow[], now: number): Promise<void> {
  const over = rows.filter((r) => r.historyCount > HISTORY_PER_KEY + 20);
  for (const row of over) {
    const ids = await db.history
      .where('[key+at]')
      .between([row.key, 0], [row.key, Number.MAX_SAFE_INTEGER])
      .reverse()
      .offset(HISTORY_PER_KEY)
      .primaryKeys();
    await db.history.bulkDelete(ids);
    await db.latest.update(row.key, { historyCount: HISTORY_PER_KEY });
  }
  if (over.length > 0)
    await db.history
      .where('at')
      .below(now - HISTORY_MAX_AGE_MS)
      .delete();
}

/** A failed read keeps the previous good stock and marks it, so reconcile says `unreadable`, never zero. */
async function storeFailure(db: OversellDb, reading: Reading): Promise<LatestRow[]> {
  if (reading.page.ok) return [];
  const { reason, detail, productKey } = reading.page;
  let rows = productKey ? await db.latest.where('productKey').equals(productKey).toArray() : [];
  // The URL may name a variant (Amazon's child ASIN) or nothing the adapter could key: fall back to what this
  // very URL showed before.
  if (rows.length === 0) rows = await rowsAtUrl(db, reading);
  const failure = { reason, detail, at: reading.observedAt };
  const failed = rows.map((row) => ({ ...row, failure }));
  await db.latest.bulkPut(failed);
  return failed;
}

/** What an earlier reading of the same page (same URL, same role) stored. */
async function rowsAtUrl(db: OversellDb, reading: Reading): Promise<LatestRow[]> {
  return (await db.latest.where('url').equals(reading.url).toArray()).filter((row) => row.role === reading.role);
}

async function storePageStatus(db: OversellDb, reading: Reading): Promise<void> {
  const page = reading.page;
  const variants = page.ok ? page.products.flatMap((p) => p.variants) : [];
  await db.pages.put({
    url: reading.url,
    adapterId: reading.adapterId,
    role: reading.role,
    at: reading.observedAt,
    ok: page.ok,
    ...(page.ok ? {} : { reason: page.reason, detail: page.detail }),
    productKeys: page.ok ? page.products.map((p) => p.key) : page.productKey ? [page.productKey] : [],
    variantCount: variants.length,
    availableCount: variants.filter((v) => canSupply(v.stock) === true).length,
    readMs: reading.readMs,
  });
}

async function affected(db: OversellDb, reading: Reading, touched: LatestRow[]) {
  if (touched.length === 0) return { listingKeys: [], linkedVariants: 0, links: undefined };
  const keys = touched.map((row) => row.key);
  if (reading.role === 'listing') {
    const links = await getMany(db.links, keys);
    return { listingKeys: keys, linkedVariants: links.filter(Boolean).length, links };
  }
  const wanted = new Set(keys);
  // Many keys of one product sort together: one range read of the index instead of a seek per key.
  const sorted = [...wanted].sort();
  const candidates =
    keys.length < 16
      ? await db.links.where('offerKeys').anyOf(keys).toArray()
      : await db.links
          .where('offerKeys')
          .between(sorted[0], sorted[sorted.length - 1], true, true)
          .toArray();
  const links = [...new Map(candidates.map((l) => [l.listingKey, l])).values()].filter((l) =>
    l.offerKeys.some((k) => wanted.has(k)),
  );
  const linkedOffers = new Set(links.flatMap((l) => l.offerKeys));
  return {
    listingKeys: links.map((l) => l.listingKey),
    linkedVariants: keys.filter((k) => linkedOffers.has(k)).length,
    links,
  };
}

/**
 * Recomputes the assessments of these listing keys from what is stored now (`known`: listing rows the caller
 * already holds). Writes only the assessments whose result changed.
 */
export async function reassess(
  db: OversellDb,
  listingKeys: string[],
  settings: Settings,
  now: number,
  known?: ReadonlyMap<string, Observation>,
  knownLinks?: readonly (LinkRow | undefined)[],
) {
  if (listingKeys.length === 0) return [];
  const [listings, links, previous] = await Promise.all([
    known ? listingKeys.map((k) => known.get(k)) : getMany(db.latest, listingKeys),
    knownLinks?.length === listingKeys.length ? knownLinks : getMany(db.links, listingKeys),
    getMany(db.assessments, listingKeys),
  ]);
  const offerKeys = [...new Set(links.flatMap((l) => l?.offerKeys ?? []))];
  const offerRows = await getMany(db.latest, offerKeys);
  const offers: Record<string, Observation | undefined> = {};
  offerKeys.forEach((k, i) => {
    offers[k] = offerRows[i];
  });

  const next: Assessment[] = [];
  const changed: Assessment[] = [];
  const gone: string[] = [];
  listingKeys.forEach((listingKey, i) => {
    const listing = listings[i];
    const link = links[i];
    // Nothing to say about a key that is neither seen nor linked (a deleted link to an unseen listing).
    if (!listing && !link) {
      gone.push(listingKey);
      return;
    }
    const before = previous[i];
    const assessment = assessLink({ listing, listingKey, link, offers, settings, now, previous: before });
    if (before?.status !== assessment.status) changed.push(assessment);
    // An unchanged result is not rewritten: most re-reads change nothing, and writes are the cost here.
    if (!before || before.status !== assessment.status || !sameFindings(before, assessment)) next.push(assessment);
  });
  if (next.length) await db.assessments.bulkPut(next);
  if (gone.length) await db.assessments.bulkDelete(gone);
  return changed;
}

const sameFindings = (a: Assessment, b: Assessment) => JSON.stringify(a.findings) === JSON.stringify(b.findings);

/** Re-assesses every linked listing: staleness grows with time alone, so this runs on a clock too. */
export async function reassessAll(db: OversellDb, settings: Settings, now: number): Promise<Assessment[]> {
  return db.transaction('rw', [db.links, db.latest, db.assessments], async () => {
    const keys = (await db.links.toCollection().primaryKeys()) as string[];
    return reassess(db, keys, settings, now);
  });
}
