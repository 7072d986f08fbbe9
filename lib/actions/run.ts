// One pause or resume, never lost: the `actions` row is written `pending` before the first API call, the
// snapshot is stored on it before any write, and it is finished `done` or `failed` after. A worker killed in
// between leaves a pending row that the next start resolves (pending.ts).
import { type ChannelSnapshot, ChannelSnapshotSchema, channelOfKey } from '../channels';
import type { ChannelFailure } from '../channels/error';
import type { ListingSeen, PauseStrategy } from '../channels/types';
import type { ActionRow, OversellDb } from '../db';
import { type ActionDeps, channelName, perChannel, type Refusal } from './deps';
import { noteChannelState } from './observe';
import { loadActionState } from './state';

export type Started = { ok: true; row: ActionRow & { id: number } } | { ok: false; refusal: Refusal };

type By = ActionRow['by'];

/** Listings with an action in flight in this worker: a second click waits for no one, it is refused. */
const inFlight = new Set<string>();

async function exclusive(listingKey: string, run: () => Promise<Started>): Promise<Started> {
  if (inFlight.has(listingKey)) return refuse('busy', 'actionBusy', listingKey.split(':')[0] ?? listingKey);
  inFlight.add(listingKey);
  try {
    return await run();
  } finally {
    inFlight.delete(listingKey);
  }
}

export function pauseListing(deps: ActionDeps, listingKey: string, by: By, strategy?: PauseStrategy) {
  return exclusive(listingKey, () => pause(deps, listingKey, by, strategy));
}

export function resumeListing(deps: ActionDeps, listingKey: string, by: By) {
  return exclusive(listingKey, () => resume(deps, listingKey, by));
}

async function pause(deps: ActionDeps, listingKey: string, by: By, strategy?: PauseStrategy): Promise<Started> {
  const ready = await prepare(deps, listingKey);
  if (!ready.ok) return ready;
  if (ready.state.paused) return refuse('already-paused', 'actionAlreadyPaused', ready.name);
  const { channel, credentials } = ready;
  // Only channels that offer both ways have a setting; the others pause the one way they can.
  const chosen =
    strategy ??
    perChannel<PauseStrategy>((await deps.settings()).pauseStrategy, channel.id) ??
    channel.pauseStrategies[0];
  const id = await begin(deps, { listingKey, kind: 'pause', by, strategy: chosen });
  const ref = channel.parseKey(listingKey, await listingSeen(deps.db, listingKey));
  if (!ref.ok) return fail(deps, id, ref.error);
  const before = await channel.snapshot(ref.value, credentials);
  if (!before.ok) return fail(deps, id, before.error);
  // Stored before the write: a worker killed during it still knows what to restore.
  await deps.db.actions.update(id, { before: before.value });
  const paused = await channel.pause(ref.value, before.value, chosen, credentials);
  if (!paused.ok) return fail(deps, id, paused.error);
  return succeed(deps, id, listingKey, paused.value.after, paused.value.notes);
}

async function resume(deps: ActionDeps, listingKey: string, by: By): Promise<Started> {
  const ready = await prepare(deps, listingKey);
  if (!ready.ok) return ready;
  const pause = ready.state.paused;
  const restore = ChannelSnapshotSchema.safeParse(pause?.before);
  if (!pause?.strategy || !restore.success) return refuse('not-paused', 'actionNotPaused', ready.name);
  const { channel, credentials } = ready;
  const id = await begin(deps, { listingKey, kind: 'resume', by, strategy: pause.strategy });
  const ref = channel.parseKey(listingKey, await listingSeen(deps.db, listingKey));
  if (!ref.ok) return fail(deps, id, ref.error);
  const before = await channel.snapshot(ref.value, credentials);
  if (!before.ok) return fail(deps, id, before.error);
  await deps.db.actions.update(id, { before: before.value });
  const resumed = await channel.resume(ref.value, { strategy: pause.strategy, before: restore.data }, credentials);
  if (!resumed.ok) return fail(deps, id, resumed.error);
  return succeed(deps, id, listingKey, resumed.value.after, resumed.value.notes);
}

/**
 * What the listing's newest reading showed that its key does not hold (eBay addresses a listing by the SKU its
 * Seller Hub row showed); undefined for a listing never read from a page.
 */
export async function listingSeen(db: OversellDb, listingKey: string): Promise<ListingSeen | undefined> {
  const row = await db.latest.get(listingKey);
  return row ? { sku: row.sku } : undefined;
}

/** The channel, its credentials and the listing's action state, or why no action can start. */
async function prepare(deps: ActionDeps, listingKey: string) {
  const id = channelOfKey(listingKey);
  if (!id) return refuse('no-api', 'actionNoApi', listingKey.split(':')[0] ?? listingKey);
  const name = channelName(id);
  const credentials = await deps.credentials(id);
  if (credentials === undefined) return refuse('not-connected', 'actionNotConnected', name);
  if (!(await deps.canReach(id, credentials))) return refuse('no-permission', 'actionNoPermission', name);
  const state = await loadActionState(deps.db, listingKey);
  if (state.pending) return refuse('busy', 'actionBusy', name);
  return { ok: true as const, channel: await deps.channel(id), credentials, state, name };
}

function refuse(reason: Refusal['reason'], key: string, name: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { reason, words: { key, subs: [name] } } };
}

async function begin(deps: ActionDeps, row: Pick<ActionRow, 'listingKey' | 'kind' | 'by' | 'strategy'>) {
  return (await deps.db.actions.add({ ...row, at: deps.now(), result: 'pending' })) as number;
}

async function fail(deps: ActionDeps, id: number, failure: ChannelFailure): Promise<Started> {
  await deps.db.actions.update(id, {
    result: 'failed',
    failure: {
      code: failure.code,
      words: failure.words,
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    },
    error: failure.detail ?? failure.code,
    finishedAt: deps.now(),
  });
  return finished(deps, id);
}

async function succeed(
  deps: ActionDeps,
  id: number,
  listingKey: string,
  after: ChannelSnapshot,
  notes: ActionRow['notes'],
): Promise<Started> {
  const now = deps.now();
  await deps.db.actions.update(id, { result: 'done', after, notes, finishedAt: now });
  const changed = await noteChannelState(deps.db, listingKey, after, await deps.settings(), now);
  await deps.onChanged(changed);
  return finished(deps, id);
}

async function finished(deps: ActionDeps, id: number): Promise<Started> {
  const row = await deps.db.actions.get(id);
  if (!row) throw new Error(`action ${id} vanished`);
  return { ok: true, row: row as ActionRow & { id: number } };
}
