// The options page as a seller uses it, in real Chromium: the welcome page on install, a backup from a newer
// version refused, a backup restored, a link edited and one deleted, the badge following the alert statuses,
// Chinese chosen (the popup follows), 500 links imported from CSV with 5 bad rows; screenshots of the options in
// both languages and both themes.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backup, parseBackup } from '../../lib/backup';
import { linksToCsv, parseLinkCsv } from '../../lib/link-csv';
import { DEFAULT_SETTINGS, type Observation, type Stock } from '../../lib/model';
import { type Harness, launch, readStore, waitFor } from './harness';

/** The worker's own extension API, inside `worker.evaluate`. */
declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

const SHOTS = resolve(import.meta.dirname, '../../screenshots/options');
const STORE = 'shopify:acme-goods:8123456789';
const SUPPLIER = 'aliexpress:1005006512345678';
/** A scraped title that is also HTML: it must show as text, never become an element. */
const HOSTILE_TITLE = 'Trail Backpack <img src=x onerror="document.title=\'pwned\'">';

let h: Harness;
let options: Page;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launch();
  h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
});
afterAll(async () => {
  await h?.close();
  console.log(`options screenshots: ${SHOTS}`);
});

const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
/** The whole page, and its rules and links sections alone (for the README). */
async function shotsOf(page: Page, suffix: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky nav stays at the top of a full-page shot
  await shot(page, `options-${suffix}`);
  for (const id of ['rules', 'alerts', 'links'])
    await page.locator(`#${id}`).screenshot({ path: resolve(SHOTS, `options-${id}-${suffix}.png`) });
}
const links = async () =>
  readStore<{ listingKey: string; suppliers: { unitsPerSale: number }[]; bufferUnits?: number }>(
    await h.worker(),
    'links',
  );

function observation(key: string, role: 'listing' | 'supplier', title: string, label: string, stock: Stock) {
  const at = Date.now() - 60_000;
  const productKey = key
    .split(':')
    .slice(0, role === 'listing' ? 3 : 2)
    .join(':');
  const row: Observation & { historyCount: number } = {
    key,
    productKey,
    adapterId: role === 'listing' ? 'shopify-admin' : 'aliexpress',
    role,
    url:
      role === 'listing'
        ? 'https://admin.shopify.com/store/acme-goods/products/8123456789'
        : 'https://www.aliexpress.com/item/1005006512345678.html',
    productTitle: title,
    label,
    options: { Color: label },
    stock,
    ...(role === 'listing' ? { status: 'active' as const } : {}),
    evidence: ['embedded-json:test'],
    observedAt: at,
    via: 'page',
    presence: 'present',
    historyCount: 1,
  };
  return row;
}

/** A seller's backup: three links, one of them selling while its supplier is out of stock. */
function sellersBackup(): Backup {
  const colours = ['Blue', 'Red', 'Green'];
  const now = Date.now();
  const latest = colours.flatMap((c, i) => [
    observation(`${STORE}:4100${i}`, 'listing', i === 2 ? HOSTILE_TITLE : 'Trail Backpack', c, {
      kind: 'exact',
      qty: 5,
    }),
    observation(
      `${SUPPLIER}:14:${i}`,
      'supplier',
      'Waterproof Hiking Backpack 40L',
      c,
      i === 0 ? { kind: 'outOfStock' } : { kind: 'exact', qty: 80 },
    ),
  ]);
  return {
    format: 'oversell-guard-backup',
    version: 1,
    exportedAt: now - 3_600_000,
    settings: DEFAULT_SETTINGS,
    links: colours.map((_, i) => ({
      listingKey: `${STORE}:4100${i}`,
      suppliers: [{ offerKey: `${SUPPLIER}:14:${i}`, priority: 0, unitsPerSale: 1 }],
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000 + i * 60_000,
    })),
    latest,
    history: latest.map((r) => ({ key: r.key, at: r.observedAt, stock: r.stock, via: 'page' as const })),
    snoozes: [],
    actions: [],
  };
}

const file = (name: string, text: string, mimeType: string) => ({ name, mimeType, buffer: Buffer.from(text) });

describe('a seller sets up Oversell Guard in its options', () => {
  it('opens the welcome page on install: what it reads, what it never does, three steps', async () => {
    const welcome = await waitFor(
      async () => h.context.pages().find((p) => p.url().endsWith('/welcome.html')),
      'the welcome tab opened on install',
    );
    await welcome.getByRole('heading', { name: 'Welcome to Oversell Guard' }).waitFor();
    const text = await welcome.locator('main').textContent();
    expect(text).toContain('AliExpress');
    expect(text).toContain('Shopify admin');
    expect(text).toContain('there is no Oversell Guard server');
    expect(await welcome.locator('.steps li').count()).toBe(3);
    await shot(welcome, 'welcome-en-light');
    options = await h.context.newPage();
    await welcome.getByRole('link', { name: 'Open the options' }).click();
    await welcome.waitForURL(/options\.html$/);
    await welcome.close();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Oversell Guard options' }).waitFor();
  });

  it('refuses a backup from a newer version in words, and changes nothing', async () => {
    const future = { ...sellersBackup(), version: 2 };
    await options
      .locator('input[name="backupFile"]')
      .setInputFiles(file('future.json', JSON.stringify(future), 'application/json'));
    const status = options.locator('#backup [role="status"]');
    await expect.poll(() => status.textContent()).toContain('made by a newer Oversell Guard (backup format 2');
    expect(await status.textContent()).toContain('Nothing was changed');
    expect(await links()).toEqual([]);
  });

  it('restores a backup after showing what it holds', async () => {
    await options
      .locator('input[name="backupFile"]')
      .setInputFiles(file('shop.json', JSON.stringify(sellersBackup()), 'application/json'));
    const plan = options.getByRole('region', { name: 'Restore shop.json?' });
    await expect.poll(() => plan.textContent()).toContain('3 links, 6 variants read, 6 history readings');
    expect(await links()).toEqual([]); // nothing replaced before the seller confirms
    await plan.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => options.locator('#backup [role="status"]').textContent()).toContain('Restored: 3 links.');
    expect((await links()).map((l) => l.listingKey).sort()).toEqual([0, 1, 2].map((i) => `${STORE}:4100${i}`));
    await waitFor(async () => (await h.badge()).text === '1', 'a red badge for the oversell risk');
    // The table lists them; the hostile title is text, not an element.
    await expect.poll(() => options.locator('table.links tbody tr').count()).toBe(3);
    const firstCell = options.locator(`tr[data-listing-key="${STORE}:41002"] td`).first();
    expect(await firstCell.locator('div').first().textContent()).toBe(`${HOSTILE_TITLE} · Green`);
    expect(await options.locator('table.links img').count()).toBe(0);
    expect(await options.title()).not.toBe('pwned');
  });

  it('edits a link: units per sale and its own buffer', async () => {
    const row = options.locator(`tr[data-listing-key="${STORE}:41001"]`);
    await row.getByRole('button', { name: /^Edit/ }).click();
    const dialog = options.getByRole('dialog', { name: 'Edit link' });
    await dialog.getByLabel('Supplier units per sale (bundles)').fill('0');
    await dialog.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Enter a whole number from 1 to 1,000.');
    await dialog.getByLabel('Supplier units per sale (bundles)').fill('2');
    await dialog.getByLabel('Safety buffer for this link (units)').fill('4');
    await dialog.screenshot({ path: resolve(SHOTS, 'options-editor-en-light.png') });
    await dialog.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const edited = (await links()).find((l) => l.listingKey === `${STORE}:41001`);
    expect(edited).toMatchObject({ suppliers: [{ unitsPerSale: 2 }], bufferUnits: 4 });
    await expect.poll(() => row.textContent()).toContain('2 units per sale');
  });

  it('deletes a link after asking (the one with the hostile title)', async () => {
    const row = options.locator(`tr[data-listing-key="${STORE}:41002"]`);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByRole('button', { name: /^Delete/ }).click(); // the confirmation
    await expect.poll(async () => (await links()).length).toBe(2);
    await expect.poll(() => options.locator('table.links tbody tr').count()).toBe(2);
  });

  it('keeps a bad rule unsaved with the reason beside the field, then saves a good one', async () => {
    const rules = options.locator('#rules');
    await rules.getByLabel('Safety buffer (supplier units)').fill('-3');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => rules.textContent()).toContain('Nothing was saved');
    expect(await rules.getByLabel('Safety buffer (supplier units)').getAttribute('aria-invalid')).toBe('true');
    await rules.getByLabel('Safety buffer (supplier units)').fill('2');
    await rules.getByRole('button', { name: 'Add a rate' }).click();
    await rules.getByLabel('Rate 1: from currency').fill('cny');
    await rules.getByLabel('Rate 1: what one unit is worth').fill('0.14');
    await rules.getByLabel('Rate 1: to currency').fill('USD');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => rules.locator('[role="status"]').textContent()).toContain('Saved.');
    const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ bufferUnits: 2, fxRates: { 'CNY->USD': 0.14 } });
  });

  it('counts on the badge only the statuses the seller ticks', async () => {
    const alerts = options.locator('#alerts');
    const risk = alerts.getByLabel('Still selling, supplier is out of stock');
    await risk.uncheck();
    await alerts.getByRole('button', { name: 'Save alerts' }).click();
    await waitFor(async () => (await h.badge()).text === '', 'the badge to clear');
    await risk.check();
    await alerts.getByRole('button', { name: 'Save alerts' }).click();
    await waitFor(async () => (await h.badge()).text === '1', 'the badge to count the risk again');
  });

  it('is reachable by keyboard, and every control has a name', async () => {
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.locator('body').click({ position: { x: 5, y: 5 } });
    const reached = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await options.keyboard.press('Tab');
      reached.add(
        await options.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return `${el?.tagName}:${el?.getAttribute('name') ?? el?.textContent?.trim().slice(0, 30)}`;
        }),
      );
    }
    for (const want of [
      'SELECT:language',
      'INPUT:bufferUnits',
      'BUTTON:Save rules',
      'INPUT:linkSearch',
      'INPUT:backupFile',
    ])
      expect([...reached], want).toContain(want);
    expect([...reached].some((r) => r.startsWith('BUTTON:Edit'))).toBe(true);
    const unnamed = await options.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const labelled =
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby');
          return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });

  it('switches to Chinese without changing the browser language, the popup follows, and back (screenshots of both)', async () => {
    await options.getByLabel('Language').selectOption('zh_CN');
    await options.getByRole('heading', { name: 'Oversell Guard 设置' }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await options.locator('#links h2').textContent()).toContain('关联');
    expect(await options.locator('body').textContent()).not.toMatch(/⟦/);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await shotsOf(options, `zh_CN-${scheme}`);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    const popup = await h.openPopup();
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => popup.locator('main').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await popup.close();
    await options.getByLabel('语言').selectOption('en');
    await options.getByRole('heading', { name: 'Oversell Guard options' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await shotsOf(options, `en-${scheme}`);
    }
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('imports 500 links from CSV with 5 bad rows: exactly those 5 are shown by line, the other 495 are saved', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      listingKey: `${STORE}:9${String(i).padStart(4, '0')}`,
      suppliers: [{ offerKey: `${SUPPLIER}:14:${1000 + i}`, priority: 0, unitsPerSale: 1 + (i % 3) }],
    }));
    const lines = linksToCsv(rows).split('\r\n');
    const bad = [12, 99, 250, 377, 499]; // rows (0-based) to spoil; file line = row + 2
    lines[bad[0] + 1] = lines[bad[0] + 1].replace(/,(\d+),(\d+),$/, ',x,$2,');
    lines[bad[1] + 1] = lines[bad[1] + 1].replace(/,(\d+),$/, ',0,');
    lines[bad[2] + 1] = lines[bad[2] + 1].replace(/^[^,]+/, 'Trail Backpack');
    lines[bad[3] + 1] = lines[bad[3] + 1].replace(/,,?$/, ',-1');
    lines[bad[4] + 1] = lines[bad[4] + 1].replace(/^([^,]+),[^,]+/, '$1,$1');
    const started = Date.now();
    await options
      .locator('input[name="linksCsv"]')
      .setInputFiles(file('links.csv', `\uFEFF${lines.join('\r\n')}`, 'text/csv'));
    const plan = options.getByRole('region', { name: 'Import from links.csv' });
    await expect.poll(() => plan.textContent()).toContain('500 rows read: 495 links ready to import');
    const reported = await plan.locator('.csv-errors li strong').allTextContents();
    expect(reported).toEqual(bad.map((r) => `Line ${r + 2}:`));
    await plan.screenshot({ path: resolve(SHOTS, 'options-csv-import-en-light.png') });
    await plan.getByRole('button', { name: 'Import 495 links' }).click();
    await expect
      .poll(() => options.locator('.csv-tools [role="status"]').textContent(), { timeout: 30_000 })
      .toContain('495 links imported.');
    console.log(`CSV import of 500 rows (parse, plan, save, assess): ${Date.now() - started} ms`);
    expect(await links()).toHaveLength(497);
    await expect.poll(() => options.locator('#links .count').first().textContent()).toBe('497');
    await options.getByLabel('Search').fill('90377');
    await expect.poll(() => options.locator('table.links tbody tr').count()).toBe(0);
    await options.getByLabel('Search').fill('90376');
    await expect.poll(() => options.locator('table.links tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('exports what it holds: the links as CSV and the whole database as a backup that reads back', async () => {
    const download = async (button: string) => {
      const started = options.waitForEvent('download');
      await options.getByRole('button', { name: button }).click();
      const file = await started;
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const csv = await download('Export links (CSV)');
    expect(csv.name).toMatch(/^oversell-guard-links-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = parseLinkCsv(csv.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.links).toHaveLength(497);
    const backup = await download('Download a backup');
    const check = parseBackup(backup.text);
    expect(check.ok && check.backup.links.length).toBe(497);
    expect(check.ok && check.backup.history?.length).toBeGreaterThan(0);
    expect(backup.text).not.toMatch(/token|password|secret/i);
  });

  it('exports the readings history as CSV, then clears it after asking, keeping links and newest readings', async () => {
    const data = options.locator('#data');
    const started = options.waitForEvent('download');
    await data.getByRole('button', { name: 'Export readings (CSV)' }).click();
    const readings = readFileSync((await (await started).path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(readings[0]).toBe(
      'observed_at,key,role,product,variant,stock,quantity,unknown_reason,price,currency,listing_status,via',
    );
    expect(readings.slice(1).some((r) => r.includes(',outOfStock,,'))).toBe(true);
    const historyBefore = (await readStore(await h.worker(), 'history')).length;
    expect(readings).toHaveLength(historyBefore + 1);
    await data.getByRole('button', { name: 'Clear history…' }).click();
    await expect.poll(() => data.textContent()).toContain(`Delete ${historyBefore} history readings?`);
    await data.getByRole('button', { name: 'Clear history', exact: true }).click();
    await expect
      .poll(() => data.locator('[role="status"]').textContent())
      .toContain(`${historyBefore} history readings deleted.`);
    expect(await readStore(await h.worker(), 'history')).toEqual([]);
    expect((await readStore(await h.worker(), 'latest')).length).toBeGreaterThan(0);
    expect(await links()).toHaveLength(497);
  });
});
