// "Pause all critical": every critical listing on a connected channel, one request at a time per channel
// (each client waits out its own store's rate limits), channels side by side. Each listing gets its own
// action row, so a stop halfway loses nothing and shows what was and was not paused.
import { channelOfKey } from '../channels';
import type { ChannelId } from '../channels/types';
import type { PauseCriticalReply } from '../messages';
import type { ActionDeps } from './deps';
import { pauseListing } from './run';

export async function pauseAllCritical(deps: ActionDeps, keepAlive: () => Promise<void>): Promise<PauseCriticalReply> {
  const critical = (await deps.db.assessments.where('severity').equals('critical').primaryKeys()) as string[];
  const byChannel = new Map<ChannelId, string[]>();
  let skipped = 0;
  for (const key of critical) {
    const channel = channelOfKey(key);
    if (!channel) skipped++;
    else byChannel.set(channel, [...(byChannel.get(channel) ?? []), key]);
  }
  const tally = { paused: 0, failed: 0, skipped };
  await Promise.all(
    [...byChannel.values()].map(async (keys) => {
      for (const key of keys) {
        const started = await pauseListing(deps, key, 'seller');
        if (!started.ok) tally.skipped++;
        else if (started.row.result === 'done') tally.paused++;
        else tally.failed++;
        // An extension API call between listings keeps a long run's worker from being stopped as idle.
        await keepAlive();
      }
    }),
  );
  return tally;
}
