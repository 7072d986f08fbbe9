// One leased row, start to end: permission, fetch, read with the adapter, then ingest the reading (validated
// like any other), back off, stop the host, or list the page for a visit. Always ends the claim.
import { adapterById } from '../adapters';
import type { OversellDb, RecheckRow } from '../db';
import { type IngestResult, ingestReading } from '../ingest';
import { type PageRead, type Reading, ReadingSchema, type Settings } from '../model';
import { fetchSupplierPage } from './fetch-page';
import { classifyFetch } from './outcome';
import { backoffMs } from './politeness';
import { type Claim, finishClaim } from './queue';
import type { FetchedPage } from './read-page';
import { jittered, MAX_INTERVAL_MS } from './schedule';
import { noteSupplierReading } from './sync';

export interface CheckDeps {
  db: OversellDb;
  settings: Settings;
  now: () => number;
  random: () => number;
  fetch: typeof fetch;
  /** Offscreen document (Chrome) or DOMParser in this realm (Firefox, tests). */
  readPage: (page: FetchedPage) => Promise<PageRead>;
  hasPermission: (origin: string) => Promise<boolean>;
  /** The wait after a request to a host (the seller's spacing, jittered). */
  spacingMs: () => number;
  afterIngest: (result: IngestResult, reading: Reading) => Promise<void>;
}

export type CheckResult = 'reading' | 'backoff' | 'stop-host' | 'needs-visit' | 'needs-permission' | 'failed';

/** Pages that need a visit or a permission are tried again after a day, in case that changed on its own. */
const PARKED_MS = 24 * 3600_000;
const RETRY_BASE_MS = 5 * 60_000;

export async function checkOne(claim: Claim, deps: CheckDeps): Promise<CheckResult> {
  const { db, settings } = deps;
  const { row, host } = claim;
  const origin = new URL(row.url).origin;
  const now = deps.now();
  if (!(await deps.hasPermission(origin))) {
    // Nothing was sent: the request does not count against the day, and the host's spacing is untouched.
    await finishClaim(
      db,
      claim,
      { state: 'needs-permission', detail: origin, evidence: undefined, checkedAt: now, dueAt: now + PARKED_MS },
      { dayCount: Math.max(0, (host.dayCount ?? 1) - 1) },
    );
    return 'needs-permission';
  }
  const fetched = await fetchSupplierPage(deps.fetch, row.url, settings.cookieOrigins.includes(origin), now);
  const done = deps.now();
  const spaced = { nextAllowedAt: done + deps.spacingMs() };
  if (fetched.kind === 'network') {
    await finishClaim(db, claim, failedRow(row, fetched.detail, done), spaced);
    return 'failed';
  }
  const t0 = performance.now();
  const page =
    fetched.html === null
      ? null
      : await deps
          .readPage({ html: fetched.html, url: row.url, finalUrl: fetched.finalUrl, adapterId: row.adapterId })
          .catch((error: Error): PageRead => ({ ok: false, reason: 'http-error', detail: error.message }));
  const readMs = performance.now() - t0;
  const outcome = classifyFetch({ status: fetched.status, page, retryAfterMs: fetched.retryAfterMs }, row.productKey);
  const hostAfter = { ...spaced, lastStatus: fetched.status, backoffLevel: 0 };

  switch (outcome.kind) {
    case 'backoff': {
      const level = (host.backoffLevel ?? 0) + 1;
      const wait = backoffMs(level, outcome.retryAfterMs);
      // The product stays due: it goes first once the host takes requests again.
      await finishClaim(
        db,
        claim,
        { checkedAt: done },
        { nextAllowedAt: done + wait, backoffLevel: level, lastStatus: fetched.status },
      );
      return 'backoff';
    }
    case 'stop-host':
      await finishClaim(
        db,
        claim,
        { state: 'failed', detail: outcome.detail, evidence: outcome.evidence, checkedAt: done },
        { ...hostAfter, stopped: { at: done, url: row.url, detail: outcome.detail, evidence: outcome.evidence } },
      );
      return 'stop-host';
    case 'needs-visit':
      await finishClaim(
        db,
        claim,
        {
          state: 'needs-visit',
          detail: outcome.detail,
          evidence: outcome.evidence,
          checkedAt: done,
          dueAt: done + PARKED_MS,
        },
        hostAfter,
      );
      return 'needs-visit';
    case 'failed':
      await finishClaim(db, claim, failedRow(row, outcome.detail, done), hostAfter);
      return 'failed';
    case 'reading': {
      const checked = ReadingSchema.safeParse({
        adapterId: row.adapterId,
        role: 'supplier',
        url: row.url,
        observedAt: done,
        via: 'recheck',
        page: outcome.page,
        readMs: Math.round(readMs * 100) / 100,
      } satisfies Reading);
      const problem = checked.success ? keyProblem(checked.data) : checked.error.issues[0]?.message;
      if (!checked.success || problem) {
        await finishClaim(
          db,
          claim,
          failedRow(row, `the page read as an invalid reading: ${problem}`, done),
          hostAfter,
        );
        return 'failed';
      }
      // One transaction: a worker killed mid-way leaves either the reading stored and the row done, or neither.
      const tables = [db.latest, db.history, db.links, db.assessments, db.pages, db.recheck, db.hosts];
      const result = await db.transaction('rw', tables, async () => {
        const ingested = await ingestReading(db, checked.data, settings, done);
        const noted = await noteSupplierReading(db, checked.data, settings, done, deps.random);
        // A removed product may come back under another key (a 404 names only a handle): the row moves on anyway.
        const fallback: Partial<RecheckRow> = noted.has(row.productKey)
          ? {}
          : {
              dueAt: done + jittered(settings.recheckEveryMinutes * 60_000, deps.random),
              state: 'ok',
              detail: undefined,
              evidence: undefined,
              verifiedAt: done,
              verifiedVia: 'recheck',
              failures: 0,
            };
        await finishClaim(db, claim, { checkedAt: done, ...fallback }, hostAfter);
        return ingested;
      });
      await deps.afterIngest(result, checked.data);
      return 'reading';
    }
  }
}

/** A failure of this product alone (a server error, a timeout): it retries on its own back-off, 5 min doubling. */
export function failedRow(row: RecheckRow, detail: string, now: number): Partial<RecheckRow> {
  const failures = (row.failures ?? 0) + 1;
  const wait = Math.min(MAX_INTERVAL_MS, RETRY_BASE_MS * 2 ** (failures - 1));
  return { state: 'failed', detail, evidence: undefined, failures, checkedAt: now, dueAt: now + wait };
}

/** The same rule as for a tab's reading: an adapter speaks only for its own keys. */
function keyProblem(reading: Reading): string | null {
  if (!reading.page.ok) return null;
  const adapter = adapterById(reading.adapterId);
  const prefix = `${adapter?.keyPrefix ?? reading.adapterId}:`;
  for (const p of reading.page.products) {
    if (!p.key.startsWith(prefix)) return `product key ${p.key} does not start with "${prefix}"`;
    if (p.variants.some((v) => !v.key.startsWith(`${p.key}:`))) return 'variant keys must start with their product key';
  }
  return null;
}
