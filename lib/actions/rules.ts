// The optional rules (off by default, per channel): pause a listing when it turns `oversell-risk`, resume one
// Oversell Guard paused when it turns `restock`. They act on status changes only, so a listing the seller
// resumed by hand is not paused again until its supplier side changes. A daily cap bounds them; every
// decision that is not plain "nothing to do" is logged as an action row the listing shows.
import { channelOfKey } from '../channels';
import type { ChannelId } from '../channels/types';
import type { Assessment } from '../model';
import { type ActionDeps, channelName, perChannel } from './deps';
import { pauseListing, resumeListing } from './run';

const DAY_MS = 24 * 3600 * 1000;
/** Rule rows that did not reach an API do not use the cap. */
const UNCOUNTED = new Set(['capped', 'not-connected']);

export async function runRules(deps: ActionDeps, changed: readonly Assessment[]): Promise<void> {
  const settings = await deps.settings();
  const due: { a: Assessment; channel: ChannelId; kind: 'pause' | 'resume' }[] = [];
  for (const a of changed) {
    const channel = channelOfKey(a.listingKey);
    if (!channel) continue;
    if (a.status === 'oversell-risk' && perChannel<boolean>(settings.autoPause, channel))
      due.push({ a, channel, kind: 'pause' });
    if (a.status === 'restock' && perChannel<boolean>(settings.autoResume, channel))
      due.push({ a, channel, kind: 'resume' });
  }
  for (const { a, channel, kind } of due) {
    if ((await usedToday(deps)) >= settings.autoDailyCap) {
      await logSkipped(deps, a.listingKey, kind, channel, 'capped', 'actionRuleCapped', String(settings.autoDailyCap));
      continue;
    }
    const started =
      kind === 'pause'
        ? await pauseListing(deps, a.listingKey, 'rule')
        : await resumeListing(deps, a.listingKey, 'rule');
    // Already paused, not ours to resume, or busy: nothing to do. Not connected or not allowed: say so.
    if (!started.ok && (started.refusal.reason === 'not-connected' || started.refusal.reason === 'no-permission'))
      await logSkipped(deps, a.listingKey, kind, channel, 'not-connected', started.refusal.words.key);
  }
}

async function usedToday(deps: ActionDeps): Promise<number> {
  return deps.db.actions
    .where('at')
    .above(deps.now() - DAY_MS)
    .filter((r) => r.by === 'rule' && !UNCOUNTED.has(r.failure?.code ?? ''))
    .count();
}

async function logSkipped(
  deps: ActionDeps,
  listingKey: string,
  kind: 'pause' | 'resume',
  channel: ChannelId,
  code: string,
  key: string,
  extra?: string,
): Promise<void> {
  const now = deps.now();
  const subs = extra === undefined ? [channelName(channel)] : [channelName(channel), extra];
  await deps.db.actions.add({
    listingKey,
    kind,
    at: now,
    by: 'rule',
    result: 'failed',
    failure: { code, words: { key, subs } },
    error: `rule not applied: ${code}`,
    finishedAt: now,
  });
}
