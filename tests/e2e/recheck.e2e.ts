// Background re-checks in real Chromium: no supplier tab open, the worker fetches the linked supplier page
// (served through context.route), reads it in the offscreen document with the same adapter, the badge
// turns red and a notification appears; a worker stopped mid-queue finishes it after a restart without
// fetching any product twice; a captcha stops the host and the popup says so.
import type { Route, Worker } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const fixtures = loadFixtures();
const fixture = (id: string, name: string): FixtureCase => {
  const found = fixtures.find((f) => f.adapterId === id && f.name === name);
  if (!found) throw new Error(`no fixture ${id}/${name}`);
  return found;
};
const IN_STOCK = fixture('aliexpress', 'old-layout-in-stock');
const ONE_SOLD_OUT = fixture('aliexpress', 'old-layout-one-sold-out');
const CAPTCHA = fixture('aliexpress', 'bot-wall-on-item-url');
const SHELL_ONLY = fixture('aliexpress', 'current-layout-shell-only');
const LISTING = fixture('shopify-admin', 'product-variants-active');
const FIXTURE_ID = '1005003245617890';
const SOLD_OUT_VARIANT = '14:193;5:361386';
const LISTING_KEY = 'shopify:northwind-supply:8123456789012:44123456789001';

/** The AliExpress fixture as product `id`, at its own URL. */
const productPage = (html: string, id: string) => ({
  url: `https://www.aliexpress.com/item/${id}.html`,
  html: html.replaceAll(FIXTURE_ID, id),
});

declare const chrome: {
  storage: { local: { set(v: object): Promise<void> } };
  alarms: { create(name: string, info: { when: number }): void };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

let h: Harness;
/** Requests the extension's service worker made, by URL (tabs' requests are not counted). */
let workerFetches: Map<string, number>;
/** Page loads in tabs, by URL. */
let tabLoads: Map<string, number>;
const served = new Map<string, string>();
/** What the worker's fetch gets instead, where a page's data only appears in a real tab (client-rendered). */
const servedToWorker = new Map<string, string>();
const errors: string[] = [];

beforeEach(async () => {
  h = await launch();
  h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
  workerFetches = new Map();
  tabLoads = new Map();
  served.clear();
  servedToWorker.clear();
  // Registered after the harness's catch-all, so it answers product pages first.
  await h.context.route(/^https:\/\/www\.aliexpress\.com\/item\//, (route: Route) => {
    const url = route.request().url();
    const counts = route.request().serviceWorker() ? workerFetches : tabLoads;
    counts.set(url, (counts.get(url) ?? 0) + 1);
    const body = (route.request().serviceWorker() && servedToWorker.get(url)) || served.get(url);
    return route.fulfill({ status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? '' });
  });
});
afterEach(async () => {
  await h?.close();
});

/** Reads the supplier pages and the listing in tabs, links the listing variant to them, closes every tab. */
async function linkSuppliers(ids: string[]) {
  const tab = await h.context.newPage();
  for (const id of ids) {
    const page = productPage(IN_STOCK.html, id);
    served.set(page.url, page.html);
    await tab.goto(page.url);
    await waitFor(
      async () => (await latest()).find((o) => o.key === `aliexpress:${id}:${SOLD_OUT_VARIANT}`),
      `the visit to product ${id}`,
    );
  }
  h.web.serve(LISTING.url, LISTING.html);
  await tab.goto(LISTING.url);
  await waitFor(async () => (await latest()).find((o) => o.key === LISTING_KEY), 'the listing reading');
  const popup = await h.openPopup();
  const reply = await popup.evaluate((message) => chrome.runtime.sendMessage(message), {
    type: 'link:save',
    listingKey: LISTING_KEY,
    suppliers: ids.map((id, priority) => ({
      offerKey: `aliexpress:${id}:${SOLD_OUT_VARIANT}`,
      priority,
      unitsPerSale: 1,
    })),
  });
  expect(reply).toEqual({ ok: true, saved: 1 });
  // No tab at all from here on: not the supplier's, not the welcome page, not the first blank one.
  for (const page of h.context.pages()) await page.close();
  expect(h.context.pages()).toHaveLength(0);
  await waitFor(async () => (await queue()).length === ids.length, 'the re-check queue');
}

const latest = async () => readStore<Observation>(await h.worker(), 'latest');
const queue = async () =>
  readStore<{ productKey: string; url: string; state?: string; verifiedVia?: string; leaseUntil?: number }>(
    await h.worker(),
    'recheck',
  );

/**
 * Time passes: every queued product becomes due and the re-check alarm fires, as it would after an hour.
 * (The rows are moved with raw IndexedDB; the alarm and everything after it is the extension's own.)
 */
async function timePasses(worker: Worker, spacingMs: number) {
  await worker.evaluate(async (spacing) => {
    await chrome.storage.local.set({ e2eHostSpacingMs: spacing });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('oversell-guard');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('recheck', 'readwrite');
        const store = tx.objectStore('recheck');
        const all = store.getAll();
        all.onsuccess = () => {
          for (const row of all.result) store.put({ ...row, dueAt: 0 });
        };
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    chrome.alarms.create('recheck', { when: Date.now() + 50 });
  }, spacingMs);
}

describe('background re-checks', () => {
  it('with no tab open, re-reads a linked supplier that sold out: the badge turns red and a notification appears', async () => {
    await linkSuppliers(['1005000000000001']);
    expect((await h.badge()).text).toBe('');
    const sold = productPage(ONE_SOLD_OUT.html, '1005000000000001');
    served.set(sold.url, sold.html);

    await timePasses(await h.worker(), 500);
    await waitFor(async () => (await h.badge()).text === '1', 'a red badge from the re-check', 20_000);
    expect((await h.badge()).color).toEqual([197, 34, 31, 255]);
    const offer = (await latest()).find((o) => o.key === `aliexpress:1005000000000001:${SOLD_OUT_VARIANT}`);
    expect(offer).toMatchObject({ stock: { kind: 'outOfStock' }, via: 'recheck' });
    expect(workerFetches.get(sold.url)).toBe(1);
    const notifications = await waitFor(
      async () => (await h.worker()).evaluate(() => chrome.notifications.getAll()),
      'a notification',
    );
    expect(Object.keys(notifications)).toEqual([`critical:${LISTING_KEY}`]);
    expect(h.context.pages()).toHaveLength(0);
    const [row] = await queue();
    expect(row).toMatchObject({ state: 'ok', verifiedVia: 'recheck' });

    // The popup tells when each link was last verified, and how.
    const popup = await h.openPopup();
    await popup.locator('.recheck-links summary').click();
    await expect.poll(() => popup.locator('.recheck-verified').first().textContent()).toMatch(/re-check/);
    expect(errors).toEqual([]);
  });

  it('finishes the queue after the worker is stopped mid-way, fetching no product twice', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `100500000000002${i}`);
    await linkSuppliers(ids);
    await timePasses(await h.worker(), 3_000);
    // Stop the worker between two requests (the spacing leaves seconds with nothing in flight).
    await waitFor(async () => {
      const rows = await queue();
      return rows.filter((r) => r.verifiedVia === 'recheck').length >= 2 && rows.every((r) => !r.leaseUntil);
    }, 'two products re-checked');
    await h.stopWorker();
    const before = [...workerFetches.values()].reduce((a, b) => a + b, 0);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(6);

    // Any event starts the worker again (here: opening the popup); the queue resumes from Dexie, and the
    // popup's progress line counts on from where the stopped worker left it.
    const popup = await h.openPopup();
    await expect
      .poll(() => popup.locator('.recheck-progress').textContent(), { timeout: 15_000 })
      .toMatch(/^Re-checking supplier pages: [3-6] of 6$/);
    await waitFor(
      async () => (await queue()).every((r) => r.verifiedVia === 'recheck'),
      'the whole queue re-checked',
      45_000,
    );
    expect(workerFetches.size).toBe(6);
    expect([...workerFetches.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  // About one run in six, Playwright holds the background tab the extension opens (its debugger attaches late
  // and the tab's first request waits on it): the visit replaces a tab that has not started loading after 10 s
  // (lib/recheck/visit.ts), so the page is then requested three times. Both tabs held is rarer still: one retry,
  // in a fresh browser (beforeEach), repeats the whole path and loosens no assertion.
  it('lists a page whose stock only shows in a tab, and visits it on one click when the seller allows visits', {
    retry: 1,
  }, async () => {
    await linkSuppliers(['1005000000000041']);
    const url = productPage(IN_STOCK.html, '1005000000000041').url;
    servedToWorker.set(url, SHELL_ONLY.html);
    await timePasses(await h.worker(), 500);
    await waitFor(async () => (await queue())[0]?.state === 'needs-visit', 'the page listed for a visit');

    await (await h.worker()).evaluate(() => chrome.storage.local.set({ settings: { visitTabsPerHour: 2 } }));
    const popup = await h.openPopup();
    const visit = popup.locator('.recheck-visit');
    await expect.poll(() => visit.locator('li').count()).toBe(1);
    expect(await visit.locator('li a').getAttribute('href')).toBe(url);
    expect(tabLoads.get(url)).toBe(1); // the seller's own visit, before linking
    await visit.getByRole('button', { name: 'Visit them in background tabs (up to 2 an hour)' }).click();
    await expect
      .poll(() => popup.getByRole('status').last().textContent(), { timeout: 40_000 })
      .toBe('Visited 1 pages.');
    // Loaded in a tab, read there by the content script, then closed; the product is verified by that visit.
    expect([2, 3]).toContain(tabLoads.get(url));
    expect(h.context.pages().map((p) => p.url())).not.toContain(url);
    // The visit's reading reaches the queue row just after the tab closes: wait for it rather than race it.
    await expect
      .poll(async () => (await queue())[0], { timeout: 10_000 })
      .toMatchObject({ state: 'ok', verifiedVia: 'page' });
    await expect.poll(() => visit.count()).toBe(0);
  });

  it('stops re-checking a host that shows a captcha, and the popup says so', async () => {
    await linkSuppliers(['1005000000000031']);
    served.set(productPage(IN_STOCK.html, '1005000000000031').url, CAPTCHA.html);
    await timePasses(await h.worker(), 500);
    const stopped = async () =>
      (await readStore<{ host: string; stopped?: { detail: string } }>(await h.worker(), 'hosts')).filter(
        (r) => r.stopped,
      );
    const hosts = await waitFor(async () => ((await stopped()).length ? stopped() : null), 'the host stopped');
    expect(hosts.map((r) => r.host)).toEqual(['www.aliexpress.com']);
    const popup = await h.openPopup();
    const line = popup.locator('.recheck-stopped');
    await expect.poll(() => line.textContent()).toContain('www.aliexpress.com');
    expect(await line.textContent()).toContain('captcha');
    expect(await line.getByRole('button').textContent()).toBe('Resume re-checks');
  });
});
