// After a done action, the listing's state as its channel's API answered it becomes the newest observation
// (`via: 'api'`), and the listing is re-assessed: a paused listing stops being a risk and, once its supplier
// has stock again, turns `restock` (a resume suggestion) without the seller revisiting the admin page.
import type { ChannelSnapshot } from '../channels';
import type { OversellDb } from '../db';
import { reassess } from '../ingest';
import type { Assessment, Settings } from '../model';
import { listingStateOf } from './effect';

export async function noteChannelState(
  db: OversellDb,
  listingKey: string,
  snap: ChannelSnapshot,
  settings: Settings,
  now: number,
): Promise<Assessment[]> {
  const state = listingStateOf(snap);
  if (!state) return [];
  return db.transaction('rw', [db.latest, db.history, db.links, db.assessments], async () => {
    const row = await db.latest.get(listingKey);
    // A listing never read from a page has no title or options to show: the action log alone tells it.
    if (!row) return [];
    const { status } = state;
    // An API that answers for the whole listing (Etsy, with variations) leaves the variant's own count as read.
    const stock = state.stock ?? row.stock;
    await db.latest.put({
      ...row,
      stock,
      status,
      observedAt: now,
      via: 'api',
      presence: 'present',
      failure: undefined,
      evidence: [`api:${snap.channel}`],
      historyCount: row.historyCount + 1,
      historyAt: now,
    });
    await db.history.add({ key: listingKey, at: now, stock, status, via: 'api' });
    return reassess(db, [listingKey], settings, now);
  });
}
