// The seller sets a problem aside: snoozed for a while or until it changes, or acknowledged. A set-aside
// problem is hidden from the popup and the badge until its time passes or its status changes; the row stays
// (harmless) until the next snooze of any problem prunes the ones that no longer hide anything.
import type { OversellDb, SnoozeRow } from './db';
import type { Assessment, Status } from './model';

/** A snooze further ahead than this is a mistake (a clock in seconds, a typo), not a seller's wish. */
export const MAX_SNOOZE_MS = 366 * 24 * 3600 * 1000;

/** Whether `snooze` still hides a problem whose current status is `status`. */
export function snoozeHides(snooze: SnoozeRow | undefined, status: Status | undefined, now: number): boolean {
  if (!snooze || !status || status === 'ok') return false;
  if (snooze.status !== status) return false;
  return snooze.until === undefined || snooze.until > now;
}

export type SetAside =
  | { kind: 'snooze'; listingKey: string; until?: number | 'change' }
  | { kind: 'acknowledge'; listingKey: string };

/** Records a snooze or an acknowledgement against the problem's current status; refuses in words otherwise. */
export async function setAside(
  db: OversellDb,
  request: SetAside,
  now: number,
): Promise<{ ok: true; row: SnoozeRow } | { ok: false; error: string }> {
  const until = request.kind === 'snooze' && typeof request.until === 'number' ? request.until : undefined;
  if (until !== undefined && until <= now) return { ok: false, error: 'a snooze must end in the future' };
  if (until !== undefined && until - now > MAX_SNOOZE_MS) return { ok: false, error: 'a snooze ends within a year' };
  return db.transaction('rw', [db.assessments, db.snoozes], async () => {
    const assessment = await db.assessments.get(request.listingKey);
    if (!assessment) return { ok: false as const, error: `no problem is known for ${request.listingKey}` };
    if (assessment.status === 'ok') return { ok: false as const, error: `${request.listingKey} has no problem now` };
    const row: SnoozeRow = {
      listingKey: request.listingKey,
      status: assessment.status,
      kind: request.kind,
      at: now,
      ...(until !== undefined ? { until } : {}),
    };
    await pruneSnoozes(db, now);
    await db.snoozes.put(row);
    return { ok: true as const, row };
  });
}

/** Drops snoozes that hide nothing any more (time passed, or the status changed since). */
async function pruneSnoozes(db: OversellDb, now: number): Promise<void> {
  const rows = await db.snoozes.toArray();
  const current = await db.assessments.bulkGet(rows.map((r) => r.listingKey));
  const dead = rows.filter((r, i) => !snoozeHides(r, current[i]?.status, now)).map((r) => r.listingKey);
  if (dead.length > 0) await db.snoozes.bulkDelete(dead);
}

/** The problems set aside now, by listing key, with their current assessment (a few rows: set aside one at a time). */
export async function activeSnoozes(
  db: OversellDb,
  now: number,
): Promise<Map<string, { snooze: SnoozeRow; assessment: Assessment }>> {
  const rows = await db.snoozes.toArray();
  if (rows.length === 0) return new Map();
  const current = await db.assessments.bulkGet(rows.map((r) => r.listingKey));
  const active = new Map<string, { snooze: SnoozeRow; assessment: Assessment }>();
  rows.forEach((snooze, i) => {
    const assessment = current[i];
    if (assessment && snoozeHides(snooze, assessment.status, now))
      active.set(snooze.listingKey, { snooze, assessment });
  });
  return active;
}

/** When the next timed snooze ends after `now` (its problem counts on the badge again from then), if any. */
export async function nextSnoozeEnd(db: OversellDb, now: number): Promise<number | undefined> {
  return (await db.snoozes.where('until').above(now).first())?.until;
}
