import { beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../tests/factories';
import { OversellDb } from '../db';
import { DEFAULT_SETTINGS } from '../model';
import { VISIT_NUDGE_MS, VISIT_TIMEOUT_MS, type VisitDeps, visitPages } from './visit';

let db: OversellDb;
let n = 0;
let clock: number;
let visits: number[];
let events: string[];

beforeEach(async () => {
  db = new OversellDb(`recheck-visit-${n++}`);
  await db.open();
  clock = T0;
  visits = [];
  events = [];
  const row = (id: string, state: 'needs-visit' | 'ok') => ({
    productKey: `aliexpress:${id}`,
    url: `https://www.aliexpress.com/item/${id}.html`,
    adapterId: 'aliexpress',
    host: 'www.aliexpress.com',
    dueAt: T0 + 3600_000,
    state,
  });
  await db.recheck.bulkPut([row('1', 'needs-visit'), row('2', 'needs-visit'), row('3', 'ok'), row('4', 'needs-visit')]);
});

/**
 * Tabs whose content script sends a reading after `readsAfterMs` (null: never); the tabs numbered in `stuck`
 * never start loading their page (they stay at about:blank and send nothing).
 */
function deps(visitTabsPerHour: number, readsAfterMs: number | null = 2_000, stuck = new Set<number>()): VisitDeps {
  const opened = new Map<number, { url: string; at: number }>();
  return {
    db,
    settings: { ...DEFAULT_SETTINGS, visitTabsPerHour },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
      for (const [id, tab] of opened)
        if (!stuck.has(id) && readsAfterMs !== null && clock - tab.at >= readsAfterMs && !(await db.pages.get(tab.url)))
          await db.pages.put({
            url: tab.url,
            adapterId: 'aliexpress',
            role: 'supplier',
            at: clock,
            ok: true,
            productKeys: [],
            variantCount: 1,
            availableCount: 1,
          });
    },
    visits: {
      get: async () => visits,
      set: async (times) => {
        visits = [...times];
      },
    },
    openTab: async (url) => {
      const id = opened.size + 1;
      opened.set(id, { url, at: clock });
      events.push(`open ${url.slice(-6)} at ${clock - T0}`);
      return id;
    },
    tabUrl: async (id) => (stuck.has(id) ? 'about:blank' : (opened.get(id)?.url ?? null)),
    readTab: async (id, adapterId) => {
      events.push(`read ${opened.get(id)?.url.slice(-6)} with ${adapterId} at ${clock - T0}`);
    },
    closeTab: async (id) => {
      events.push(`close ${opened.get(id)?.url.slice(-6)} at ${clock - T0}`);
    },
  };
}

describe('visitPages', () => {
  it('opens nothing while the seller has not opted in', async () => {
    expect(await visitPages(deps(0))).toEqual({ opened: 0, allowed: 0 });
    expect(events).toEqual([]);
  });

  it('visits pages that need it one at a time, closing each once it has been read', async () => {
    expect(await visitPages(deps(5))).toEqual({ opened: 3, allowed: 5 });
    expect(events).toEqual([
      'open 1.html at 0',
      'close 1.html at 2000',
      'open 2.html at 2000',
      'close 2.html at 4000',
      'open 4.html at 4000',
      'close 4.html at 6000',
    ]);
  });

  it('keeps to N an hour across clicks', async () => {
    expect((await visitPages(deps(2))).opened).toBe(2);
    clock += 10 * 60_000;
    expect(await visitPages(deps(2))).toEqual({ opened: 0, allowed: 0 });
    clock += 60 * 60_000;
    expect((await visitPages(deps(2))).opened).toBe(2);
  });

  it('runs the reader in a tab that has sent nothing, and closes it after the timeout if still nothing', async () => {
    await visitPages(deps(1, null));
    expect(events).toEqual([
      'open 1.html at 0',
      `read 1.html with aliexpress at ${VISIT_NUDGE_MS}`,
      `close 1.html at ${VISIT_TIMEOUT_MS}`,
    ]);
  });

  it('replaces a tab that never started loading its page, once, within the same timeout', async () => {
    expect((await visitPages(deps(1, 2_000, new Set([1])))).opened).toBe(1);
    expect(events).toEqual([
      'open 1.html at 0',
      `close 1.html at ${VISIT_NUDGE_MS}`,
      `open 1.html at ${VISIT_NUDGE_MS}`,
      `close 1.html at ${VISIT_NUDGE_MS + 2_000}`,
    ]);
    expect(await db.pages.get('https://www.aliexpress.com/item/1.html')).toBeDefined();
  });

  it('replaces a stuck tab only once, and still closes the last one at the timeout', async () => {
    await visitPages(deps(1, null, new Set([1, 2])));
    expect(events).toEqual([
      'open 1.html at 0',
      `close 1.html at ${VISIT_NUDGE_MS}`,
      `open 1.html at ${VISIT_NUDGE_MS}`,
      `read 1.html with aliexpress at ${2 * VISIT_NUDGE_MS}`,
      `close 1.html at ${VISIT_TIMEOUT_MS}`,
    ]);
  });
});
