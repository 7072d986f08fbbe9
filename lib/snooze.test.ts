import { describe, expect, it } from 'vitest';
import { T0 } from '../tests/factories';
import { OversellDb, type SnoozeRow } from './db';
import type { Status } from './model';
import { nextSnoozeEnd, snoozeHides } from './snooze';

const row = (status: Status, until?: number): SnoozeRow => ({
  listingKey: 'shopify:a:1:1',
  status,
  kind: 'snooze',
  at: T0,
  ...(until !== undefined ? { until } : {}),
});

describe('snoozeHides', () => {
  it.each([
    ['until a time, before it', row('oversell-risk', T0 + 60_000), 'oversell-risk', T0, true],
    ['until a time, at it', row('oversell-risk', T0 + 60_000), 'oversell-risk', T0 + 60_000, false],
    ['until it changes, unchanged', row('stale'), 'stale', T0 + 1e9, true],
    ['until it changes, changed', row('stale'), 'oversell-risk', T0, false],
    ['until a time, status changed before it', row('stale', T0 + 60_000), 'unreadable', T0, false],
    ['the problem is gone', row('stale'), 'ok', T0, false],
    ['no assessment any more', row('stale'), undefined, T0, false],
  ] as const)('%s', (_, snooze, status, now, hides) => {
    expect(snoozeHides(snooze, status, now)).toBe(hides);
  });
  it('without a snooze hides nothing', () => expect(snoozeHides(undefined, 'stale', T0)).toBe(false));
});

describe('nextSnoozeEnd', () => {
  it('is the earliest timed snooze still to end; acknowledgements and ended snoozes have none', async () => {
    const db = new OversellDb('snooze-next-end');
    await db.open();
    expect(await nextSnoozeEnd(db, T0)).toBeUndefined();
    await db.snoozes.bulkPut([
      { ...row('stale', T0 + 90_000), listingKey: 'shopify:a:1:1' },
      { ...row('stale', T0 - 1), listingKey: 'shopify:a:1:2' },
      { ...row('oversell-risk', T0 + 30_000), listingKey: 'shopify:a:1:3' },
      { ...row('stale'), listingKey: 'shopify:a:1:4', kind: 'acknowledge' },
    ]);
    expect(await nextSnoozeEnd(db, T0)).toBe(T0 + 30_000);
    expect(await nextSnoozeEnd(db, T0 + 30_000)).toBe(T0 + 90_000);
    expect(await nextSnoozeEnd(db, T0 + 90_000)).toBeUndefined();
  });
});
