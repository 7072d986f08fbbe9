// Where a listing stands with Oversell Guard's own actions, derived from its rows in the `actions` table: the
// pause in force (what Resume restores), an action still running, and the newest failure to show in words.
import type { ActionRow, OversellDb } from '../db';

export interface ListingActionState {
  /** The done pause that holds the listing now: Resume restores its `before`. */
  paused?: ActionRow;
  /** An action written `pending` and not finished (running, or left by a killed worker until it is resolved). */
  pending?: ActionRow;
  /** The newest action, when it failed: its words stay on the row until the next action. */
  failed?: ActionRow;
  /** Every action on the listing, newest first. */
  history: ActionRow[];
}

/** A resume that found the listing changed by someone else (or gone) ends the pause: it is no longer ours. */
const ENDS_PAUSE = new Set(['conflict', 'not-found']);

export function actionStateOf(rows: readonly ActionRow[]): ListingActionState {
  const history = [...rows].sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
  const state: ListingActionState = { history };
  state.pending = history.find((r) => r.result === 'pending');
  if (history[0]?.result === 'failed') state.failed = history[0];
  for (const row of history) {
    if (row.kind === 'resume' && (row.result === 'done' || ENDS_PAUSE.has(row.failure?.code ?? ''))) break;
    if (row.kind === 'pause' && row.result === 'done') {
      state.paused = row;
      break;
    }
  }
  return state;
}

export async function loadActionState(db: OversellDb, listingKey: string): Promise<ListingActionState> {
  return actionStateOf(await db.actions.where('listingKey').equals(listingKey).toArray());
}

/** Actions older than this are dropped, except those that still say where a listing stands. */
export const ACTIONS_MAX_AGE_MS = 90 * 24 * 3600 * 1000;

/**
 * Drops actions older than ACTIONS_MAX_AGE_MS, keeping for each listing the pause in force (what Resume
 * restores, however old) and any action still pending: the table stays bounded without ever losing a way back.
 */
export async function pruneActions(db: OversellDb, now: number): Promise<number> {
  return db.transaction('rw', db.actions, async () => {
    const old = await db.actions
      .where('at')
      .below(now - ACTIONS_MAX_AGE_MS)
      .toArray();
    if (old.length === 0) return 0;
    const listings = [...new Set(old.map((r) => r.listingKey))];
    const keep = new Set<number>();
    for (const listingKey of listings) {
      const { paused, pending } = await loadActionState(db, listingKey);
      if (paused?.id !== undefined) keep.add(paused.id);
      if (pending?.id !== undefined) keep.add(pending.id);
    }
    const drop = old.map((r) => r.id).filter((id): id is number => id !== undefined && !keep.has(id));
    await db.actions.bulkDelete(drop);
    return drop.length;
  });
}
