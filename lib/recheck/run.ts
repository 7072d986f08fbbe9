// One alarm-driven run of the re-check queue: claim what is due (one request per host, a few hosts at a
// time), check it, and stop within a time budget well under the 30 s a Chrome worker may idle, leaving the
// next alarm set. Nothing here outlives the run: a worker killed mid-way resumes from Dexie on its next alarm.
import type { Settings } from '../model';
import { type CheckDeps, type CheckResult, checkOne, failedRow } from './check-one';
import { claimDue, countDue, finishClaim, nextWakeAt } from './queue';

/** Per wake: Chrome stops an idle worker after 30 s, and a run must end cleanly before that. */
export const RUN_BUDGET_MS = 20_000;
/** Hosts fetched at the same time (each host still one request at a time). */
export const CONCURRENCY = 4;
/** If the run dies with its worker, this alarm (replaced when the run ends) wakes the queue again. */
const WATCHDOG_MS = 30_000;

/** The progress line's numbers ("checking 12 of 80"); popup-only state, kept where the popup can watch it. */
export interface RecheckProgress {
  startedAt: number;
  total: number;
  done: number;
  finishedAt?: number;
  /** The daily request cap stopped this round. */
  capped?: boolean;
}

export interface RunDeps extends Omit<CheckDeps, 'settings'> {
  settings: () => Promise<Settings>;
  /** This worker's life (random per start): a lease held by a dead worker's request does not block its host. */
  worker: string;
  /** Sets (or with null clears) the one re-check alarm. */
  setAlarm: (when: number | null) => Promise<void>;
  progress: { get: () => Promise<RecheckProgress | null>; set: (p: RecheckProgress) => Promise<void> };
  sleep: (ms: number) => Promise<void>;
}

export type RunSummary = Partial<Record<CheckResult, number>>;

export async function runRecheck(deps: RunDeps, budgetMs = RUN_BUDGET_MS): Promise<RunSummary> {
  const { db } = deps;
  const settings = await deps.settings();
  const summary: RunSummary = {};
  if (settings.recheckPaused) {
    await deps.setAlarm(null);
    return summary;
  }
  const start = deps.now();
  await deps.setAlarm(start + budgetMs + WATCHDOG_MS);
  const progress = await startRound(deps, start);
  const inflight = new Set<Promise<void>>();
  const busy = new Set<string>();
  const checkDeps: CheckDeps = { ...deps, settings };

  const launch = (claim: Parameters<typeof checkOne>[0]) => {
    const task = checkOne(claim, checkDeps)
      .catch(async (error: Error): Promise<CheckResult> => {
        // An internal failure (storage full, a bug) must still end the claim, or the row waits for its lease.
        console.error('[oversell-guard] re-check failed', claim.row.url, error);
        const now = deps.now();
        await finishClaim(db, claim, failedRow(claim.row, `internal error: ${error.message}`, now), {
          nextAllowedAt: now + deps.spacingMs(),
        });
        return 'failed';
      })
      .then(async (result) => {
        summary[result] = (summary[result] ?? 0) + 1;
        progress.done += 1;
        await deps.progress.set({ ...progress });
      })
      .finally(() => {
        inflight.delete(task);
        busy.delete(claim.row.host);
      });
    inflight.add(task);
    busy.add(claim.row.host);
  };

  while (deps.now() - start < budgetMs) {
    const now = deps.now();
    if (inflight.size < CONCURRENCY) {
      const { claims, capped } = await claimDue(db, settings, now, CONCURRENCY - inflight.size, deps);
      if (capped && !progress.capped) await deps.progress.set(Object.assign(progress, { capped: true }));
      for (const claim of claims) launch(claim);
      if (claims.length > 0) continue;
    }
    // The next time a host without a request in flight has work (those in flight wake us when they end).
    const next = await nextWakeAt(db, settings, now, deps.worker, busy);
    const left = budgetMs - (now - start);
    const within = next !== null && next - now < left;
    if (inflight.size === 0 && !within) break;
    // Whichever comes first: a check ending, or another host becoming free within the budget.
    await Promise.race([...inflight, ...(within ? [deps.sleep(Math.max(50, next - now))] : [])]);
  }
  await Promise.all(inflight);

  const end = deps.now();
  if ((await countDue(db, end)) === 0 && !progress.finishedAt)
    await deps.progress.set(Object.assign(progress, { finishedAt: end }));
  const next = await nextWakeAt(db, settings, end, deps.worker);
  await deps.setAlarm(next === null ? null : Math.max(next, end + 1000));
  return summary;
}

/** Continues the round a dead worker left unfinished, or starts one with everything due now. */
async function startRound(deps: RunDeps, now: number): Promise<RecheckProgress> {
  const due = await countDue(deps.db, now);
  const stored = await deps.progress.get();
  const progress =
    stored && !stored.finishedAt
      ? { ...stored, total: Math.max(stored.total, stored.done + due), capped: false }
      : { startedAt: now, total: due, done: 0 };
  await deps.progress.set(progress);
  return progress;
}
