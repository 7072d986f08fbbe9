// Pages a fetch cannot read (client-rendered data, a login) are opened for real, on the seller's click: a
// background tab each, one at a time, closed as soon as its content script has sent a reading (or after a
// timeout). At most `visitTabsPerHour` an hour, counted across worker restarts.
import type { OversellDb } from '../db';
import type { Settings } from '../model';

const HOUR_MS = 3600_000;
/** A page that has not sent a reading by then is closed anyway (its state stays "needs a visit"). */
export const VISIT_TIMEOUT_MS = 30_000;
/**
 * A tab that has sent nothing by then gets its site's reader run in it directly: Chromium sometimes does not
 * inject a manifest content script into a background tab sent to a page right after it opened.
 */
export const VISIT_NUDGE_MS = 10_000;
/** One click opens at most this many, so the reply comes back while the popup is still open. */
const VISITS_PER_CLICK = 10;

export interface VisitDeps {
  db: OversellDb;
  settings: Settings;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Times of earlier visits (storage.local in the extension). */
  visits: { get: () => Promise<number[]>; set: (times: number[]) => Promise<void> };
  openTab: (url: string) => Promise<number>;
  tabUrl: (tabId: number) => Promise<string | null>;
  closeTab: (tabId: number) => Promise<void>;
  /** Runs the adapter's content script in the tab (scripting.executeScript). */
  readTab: (tabId: number, adapterId: string) => Promise<void>;
}

export async function visitPages(deps: VisitDeps): Promise<{ opened: number; allowed: number }> {
  const { db, settings } = deps;
  const recent = (await deps.visits.get()).filter((t) => deps.now() - t < HOUR_MS);
  const allowed = Math.max(0, settings.visitTabsPerHour - recent.length);
  const rows = await db.recheck
    .filter((r) => r.state === 'needs-visit')
    .limit(Math.min(allowed, VISITS_PER_CLICK))
    .toArray();
  let opened = 0;
  for (const row of rows) {
    const at = deps.now();
    recent.push(at);
    await deps.visits.set(recent);
    const tab = { id: await deps.openTab(row.url) };
    opened += 1;
    try {
      await waitForReading(deps, tab, row.url, row.adapterId, at);
    } finally {
      await deps.closeTab(tab.id).catch(() => {});
    }
  }
  return { opened, allowed };
}

/** A tab that has not committed any page yet. */
const notStarted = (url: string | null) => !url || url === 'about:blank';

/**
 * Until the tab's page has a reading newer than the visit (by the product URL or wherever the tab ended up).
 * At VISIT_NUDGE_MS a tab that sent nothing gets its reader run in it; one that never even started loading
 * the page (seen under test automation, whose debugger can hold a new background tab) is replaced once by
 * a fresh tab, within the same overall timeout. `tab.id` follows the replacement, for the caller to close.
 */
async function waitForReading(deps: VisitDeps, tab: { id: number }, url: string, adapterId: string, since: number) {
  let nudgeAt = since + VISIT_NUDGE_MS;
  let reopened = false;
  while (deps.now() - since < VISIT_TIMEOUT_MS) {
    const current = await deps.tabUrl(tab.id);
    const urls = [url, current].filter((u): u is string => !!u);
    const pages = await deps.db.pages.bulkGet(urls.map((u) => u.replace(/#.*$/, '')));
    if (pages.some((p) => p && p.at >= since)) return;
    if (deps.now() >= nudgeAt) {
      if (notStarted(current) && !reopened) {
        reopened = true;
        await deps.closeTab(tab.id).catch(() => {});
        tab.id = await deps.openTab(url);
        nudgeAt = deps.now() + VISIT_NUDGE_MS;
      } else {
        nudgeAt = Number.POSITIVE_INFINITY;
        await deps.readTab(tab.id, adapterId).catch(() => {});
      }
    }
    await deps.sleep(250);
  }
}
