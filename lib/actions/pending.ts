// A worker killed mid-action leaves its row `pending`. The next worker start reads the listing again and
// finishes the row from what the channel shows: the write landed (done) or it did not (failed, try again).
import { ChannelSnapshotSchema, channelOfKey } from '../channels';
import type { ActionRow } from '../db';
import { type ActionDeps, channelName } from './deps';
import { pauseTookEffect, resumeTookEffect } from './effect';
import { noteChannelState } from './observe';
import { listingSeen } from './run';
import { actionStateOf } from './state';

/** Resolves every row left pending before `startedAt` (this worker's own actions are newer). */
export async function resolvePending(deps: ActionDeps, startedAt: number): Promise<number> {
  const stale = await deps.db.actions.filter((r) => r.result === 'pending' && r.at < startedAt).toArray();
  for (const row of stale) await resolveOne(deps, row);
  return stale.length;
}

async function resolveOne(deps: ActionDeps, row: ActionRow): Promise<void> {
  const id = row.id as number;
  const channelId = channelOfKey(row.listingKey);
  const name = channelId ? channelName(channelId) : row.listingKey;
  const interrupted = (key: 'actionInterrupted' | 'actionInterruptedUnchecked') =>
    deps.db.actions.update(id, {
      result: 'failed',
      failure: { code: 'interrupted', words: { key, subs: [name] } },
      error: 'interrupted: the worker stopped during the action',
      finishedAt: deps.now(),
    });
  // No snapshot stored yet: the write is only sent after it, so nothing was changed.
  const before = ChannelSnapshotSchema.safeParse(row.before);
  if (!channelId || !row.strategy || !before.success) return void (await interrupted('actionInterrupted'));

  const credentials = await deps.credentials(channelId);
  const channel = await deps.channel(channelId);
  const ref = channel.parseKey(row.listingKey, await listingSeen(deps.db, row.listingKey));
  const now = ref.ok && credentials !== undefined ? await channel.snapshot(ref.value, credentials) : null;
  if (!now?.ok) return void (await interrupted('actionInterruptedUnchecked'));

  let landed: boolean;
  if (row.kind === 'pause') {
    landed = pauseTookEffect(row.strategy, before.data, now.value);
  } else {
    // A resume restores the pause in force before it (its row is older than this one).
    const others = await deps.db.actions.where('listingKey').equals(row.listingKey).toArray();
    const pause = actionStateOf(others.filter((r) => (r.id ?? 0) < id)).paused;
    const target = ChannelSnapshotSchema.safeParse(pause?.before);
    landed = target.success && resumeTookEffect(row.strategy, target.data, now.value);
  }
  if (!landed) return void (await interrupted('actionInterrupted'));
  const at = deps.now();
  await deps.db.actions.update(id, { result: 'done', after: now.value, notes: [], finishedAt: at });
  await deps.onChanged(await noteChannelState(deps.db, row.listingKey, now.value, await deps.settings(), at));
}
