// Background re-checks, wired to the extension: the alarm, the offscreen reader (Chrome) or DOMParser
// (Firefox), host permissions, notifications, and the popup's commands. The queue logic lives in
// lib/recheck/ and takes all of this as plain functions, so it runs in unit tests without a browser.
import { browser, type PublicPath } from 'wxt/browser';
import type { OversellDb } from './db';
import { t } from './i18n';
import type { IngestResult } from './ingest';
import type { OffscreenReadMessage } from './messages';
import { type PageRead, PageReadSchema, type Reading, type Settings } from './model';
import type { RecheckControls } from './receive';
import { type Notifier, notifyCritical, type Phrases } from './recheck/notify';
import { jitteredSpacingMs } from './recheck/politeness';
import { nextWakeAt } from './recheck/queue';
import { type FetchedPage, readWithDomParser } from './recheck/read-page';
import { type RecheckProgress, type RunDeps, runRecheck } from './recheck/run';
import { noteSupplierReading, syncRecheckQueue } from './recheck/sync';
import { visitPages } from './recheck/visit';
import { loadSettings } from './settings';

export const RECHECK_ALARM = 'recheck';
/** storage.local: the progress line's numbers (popup state only; the queue itself is in Dexie). */
export const PROGRESS_KEY = 'recheckProgress';
const VISITS_KEY = 'recheckVisits';
/** storage.local, e2e builds only: a host spacing below the 10 s minimum, so tests do not wait minutes. */
export const E2E_SPACING_KEY = 'e2eHostSpacingMs';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** This worker's life: a lease left by a dead worker's request does not block its host (queue.ts). */
const WORKER = crypto.randomUUID();

export interface Rechecks extends RecheckControls {
  /** Registers the alarm, permission, settings and notification listeners (synchronously, at worker start). */
  listen: () => void;
  /** Worker start: bring the queue in line with the links and set the alarm from it. */
  start: () => Promise<void>;
  /** After any ingest or link change: notify, and move the queue (a visit counts as a check). */
  afterChange: (result: IngestResult | null, reading?: Reading) => Promise<void>;
}

/**
 * What follows an ingest, the same for a re-check's reading as for a page's: the background passes its one
 * afterChange (badge, then `Rechecks.afterChange`'s notifications, then the auto-pause/resume rules), so a re-check
 * triggers each exactly once.
 */
export type AfterIngest = (result: IngestResult, reading: Reading) => Promise<void>;

export function createRechecks(db: OversellDb, afterIngest: AfterIngest): Rechecks {
  let running: Promise<unknown> | null = null;

  const notify = async (result: IngestResult | null, settings: Settings) => {
    if (result?.changed.length) await notifyCritical(db, result.changed, settings, notifier, phrases());
  };

  const run = async () => {
    if (running) return;
    running = (async () => {
      const settings = await loadSettings();
      const spacing = await baseSpacingMs(settings);
      const deps: RunDeps = {
        db,
        worker: WORKER,
        settings: async () => settings,
        now: Date.now,
        random: Math.random,
        fetch: (input, init) => fetch(input, init),
        readPage,
        hasPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
        spacingMs: () => jitteredSpacingMs(spacing, Math.random),
        afterIngest,
        setAlarm,
        progress: {
          get: async () => ((await browser.storage.local.get(PROGRESS_KEY))[PROGRESS_KEY] as RecheckProgress) ?? null,
          set: (progress) => browser.storage.local.set({ [PROGRESS_KEY]: progress }),
        },
        sleep,
      };
      try {
        await runRecheck(deps);
      } finally {
        await closeOffscreen();
      }
    })().finally(() => {
      running = null;
    });
    await running;
  };

  const schedule = async () => {
    const settings = await loadSettings();
    if (settings.recheckPaused) return setAlarm(null);
    const next = await nextWakeAt(db, settings, Date.now(), WORKER);
    await setAlarm(next === null ? null : Math.max(next, Date.now() + 1000));
  };

  /** Makes rows due now and starts a run at once (an alarm may not fire for 30 s). */
  const dueNow = async (rows: (r: { host: string; url: string; state?: string }) => boolean) => {
    const now = Date.now();
    await db.recheck.filter(rows).modify({ dueAt: now });
    void run();
  };

  const onPermissionsAdded = async (origins: string[]) => {
    const granted = new Set(origins.map((o) => o.replace(/\/\*$/, '')));
    await dueNow((r) => r.state === 'needs-permission' && granted.has(new URL(r.url).origin));
  };

  return {
    listen: () => {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === RECHECK_ALARM) void run();
      });
      browser.permissions.onAdded.addListener((added) => void onPermissionsAdded(added.origins ?? []));
      browser.storage.local.onChanged.addListener((changes) => {
        if ('settings' in changes) void schedule();
      });
      // A click on a notification opens the problems list.
      browser.notifications?.onClicked.addListener(() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      });
    },
    start: async () => {
      await syncRecheckQueue(db, await loadSettings(), Date.now(), Math.random);
      await schedule();
    },
    afterChange: async (result, reading) => {
      const settings = await loadSettings();
      await notify(result, settings);
      if (reading) {
        // A re-check moved its queue row in the transaction that stored its reading (recheck/check-one.ts).
        if (reading.role === 'supplier' && reading.page.ok && reading.via !== 'recheck')
          await noteSupplierReading(db, reading, settings, Date.now(), Math.random);
        return;
      }
      // A link saved or deleted (or the popup opened): the set of products to re-check may have changed.
      const { added } = await syncRecheckQueue(db, settings, Date.now(), Math.random);
      if (added > 0) await schedule();
    },
    now: async () => {
      // A fresh round, so the progress line counts this click's checks from zero.
      const stored = (await browser.storage.local.get(PROGRESS_KEY))[PROGRESS_KEY] as RecheckProgress | undefined;
      if (stored && !stored.finishedAt)
        await browser.storage.local.set({ [PROGRESS_KEY]: { ...stored, finishedAt: Date.now() } });
      await dueNow(() => true);
    },
    resumeHost: async (host) => {
      await db.hosts.update(host, { stopped: undefined, backoffLevel: 0, nextAllowedAt: Date.now() });
      await dueNow((r) => r.host === host);
    },
    visit: async () =>
      visitPages({
        db,
        settings: await loadSettings(),
        now: Date.now,
        sleep,
        visits: {
          get: async () => ((await browser.storage.local.get(VISITS_KEY))[VISITS_KEY] as number[] | undefined) ?? [],
          set: (times) => browser.storage.local.set({ [VISITS_KEY]: times }),
        },
        // Blank first, then the page: the load starts once the tab exists, which test automation (and any
        // debugger) needs in order to see a background tab's requests; the seller sees no difference.
        openTab: async (url) => {
          const tab = await browser.tabs.create({ url: 'about:blank', active: false });
          if (tab.id === undefined) throw new Error('the browser opened no tab');
          await browser.tabs.update(tab.id, { url });
          return tab.id;
        },
        tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => null))?.url ?? null,
        closeTab: async (tabId) => {
          await browser.tabs.remove(tabId);
        },
        readTab: async (tabId, adapterId) => {
          const file = `/content-scripts/${adapterId}.js` as Extract<PublicPath, `/content-scripts/${string}`>;
          await browser.scripting.executeScript({ target: { tabId }, files: [file] });
        },
      }),
  };
}

async function setAlarm(when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(RECHECK_ALARM);
  else await browser.alarms.create(RECHECK_ALARM, { when });
}

/** The seller's spacing; in e2e builds a test may set a shorter one (`import.meta.env.MODE` is fixed at build time). */
async function baseSpacingMs(settings: Settings): Promise<number> {
  if (import.meta.env.MODE === 'e2e') {
    const override = (await browser.storage.local.get(E2E_SPACING_KEY))[E2E_SPACING_KEY];
    if (typeof override === 'number' && override >= 0) return override;
  }
  return settings.hostSpacingSeconds * 1000;
}

// --- reading fetched HTML --------------------------------------------------------------------------
const OFFSCREEN_URL = 'offscreen.html';
/** Reading a page takes milliseconds; a reader that hangs must not hold the row past its lease. */
const OFFSCREEN_TIMEOUT_MS = 30_000;
let creating: Promise<void> | null = null;

/** Firefox's background page has a DOM; Chrome's service worker does not and asks the offscreen document. */
async function readPage(page: FetchedPage): Promise<PageRead> {
  if (typeof DOMParser === 'function') return readWithDomParser(page);
  await ensureOffscreen();
  const reply = await askOffscreen({ type: 'offscreen:read', ...page });
  const parsed = PageReadSchema.safeParse(reply);
  if (!parsed.success) throw new Error('the offscreen reader returned no reading');
  return parsed.data;
}

/** A new document may not listen yet when createDocument resolves: "no receiving end" is retried briefly. */
async function askOffscreen(message: OffscreenReadMessage): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the offscreen reader did not answer in ${OFFSCREEN_TIMEOUT_MS / 1000} s`)),
        OFFSCREEN_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([browser.runtime.sendMessage(message), timeout]);
    } catch (error) {
      if (attempt >= 20 || !/Receiving end does not exist/i.test(String(error))) throw error;
      await sleep(50);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function ensureOffscreen(): Promise<void> {
  if (await browser.offscreen.hasDocument()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER'],
      justification: 'Read fetched supplier pages with the same site adapters the content scripts use',
    })
    .catch(async (error: Error) => {
      // Another run of this worker created it in the meantime: that is what we wanted.
      if (!(await browser.offscreen.hasDocument())) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

async function closeOffscreen(): Promise<void> {
  if (typeof browser.offscreen === 'undefined') return;
  if (await browser.offscreen.hasDocument()) await browser.offscreen.closeDocument().catch(() => {});
}

// --- notifications ---------------------------------------------------------------------------------
const notifier: Notifier = {
  shown: async () => (browser.notifications ? Object.keys(await browser.notifications.getAll()) : []),
  show: async (id, title, message) => {
    await browser.notifications?.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: 2,
    });
  },
  clear: async (id) => {
    await browser.notifications?.clear(id);
  },
};

const phrases = (): Phrases => ({
  title: t('notifyCriticalTitle'),
  one: (label, status) => t('notifyCriticalOne', [label, t(`status_${status.replaceAll('-', '_')}`)]),
  groupTitle: (count) => t('notifyGroupTitle', [count]),
  groupMessage: (labels, more) =>
    more > 0 ? t('notifyGroupMessageMore', [labels.join(', '), more]) : t('notifyGroupMessage', [labels.join(', ')]),
});
