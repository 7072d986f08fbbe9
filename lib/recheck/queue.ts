// The re-check queue in Dexie: one row per linked supplier product, one politeness row per host. Rows are
// leased before a fetch, in the same transaction that reserves the host, so a worker killed mid-fetch and
// started again never fetches the same product twice within the lease, and never two pages of one host at once.
import type { HostRow, OversellDb, RecheckRow } from '../db';
import type { Settings } from '../model';
import { dayOf, startOfNextDay } from './politeness';

/** Longer than a fetch may take (30 s timeout) plus reading and ingest: a dead worker's row waits this long. */
export const LEASE_MS = 90_000;

export interface Claim {
  row: RecheckRow;
  host: HostRow;
}

const hostRow = (host: string, hosts: Map<string, HostRow>): HostRow => hosts.get(host) ?? { host, nextAllowedAt: 0 };

/**
 * A request in flight that blocks the host: this worker's, until its lease ends. A dead worker's request died
 * with it (the browser cancels a stopped worker's fetches), so only the spacing from its start still applies.
 */
const inFlightUntil = (h: HostRow | undefined, worker: string) =>
  h?.inFlightBy === worker ? (h.inFlightUntil ?? 0) : 0;

/** Free for a request now: not stopped, spaced out, and nothing of ours in flight there. */
const hostFree = (h: HostRow | undefined, now: number, worker: string) =>
  !h || (!h.stopped && h.nextAllowedAt <= now && inFlightUntil(h, worker) <= now);

const requestsToday = (hosts: Iterable<HostRow>, now: number) => {
  let n = 0;
  for (const h of hosts) if (h.day === dayOf(now)) n += h.dayCount ?? 0;
  return n;
};

/** Who claims: `worker` names this worker's life (a restarted worker is another); `spacingMs` is jittered. */
export interface Claimant {
  worker: string;
  spacingMs: () => number;
}

/**
 * Leases up to `max` due rows, at most one per host and only on hosts free now, counting each against the
 * daily cap. `capped` says the cap stopped it.
 */
export async function claimDue(
  db: OversellDb,
  settings: Settings,
  now: number,
  max: number,
  { worker, spacingMs }: Claimant,
): Promise<{ claims: Claim[]; capped: boolean }> {
  return db.transaction('rw', [db.recheck, db.hosts], async () => {
    const hosts = new Map((await db.hosts.toArray()).map((h) => [h.host, h]));
    const left = settings.recheckDailyCap - requestsToday(hosts.values(), now);
    if (left <= 0) return { claims: [], capped: true };
    const taken = new Set<string>();
    // The filter reserves each host it accepts, so one claim never takes two rows of one host.
    const rows = await db.recheck
      .where('dueAt')
      .belowOrEqual(now)
      .filter((r) => {
        if ((r.leaseUntil ?? 0) > now || taken.has(r.host) || !hostFree(hosts.get(r.host), now, worker)) return false;
        taken.add(r.host);
        return true;
      })
      .limit(Math.min(max, left))
      .toArray();
    const claims = rows.map((row) => {
      const before = hostRow(row.host, hosts);
      const today = dayOf(now);
      const host: HostRow = {
        ...before,
        // Spaced from the start too, in case this worker dies before the request ends.
        nextAllowedAt: Math.max(before.nextAllowedAt, now + spacingMs()),
        inFlightUntil: now + LEASE_MS,
        inFlightBy: worker,
        day: today,
        dayCount: (before.day === today ? (before.dayCount ?? 0) : 0) + 1,
      };
      return { row: { ...row, leaseUntil: now + LEASE_MS }, host };
    });
    await db.recheck.bulkPut(claims.map((c) => c.row));
    await db.hosts.bulkPut(claims.map((c) => c.host));
    return { claims, capped: false };
  });
}

/** Ends a claim: the row's next state (lease dropped) and the host's, in one transaction. */
export async function finishClaim(
  db: OversellDb,
  claim: Claim,
  row: Partial<RecheckRow>,
  host: Partial<HostRow>,
): Promise<void> {
  await db.transaction('rw', [db.recheck, db.hosts], async () => {
    // A tab read the product while this fetch was in flight (the seller's visit): that fresher verdict stands.
    const now = await db.recheck.get(claim.row.productKey);
    const overtaken = now !== undefined && now.verifiedAt !== claim.row.verifiedAt;
    const patch = overtaken ? { checkedAt: row.checkedAt } : row;
    // `update`, not `put`: a link deleted while the page was in flight must not bring its row back.
    await db.recheck.update(claim.row.productKey, { ...patch, leaseUntil: undefined });
    const current = (await db.hosts.get(claim.host.host)) ?? claim.host;
    await db.hosts.put({ ...current, ...host, inFlightUntil: undefined, inFlightBy: undefined });
  });
}

/**
 * When the queue next has work: the earliest time a row is due, its lease has run out and its host is free
 * again (stopped hosts never); the start of the next day when the daily cap is used up; null when nothing
 * is queued.
 */
export async function nextWakeAt(
  db: OversellDb,
  settings: Settings,
  now: number,
  worker: string,
  /** Hosts the caller has a request in flight to: it hears when those end, it asks about the others. */
  busy: ReadonlySet<string> = new Set(),
): Promise<number | null> {
  const hosts = new Map((await db.hosts.toArray()).map((h) => [h.host, h]));
  let best = Number.POSITIVE_INFINITY;
  // Rows come in dueAt order, and a row is never ready before it is due: stop once none can beat the best.
  await db.recheck
    .orderBy('dueAt')
    .until((r) => r.dueAt >= best)
    .each((r) => {
      const h = hosts.get(r.host);
      if (h?.stopped || busy.has(r.host)) return;
      best = Math.min(best, Math.max(r.dueAt, r.leaseUntil ?? 0, h?.nextAllowedAt ?? 0, inFlightUntil(h, worker)));
    });
  if (!Number.isFinite(best)) return null;
  if (requestsToday(hosts.values(), now) >= settings.recheckDailyCap) return Math.max(best, startOfNextDay(now));
  return best;
}

/** Rows due now on hosts that are not stopped: the "of N" of the progress line. */
export async function countDue(db: OversellDb, now: number): Promise<number> {
  const stopped = new Set((await db.hosts.toArray()).filter((h) => h.stopped).map((h) => h.host));
  return db.recheck
    .where('dueAt')
    .belowOrEqual(now)
    .filter((r) => !stopped.has(r.host))
    .count();
}
