// The popup as a seller lives in it: problems grouped by severity with their counts, what was seen where and why,
// filters and search, snooze / acknowledge / show again (and the badge following), the stock history, keyboard
// use, screenshots in English and Chinese, light and dark; then 10,000 problems, painted a screen at a time.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, readStore, waitFor } from './harness';

const SHOTS = resolve(import.meta.dirname, '../../screenshots/popup');
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The worker's own `chrome` (the tests call a few extension APIs inside it). */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const SHOP = 'https://admin.shopify.com/store/demo-store/products';
const ETSY = 'https://www.etsy.com/your/shops/me/listing-editor/edit';
const AE = 'aliexpress:1005006512345678';

interface Obs {
  key: string;
  productKey: string;
  adapterId: string;
  role: 'supplier' | 'listing';
  url: string;
  productTitle: string;
  label: string;
  stock: object;
  price?: object;
  status?: string;
  evidence: string[];
  agoMin?: number;
  presence?: string;
  failure?: object;
}

const listing = (
  key: string,
  url: string,
  title: string,
  label: string,
  qty: number,
  more: Partial<Obs> = {},
): Obs => ({
  key,
  productKey: key.split(':').slice(0, -1).join(':'),
  adapterId: key.startsWith('etsy-listing:') ? 'etsy-shop-manager' : 'shopify-admin',
  role: 'listing',
  url,
  productTitle: title,
  label,
  stock: { kind: 'exact', qty },
  status: 'active',
  evidence: ['dom:input[name="available"]'],
  ...more,
});
const supplier = (
  key: string,
  url: string,
  title: string,
  label: string,
  stock: object,
  more: Partial<Obs> = {},
): Obs => ({
  key,
  productKey: key.split(':').slice(0, -1).join(':'),
  adapterId: key.split(':')[0],
  role: 'supplier',
  url,
  productTitle: title,
  label,
  stock,
  evidence: ['embedded-json:skuModule.skuPriceList[2].skuVal.availQuantity'],
  ...more,
});
const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A small store with one problem of each kind, on two channels and three supplier sites. */
const OBSERVATIONS: Obs[] = [
  listing('shopify:demo-store:101:9', `${SHOP}/101`, 'Waterproof Hiking Backpack 40L', 'Blue / M', 12),
  supplier(
    `${AE}:blue-m`,
    'https://www.aliexpress.com/item/1005006512345678.html',
    'Hiking Backpack 40L Waterproof',
    'Blue / M',
    { kind: 'outOfStock' },
    { evidence: ['text:Sold out', 'embedded-json:skuModule.skuPriceList[0].skuVal.availQuantity'] },
  ),
  listing('shopify:demo-store:101:2', `${SHOP}/101`, 'Waterproof Hiking Backpack 40L', 'Black / L', 0, {
    status: 'draft',
  }),
  supplier(
    `${AE}:black-l`,
    'https://www.aliexpress.com/item/1005006512345678.html',
    'Hiking Backpack 40L Waterproof',
    'Black / L',
    { kind: 'exact', qty: 9 },
    { presence: 'missing' },
  ),
  listing('shopify:demo-store:102:1', `${SHOP}/102`, 'Linen Beach Shirt', 'White / S', 12),
  supplier(
    'aliexpress:1005004000000001:white-s',
    'https://www.aliexpress.com/item/1005004000000001.html',
    'Men Linen Shirt Summer',
    'White / S',
    { kind: 'exact', qty: 5 },
  ),
  listing('shopify:demo-store:103:1', `${SHOP}/103`, 'Ceramic Pour-Over Set', 'Default', 3, { price: usd(1900) }),
  supplier(
    'temu:601099512345:1',
    'https://www.temu.com/ceramic-pour-over-g-601099512345.html',
    'Ceramic Coffee Dripper Set',
    'White',
    { kind: 'exact', qty: 40 },
    { price: usd(2240) },
  ),
  listing('shopify:demo-store:104:1', `${SHOP}/104`, 'Bamboo Desk Organizer', 'Natural', 5),
  supplier(
    'temu:601099599999:1',
    'https://www.temu.com/bamboo-organizer-g-601099599999.html',
    'Bamboo Desktop Organizer',
    'Natural',
    { kind: 'exact', qty: 30 },
    { agoMin: 3 * 24 * 60 },
  ),
  listing('etsy-listing:1234567890:lavender', `${ETSY}/1234567890`, 'Hand-poured Soy Candle', 'Lavender', 6),
  supplier(
    'shopify-store:candles.example.com:88:1',
    'https://candles.example.com/products/soy-candle',
    'Soy Candle 8oz',
    'Lavender',
    { kind: 'exact', qty: 20 },
    {
      failure: {
        reason: 'captcha',
        detail: 'candles.example.com is showing a captcha: open the page and solve it',
        at: 0,
      },
    },
  ),
  listing('shopify:demo-store:105:1', `${SHOP}/105`, 'Trail Running Cap', 'Red', 0, { status: 'draft' }),
  supplier(
    'aliexpress:1005004000000005:red',
    'https://www.aliexpress.com/item/1005004000000005.html',
    'Running Cap Breathable',
    'Red',
    { kind: 'exact', qty: 25 },
  ),
  listing('etsy-listing:1234567891:default', `${ETSY}/1234567891`, 'Macrame Wall Hanging', 'Default', 2),
  supplier(
    'aliexpress:1005004000000009:beige',
    'https://www.aliexpress.com/item/1005004000000009.html',
    'Boho Macrame Tapestry',
    'Beige',
    { kind: 'outOfStock' },
  ),
  listing('shopify:demo-store:106:1', `${SHOP}/106`, 'Enamel Camp Mug', 'Green', 7),
];
const LINKS: [string, string[]][] = [
  ['shopify:demo-store:101:9', [`${AE}:blue-m`]],
  ['shopify:demo-store:101:2', [`${AE}:black-l`, 'aliexpress:1005004000000001:white-s']],
  ['shopify:demo-store:102:1', ['aliexpress:1005004000000001:white-s']],
  ['shopify:demo-store:103:1', ['temu:601099512345:1']],
  ['shopify:demo-store:104:1', ['temu:601099599999:1']],
  ['etsy-listing:1234567890:lavender', ['shopify-store:candles.example.com:88:1']],
  ['shopify:demo-store:105:1', ['aliexpress:1005004000000005:red']],
  ['etsy-listing:1234567891:default', ['aliexpress:1005004000000009:beige']],
];
/** The backpack's supplier stock over ten days, with one unreadable day: the sparkline's data. */
const HISTORY: [number, object][] = [
  [240, { kind: 'exact', qty: 37 }],
  [190, { kind: 'exact', qty: 30 }],
  [150, { kind: 'exact', qty: 22 }],
  [110, { kind: 'unknown', reason: 'captcha' }],
  [80, { kind: 'exact', qty: 12 }],
  [40, { kind: 'exact', qty: 3 }],
  [0.2, { kind: 'outOfStock' }],
];

/**
 * Writes the store into IndexedDB from the worker: what was read (and, with `links`, what is linked); the popup's
 * refresh then assesses it with the real reconcile.
 */
async function seedStore(worker: Worker, links: typeof LINKS, history = HISTORY) {
  await worker.evaluate(
    ({ observations, links, history, hour }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onsuccess = () => {
          const tx = open.result.transaction(['latest', 'links', 'history', 'assessments'], 'readwrite');
          const now = Date.now();
          for (const { agoMin, failure, ...o } of observations) {
            const observedAt = now - (agoMin ?? 12) * 60_000;
            tx.objectStore('latest').put({
              ...o,
              options: {},
              observedAt,
              via: 'page',
              presence: o.presence ?? 'present',
              ...(failure ? { failure: { ...failure, at: now - 60_000 } } : {}),
              historyCount: 1,
            });
          }
          for (const [listingKey, offerKeys] of links) {
            tx.objectStore('links').put({
              listingKey,
              suppliers: offerKeys.map((offerKey, priority) => ({ offerKey, priority, unitsPerSale: 1 })),
              offerKeys,
              createdAt: now,
              updatedAt: now,
            });
          }
          for (const [hoursAgo, stock] of history)
            tx.objectStore('history').put({
              key: 'aliexpress:1005006512345678:blue-m',
              at: now - hoursAgo * hour,
              stock,
              via: 'page',
            });
          // Seen, never linked: counted apart, never listed as a problem.
          tx.objectStore('assessments').put({
            listingKey: 'shopify:demo-store:106:1',
            status: 'unlinked',
            severity: 'info',
            findings: [{ status: 'unlinked', severity: 'info', facts: {}, evidence: [] }],
            assessedAt: now,
            changedAt: now,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { observations: OBSERVATIONS, links, history, hour: HOUR },
  );
}

let h: Harness;
const errors: string[] = [];
const rowOf = (popup: Page, listingKey: string) => popup.locator(`.problem[data-listing="${listingKey}"]`);
/** The count per group, from the bar above the list (the group headers scroll away with their rows). */
const groupCounts = (popup: Page) =>
  popup.locator('.group-jump').evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));

/** Scrolls the list until the row is painted (only rows in view, plus a margin, are in the page). */
async function reveal(popup: Page, listingKey: string) {
  const row = rowOf(popup, listingKey);
  const list = popup.locator('.virtual');
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 60; i++) {
    await popup.waitForTimeout(60); // the list re-renders for its new scroll position
    if ((await row.count()) > 0) break;
    await list.evaluate((el) => el.scrollBy(0, 250));
  }
  await row.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  return row;
}

/** Every listing key in the list, top to bottom, gathered by scrolling through it. */
async function everyRow(popup: Page): Promise<string[]> {
  const list = popup.locator('.virtual');
  await list.evaluate((el) => el.scrollTo(0, 0));
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await popup.waitForTimeout(50);
    for (const key of await popup
      .locator('.problem')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-listing'))))
      if (key && !seen.includes(key)) seen.push(key);
    const atEnd = await list.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
    if (atEnd) break;
    await list.evaluate((el) => el.scrollBy(0, 250));
  }
  return seen;
}
const titles = async (popup: Page) =>
  popup.locator('.problem .problem-listing strong').evaluateAll((els) => els.map((e) => e.textContent));

const shots: string[] = [];
async function shoot(popup: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.virtual')?.scrollTo(0, 0);
  });
  await popup.waitForTimeout(150);
  const path = join(SHOTS, `${name}.png`);
  await popup.screenshot({ path });
  return path;
}

describe('the popup, as a seller uses it', () => {
  let popup: Page;
  beforeAll(async () => {
    h = await launch();
    h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
    await seedStore(await h.worker(), []);
    popup = await h.openPopup();
  });

  it('offers to link what was read before anything is linked', async () => {
    await popup.locator('select[name="listing"]').waitFor();
    expect(await popup.locator('.summary').textContent()).toBe('Nothing linked yet.');
    expect(await popup.locator('select[name="supplier"] option').count()).toBeGreaterThan(5);
    await popup.locator('select[name="listing"]').selectOption('shopify:demo-store:101:9');
    await popup.locator('select[name="supplier"]').selectOption(`${AE}:blue-m`);
    shots.push(await shoot(popup, 'popup-link'));
    await popup.locator('select[name="listing"]').selectOption('');
    await seedStore(await h.worker(), LINKS, []);
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('groups the problems by severity with counts and says what was seen, where, when and why', async () => {
    // The popup's refresh assesses the seeded links with the real reconcile, and the badge follows.
    await expect
      .poll(() => groupCounts(popup), { timeout: 20_000 })
      .toEqual(['Can oversell now 3', 'Warnings 4', 'Suggestions 1']);
    // Only rows in view are in the page; scrolling through finds all eight, grouped.
    expect(await everyRow(popup)).toEqual([
      'shopify:demo-store:101:9',
      'shopify:demo-store:101:2',
      'etsy-listing:1234567891:default',
      'shopify:demo-store:104:1',
      'shopify:demo-store:103:1',
      'shopify:demo-store:102:1',
      'etsy-listing:1234567890:lavender',
      'shopify:demo-store:105:1',
    ]);
    await expect.poll(() => popup.locator('.summary').textContent()).toBe('Need attention: 8');
    expect(await popup.getByText('Seen but not linked yet: 1 listing variants.').count()).toBe(1);
    await waitFor(async () => (await h.badge()).text === '3', 'a badge of 3');

    const risk = await reveal(popup, 'shopify:demo-store:101:9');
    expect(await risk.getAttribute('data-status')).toBe('oversell-risk');
    const text = await risk.textContent();
    expect(text).toContain('Still selling, supplier is out of stock');
    expect(text).toContain('Waterproof Hiking Backpack 40L · Blue / M');
    expect(text).toMatch(
      /Supplier Hiking Backpack 40L Waterproof · Blue \/ M: Out of stock · seen 12 min ago on aliexpress\.com/,
    );
    await risk.getByText('Why?').click();
    expect(await risk.locator('.evidence code').allTextContents()).toEqual([
      'text:Sold out',
      'embedded-json:skuModule.skuPriceList[0].skuVal.availQuantity',
    ]);
    // Unknown is never zero: the unreadable supplier says why, in the page's own words.
    expect(await (await reveal(popup, 'etsy-listing:1234567890:lavender')).textContent()).toContain(
      'showing a captcha',
    );
    expect(await (await reveal(popup, 'shopify:demo-store:102:1')).textContent()).toContain(
      'Your listing shows 12; the supplier covers 5.',
    );
    // Pause waits for a connected channel, and says so.
    expect(await (await reveal(popup, 'shopify:demo-store:101:9')).getByRole('button', { name: 'Pause' }).count()).toBe(
      1,
    );
  });

  it('speaks Chinese when the seller picks it, in light and dark', async () => {
    shots.push(await shoot(popup, 'popup-en-light'));
    await popup.emulateMedia({ colorScheme: 'dark' });
    shots.push(await shoot(popup, 'popup-en-dark'));
    await (await h.worker()).evaluate(() => chrome.storage.local.set({ settings: { language: 'zh_CN' } }));
    await popup.reload();
    await popup.locator('.problem').first().waitFor();
    expect(await popup.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(async () => (await groupCounts(popup))[0]).toBe('当前可能超卖 3');
    expect(await popup.getByRole('button', { name: '确认' }).count()).toBeGreaterThan(0);
    shots.push(await shoot(popup, 'popup-zh-dark'));
    await popup.emulateMedia({ colorScheme: 'light' });
    shots.push(await shoot(popup, 'popup-zh-light'));
    console.log(`popup screenshots in ${SHOTS}:\n  ${shots.join('\n  ')}`);
    await (await h.worker()).evaluate(() => chrome.storage.local.set({ settings: { language: 'en' } }));
    await popup.reload();
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 4', 'Suggestions 1']);
  });

  it('shows the stock history on demand, as a line and in words', async () => {
    const risk = await reveal(popup, 'shopify:demo-store:101:9');
    await risk.getByText('Stock history').click();
    const figure = risk.locator('.sparkline');
    await expect.poll(() => figure.locator('svg').getAttribute('data-points')).toBe('7');
    // The unreadable day breaks the line (unknown is never drawn as 0).
    expect(await figure.locator('path.line').count()).toBe(2);
    expect(await figure.locator('figcaption').textContent()).toBe(
      '7 readings; the first 10 days ago: 37 in stock; now: Out of stock. Lowest: 0.',
    );
    await risk.getByText('Stock history').click();
  });

  it('filters by channel, supplier site and problem, and searches titles', async () => {
    await popup.getByLabel('Channel').selectOption('etsy-listing');
    await expect
      .poll(() => titles(popup))
      .toEqual(['Macrame Wall Hanging · Default', 'Hand-poured Soy Candle · Lavender']);
    await popup.getByLabel('Channel').selectOption('');
    await expect.poll(() => popup.getByLabel('Supplier site').locator('option').allTextContents()).toContain('Temu');
    await popup.getByLabel('Supplier site').selectOption('temu');
    // Changed at the same moment: newest key first.
    await expect
      .poll(() => titles(popup))
      .toEqual(['Bamboo Desk Organizer · Natural', 'Ceramic Pour-Over Set · Default']);
    await popup.getByRole('combobox', { name: /^Problem/ }).selectOption('stale');
    await expect.poll(() => titles(popup)).toEqual(['Bamboo Desk Organizer · Natural']);
    await popup.getByLabel('Supplier site').selectOption('');
    await popup.getByRole('combobox', { name: /^Problem/ }).selectOption('');
    await popup.getByLabel('Search problems').fill('backpack');
    await expect
      .poll(() => titles(popup))
      .toEqual(['Waterproof Hiking Backpack 40L · Blue / M', 'Waterproof Hiking Backpack 40L · Black / L']);
    await popup.getByLabel('Search problems').fill('no such thing');
    await expect.poll(() => popup.getByText('No problem matches these filters.').count()).toBe(1);
    await popup.getByLabel('Search problems').fill('');
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 4', 'Suggestions 1']);
  });

  it('snoozes a problem for an hour from the keyboard: it leaves the list and the badge, and comes back on Undo', async () => {
    const row = await reveal(popup, 'shopify:demo-store:101:9');
    await row.locator('.snooze summary').focus();
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('1 hour');
    await popup.keyboard.press('Enter');
    await expect.poll(() => row.count()).toBe(0);
    const notice = popup.locator('.set-aside-notice');
    expect(await notice.textContent()).toContain('Snoozed for 1 hour: Waterproof Hiking Backpack 40L · Blue / M.');
    await waitFor(async () => (await h.badge()).text === '2', 'the badge without the snoozed problem');
    expect((await groupCounts(popup))[0]).toBe('Can oversell now 2');
    const [snooze] = await readStore<{ until: number; kind: string; status: string }>(await h.worker(), 'snoozes');
    expect(snooze).toMatchObject({ kind: 'snooze', status: 'oversell-risk' });
    expect(snooze.until - Date.now()).toBeGreaterThan(55 * MIN);

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 4', 'Suggestions 1']);
    expect(await (await reveal(popup, 'shopify:demo-store:101:9')).count()).toBe(1);
    await waitFor(async () => (await h.badge()).text === '3', 'the badge with it again');
  });

  it('counts a snoozed problem on the badge again the moment its snooze ends, with nothing else happening', async () => {
    const listingKey = 'shopify:demo-store:101:9';
    const until = Date.now() + 4000;
    expect(
      await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'problem:snooze', listingKey, until }),
    ).toEqual({ ok: true });
    await waitFor(async () => (await h.badge()).text === '2', 'the badge without the snoozed problem');
    // No reading, no refresh, no reassess: only the snooze-end alarm can repaint the badge.
    await waitFor(async () => (await h.badge()).text === '3', 'the badge with it again', 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(until);
  });

  it('acknowledges a problem until its status changes, and shows set-aside problems on request', async () => {
    const row = await reveal(popup, 'shopify:demo-store:102:1');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 3', 'Suggestions 1']);
    const toggle = popup.getByLabel('Show snoozed and acknowledged (1)');
    await toggle.check();
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 4', 'Suggestions 1']);
    await reveal(popup, 'shopify:demo-store:102:1');
    expect(await row.locator('.aside-note').textContent()).toBe('Acknowledged: hidden until it changes');
    await toggle.uncheck();
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 3', 'Warnings 3', 'Suggestions 1']);

    // The supplier runs out altogether: a new status, so the problem needs the seller again.
    await (await h.worker()).evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('oversell-guard');
          open.onsuccess = () => {
            const store = open.result.transaction('latest', 'readwrite').objectStore('latest');
            const key = 'aliexpress:1005004000000001:white-s';
            store.get(key).onsuccess = (e) => {
              const o = (e.target as IDBRequest).result;
              store.put({ ...o, stock: { kind: 'outOfStock' } }).onsuccess = () => resolve();
            };
          };
        }),
    );
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
    await expect.poll(() => groupCounts(popup)).toEqual(['Can oversell now 4', 'Warnings 3', 'Suggestions 1']);
    await reveal(popup, 'shopify:demo-store:102:1');
    expect(await row.getAttribute('data-status')).toBe('oversell-risk');
    expect(await row.locator('.aside-note').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the popup with 10,000 problems', () => {
  let big: Harness;
  afterAll(async () => {
    await big?.close();
  });

  it('paints a screen of rows, and the rest as the seller scrolls', async () => {
    big = await launch();
    await (await big.worker()).evaluate(
      (n) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('oversell-guard');
          open.onsuccess = () => {
            const tx = open.result.transaction(['assessments'], 'readwrite');
            const now = Date.now();
            for (let i = 0; i < n; i++) {
              const [status, severity] = [
                ['oversell-risk', 'critical'],
                ['stale', 'warning'],
                ['restock', 'info'],
              ][i % 3];
              tx.objectStore('assessments').put({
                listingKey: `shopify:bench:2:${String(i).padStart(5, '0')}`,
                status,
                severity,
                findings: [{ status, severity, facts: {}, evidence: ['bench'] }],
                assessedAt: now,
                changedAt: now - i * 1000,
              });
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      10_000,
    );
    const popup = await big.context.newPage();
    await popup.goto(`chrome-extension://${big.extensionId}/popup.html`);
    await popup.locator('.problem').first().waitFor();
    console.log(`first problem painted at ${Math.round(await popup.evaluate(() => performance.now()))} ms`);
    await expect
      .poll(() => groupCounts(popup), { timeout: 20_000 })
      .toEqual(['Can oversell now 3334', 'Warnings 3333', 'Suggestions 3333']);
    // Newest change first, and only what is on screen (plus a margin) is in the page.
    expect(await popup.locator('.problem').first().getAttribute('data-listing')).toBe('shopify:bench:2:00000');
    expect(await popup.locator('.problem').count()).toBeLessThan(20);
    await popup.locator('.virtual').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect
      .poll(() => popup.locator('.problem').last().getAttribute('data-listing'), { timeout: 10_000 })
      .toBe('shopify:bench:2:09998');
    expect(await popup.locator('.problem').count()).toBeLessThan(20);
    // The count bar jumps to a group: its header at the top of the list, its newest row under it.
    await popup.getByRole('button', { name: /^Warnings/ }).click();
    const header = popup.locator('.virtual-item:has(.group-warning)');
    const offset = () =>
      header.evaluate((el) => el.getBoundingClientRect().top - el.closest('.virtual')!.getBoundingClientRect().top);
    await expect.poll(async () => Math.abs(await offset())).toBeLessThan(1);
    expect(await header.evaluate((el) => el.nextElementSibling?.getAttribute('data-key'))).toBe(
      'shopify:bench:2:00001',
    );
  });
});
