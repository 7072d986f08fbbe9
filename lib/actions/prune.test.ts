import { beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../tests/factories';
import { type ActionRow, OversellDb } from '../db';
import { ACTIONS_MAX_AGE_MS, loadActionState, pruneActions } from './state';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 400 * DAY;
const OLD = NOW - ACTIONS_MAX_AGE_MS - DAY;
let db: OversellDb;
let n = 0;

const action = (listingKey: string, kind: ActionRow['kind'], at: number, result: ActionRow['result'] = 'done') =>
  ({ listingKey, kind, at, by: 'seller', result }) satisfies ActionRow;

beforeEach(async () => {
  db = new OversellDb(`prune-actions-${n++}`);
  await db.open();
});

describe('pruneActions', () => {
  it('drops old actions but keeps the pause in force, however old, and what is still pending', async () => {
    await db.actions.bulkAdd([
      // A: paused long ago, still paused (failed resumes since): the pause stays, the old failures go.
      action('shopify:s:1:1', 'pause', OLD - 10 * DAY),
      action('shopify:s:1:1', 'resume', OLD - 5 * DAY, 'failed'),
      action('shopify:s:1:1', 'resume', NOW - DAY, 'failed'),
      // B: paused and resumed long ago: nothing old is needed any more.
      action('shopify:s:2:1', 'pause', OLD - 3 * DAY),
      action('shopify:s:2:1', 'resume', OLD - 2 * DAY),
      // C: an old action a killed worker left pending: resolved at the next start, so kept.
      action('shopify:s:3:1', 'pause', OLD, 'pending'),
      // D: recent, all kept.
      action('shopify:s:4:1', 'pause', NOW - 2 * DAY),
    ]);
    const before = await Promise.all(['1', '2', '3', '4'].map((p) => loadActionState(db, `shopify:s:${p}:1`)));

    expect(await pruneActions(db, NOW)).toBe(3);
    const left = await db.actions.toArray();
    expect(left.map((r) => [r.listingKey, r.kind, r.result])).toEqual([
      ['shopify:s:1:1', 'pause', 'done'],
      ['shopify:s:1:1', 'resume', 'failed'],
      ['shopify:s:3:1', 'pause', 'pending'],
      ['shopify:s:4:1', 'pause', 'done'],
    ]);
    // What each listing's row shows (Paused, Resume, running) is what it was.
    const after = await Promise.all(['1', '2', '3', '4'].map((p) => loadActionState(db, `shopify:s:${p}:1`)));
    expect(after.map((s) => [s.paused?.id, s.pending?.id])).toEqual(before.map((s) => [s.paused?.id, s.pending?.id]));
    expect(await pruneActions(db, NOW)).toBe(0);
  });
});
