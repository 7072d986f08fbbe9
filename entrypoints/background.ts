import { browser } from 'wxt/browser';
import { createActions } from '@/lib/actions';
import { pruneActions } from '@/lib/actions/state';
import { updateBadge } from '@/lib/badge';
import { getDb } from '@/lib/db';
import { type IngestResult, reassessAll } from '@/lib/ingest';
import type { Reading } from '@/lib/model';
import { receiveMessage, TabRateLimiter } from '@/lib/receive';
import { createRechecks } from '@/lib/recheck';
import { loadSettings, saveSettings } from '@/lib/settings';
import { nextSnoozeEnd } from '@/lib/snooze';
import { finishPendingWatch, forgetOrigins, originsOfPatterns, unwatchOrigin, watchOrigin } from '@/lib/watch';

/** Staleness grows with time alone, so assessments are refreshed on a clock as well as on ingest. */
const REASSESS_ALARM = 'reassess-all';
/** A timed snooze ending: its problem counts on the badge again from that moment, not at the next reassess. */
const SNOOZE_END_ALARM = 'snooze-end';

export default defineBackground(() => {
  const db = getDb();
  const rateLimiter = new TabRateLimiter();
  /** The badge now, and an alarm to paint it again when the next timed snooze ends. */
  const repaintBadge = async () => {
    await updateBadge(db);
    const end = await nextSnoozeEnd(db, Date.now());
    if (end === undefined) await browser.alarms.clear(SNOOZE_END_ALARM);
    else await browser.alarms.create(SNOOZE_END_ALARM, { when: end + 1000 });
  };
  // A re-check's reading goes through the same afterChange as a page's (defined below, called only later).
  const rechecks = createRechecks(db, (result, reading) => deps.afterChange(result, reading));
  const actions = createActions({ db, settings: loadSettings, onChanged: async () => void (await repaintBadge()) });
  const deps = {
    db,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    settings: loadSettings,
    now: Date.now,
    rateLimiter,
    afterChange: async (result: IngestResult | null, reading?: Reading) => {
      await repaintBadge();
      await rechecks.afterChange(result, reading);
      // The optional auto-pause/resume rules: not awaited, so a page's reading is answered at once.
      if (result?.changed.length) void actions.afterChange(result.changed).catch(logActionError);
    },
    recheck: rechecks,
    actions,
    sites: { watch: watchOrigin, unwatch: unwatchOrigin },
    saveSettings,
    openPopupFor: async (tabId: number) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
    },
  };

  // The listener returns the reply promise; nothing thrown inside reaches the sending page.
  browser.runtime.onMessage.addListener((raw, sender) =>
    receiveMessage(raw, sender, deps).catch((error: unknown) => {
      console.error('[oversell-guard] message handling failed', error);
      return { ok: false, error: 'internal error: see the extension console' };
    }),
  );
  browser.tabs.onRemoved.addListener((tabId) => rateLimiter.forget(tabId));
  // A site permission revoked in the browser's settings stops its watched-site script too.
  browser.permissions.onRemoved.addListener((removed) => void forgetOrigins(originsOfPatterns(removed.origins)));
  browser.permissions.onAdded.addListener((added) => void finishPendingWatch(added.origins));
  // First run: the welcome page says what is read, where, and that nothing leaves the browser.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.alarms.create(REASSESS_ALARM, { periodInMinutes: 15 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === SNOOZE_END_ALARM) await repaintBadge();
    if (alarm.name !== REASSESS_ALARM) return;
    await reassessAll(db, await loadSettings(), Date.now());
    await repaintBadge();
    // The action log stays bounded (an index range, empty on most runs).
    await pruneActions(db, Date.now());
  });

  // Background re-checks: their listeners now, synchronously, so their events wake this worker.
  rechecks.listen();
  // A fresh worker (browser start, update, or after being killed) repaints the badge from Dexie.
  void repaintBadge();
  void rechecks.start();
  // Actions a killed worker left pending: read each listing again and finish its row.
  void actions.start().catch(logActionError);
});

const logActionError = (error: unknown) => console.error('[oversell-guard] channel action failed', error);
