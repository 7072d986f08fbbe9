// One-click Pause and Resume through the stores' APIs, end to end in Chromium: the seller's listings are read from
// their admin pages, the stores are connected in Options (the real permission request, pre-granted in the e2e
// build), the supplier sells out, and the popup's Pause and Resume reach local fake stores that implement the
// Shopify Admin GraphQL and WooCommerce REST contracts (the e2e build points the channels at them).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_CHANNEL_URLS_KEY } from '../../lib/actions/test-base-url';
import type { ActionRow } from '../../lib/db';
import type { Variant } from '../../lib/model';
import type { RecordedRequest } from '../fakes/fake-server';
import {
  ACCESS_TOKEN,
  SHOP_FLOOR,
  type ShopifyFake,
  startShopifyFake,
  VARIANT_TRACKED,
  WAREHOUSE,
} from '../fakes/shopify';
import { CONSUMER_KEY, CONSUMER_SECRET, startWooFake, type WooFake } from '../fakes/woocommerce';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, sendFromTab, waitFor } from './harness';

const fixtures = loadFixtures();
const fixture = (id: string, name: string): FixtureCase => {
  const found = fixtures.find((f) => f.adapterId === id && f.name === name);
  if (!found) throw new Error(`no fixture ${id}/${name}`);
  return found;
};
const variantsOf = (f: FixtureCase): Variant[] => (f.expected.ok ? f.expected.products.flatMap((p) => p.variants) : []);

const supplierInStock = fixture('aliexpress', 'old-layout-in-stock');
const supplierSoldOut = fixture('aliexpress', 'old-layout-one-sold-out');
const shopifyPage = fixture('shopify-admin', 'product-variants-active');
const wooPage = fixture('woocommerce-admin', 'edit-simple-en');
const soldOut = variantsOf(supplierSoldOut).find((v) => v.stock.kind === 'outOfStock')!;
const shopifyListing = variantsOf(shopifyPage).find((v) => v.stock.kind === 'exact' && v.status === 'active')!;
const wooListing = variantsOf(wooPage)[0];
// shopify:<store>:<product>:<variant>, woocommerce:<host>:<product>:default
const [, SHOP, SHOPIFY_PRODUCT, SHOPIFY_VARIANT] = shopifyListing.key.split(':');
const [, WOO_HOST, WOO_PRODUCT] = wooListing.key.split(':');

let h: Harness;
let shopify: ShopifyFake;
let woo: WooFake;
/** When each fake request arrived, to measure the wait after a 429. */
const arrivedAt = new Map<RecordedRequest, number>();
const errors: string[] = [];
/** What the seller saw at each step (screenshots/ is not committed). */
const SHOTS = resolve(import.meta.dirname, '../../screenshots/pause');
const shot = (target: Page | Locator, name: string) => target.screenshot({ path: resolve(SHOTS, `${name}.png`) });

function stampArrivals(requests: RecordedRequest[]) {
  const push = requests.push.bind(requests);
  requests.push = (...items: RecordedRequest[]) => {
    for (const item of items) arrivedAt.set(item, Date.now());
    return push(...items);
  };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  shopify = await startShopifyFake();
  woo = await startWooFake();
  stampArrivals(shopify.requests);
  stampArrivals(woo.requests);
  // The fakes hold the fixture pages' listings: the Shopify variant stocked 7 + 3 like the fake's own, the Woo product 23.
  shopify.state.products.set(SHOPIFY_PRODUCT, { status: 'ACTIVE' });
  shopify.state.variants.set(SHOPIFY_VARIANT, {
    ...shopify.state.variants.get(VARIANT_TRACKED)!,
    productId: SHOPIFY_PRODUCT,
  });
  woo.state.products.set(Number(WOO_PRODUCT), {
    id: Number(WOO_PRODUCT),
    status: 'publish',
    manage_stock: true,
    stock_quantity: 23,
    stock_status: 'instock',
    backorders: 'no',
    name: 'Alpine Shell Jacket',
    type: 'simple',
  });
  h = await launch();
  h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
  // The fake web answers every http(s) request; the fake stores on loopback are reached for real.
  await h.context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (route) => route.continue());
  await (await h.worker()).evaluate(([key, urls]) => chrome.storage.local.set({ [key as string]: urls }), [
    E2E_CHANNEL_URLS_KEY,
    { shopify: shopify.url, woocommerce: woo.url },
  ] as const);
});

afterAll(async () => {
  await h?.close();
  await shopify?.close();
  await woo?.close();
});

declare const chrome: {
  storage: { local: { set(v: object): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> } };
  storage_sync?: never;
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

const mutations = () => shopify.requests.filter((r) => r.body.includes('SetAvailable'));
const wooPuts = () => woo.requests.filter((r) => r.method === 'PUT');
const actions = async () => readStore<ActionRow>(await h.worker(), 'actions');

async function popupRow(listingKey: string) {
  const popup = await h.openPopup();
  const row = popup.locator(`.problem[data-listing="${listingKey}"]`);
  await row.waitFor();
  return { popup, row };
}

async function pausedRow(listingKey: string) {
  const popup = await h.openPopup();
  const row = popup.locator(`[data-paused-listing="${listingKey}"]`);
  await row.waitFor();
  return { popup, row };
}

/**
 * Stops the service worker as Chrome's idle timeout does (CDP), like the harness's stopWorker but from the options
 * page and remembering every status seen: the popup the harness opens sends `refresh` after its first paint, which
 * can start the worker again before a poll sees it stopped.
 */
async function stopWorker() {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  const cdp = await h.context.newCDPSession(page);
  const seen = new Map<string, Set<string>>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions)
      if (v.scriptURL.includes(h.extensionId))
        seen.set(v.versionId, (seen.get(v.versionId) ?? new Set()).add(v.runningStatus));
  });
  await cdp.send('ServiceWorker.enable');
  const running = await waitFor(async () => [...seen].find(([, s]) => s.has('running'))?.[0], 'the running worker');
  await cdp.send('ServiceWorker.stopWorker', { versionId: running });
  await waitFor(async () => seen.get(running)?.has('stopped'), 'the worker to stop');
  await cdp.detach();
  await page.close();
}

describe('a seller pauses and resumes listings through their stores’ APIs', () => {
  it('reads the supplier and both listings from their pages', async () => {
    h.web.serve(supplierInStock.url, supplierInStock.html);
    h.web.serve(shopifyPage.url, shopifyPage.html);
    h.web.serve(wooPage.url, wooPage.html);
    const page = await h.context.newPage();
    await page.goto(supplierInStock.url);
    await page.goto(shopifyPage.url);
    const latest = async () => readStore<{ key: string }>(await h.worker(), 'latest');
    await waitFor(async () => (await latest()).some((o) => o.key === shopifyListing.key), 'the Shopify listing');
    // The WooCommerce admin adapter runs on sites the seller watches; here its reading is sent as it would send it.
    await page.goto(wooPage.url);
    const reading = { adapterId: 'woocommerce-admin', role: 'listing', url: wooPage.url, observedAt: Date.now() };
    const { reply } = await sendFromTab(await h.worker(), wooPage.url, {
      type: 'reading',
      reading: { ...reading, via: 'page', page: wooPage.expected },
    });
    expect(reply).toMatchObject({ ok: true, variants: 1 });
    await page.close();
  });

  it('connects both stores in Options: tested with a read, credentials in local storage only', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html#connections`);
    const shopifyForm = options.locator('form[data-channel="shopify"]');
    await shopifyForm.getByLabel('Shopify store').fill(`https://admin.shopify.com/store/${SHOP}`);
    await shopifyForm.getByLabel('Admin API access token', { exact: true }).fill(ACCESS_TOKEN);
    await shopifyForm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => shopifyForm.getByRole('status').textContent()).toContain('answers as “Acme Goods”');
    expect(await shopifyForm.locator('.connection-state').textContent()).toContain(`${SHOP}.myshopify.com`);
    // The secret is not kept in the page once saved.
    expect(await shopifyForm.getByLabel('Admin API access token', { exact: true }).inputValue()).toBe('');

    const wooForm = options.locator('form[data-channel="woocommerce"]');
    await wooForm.getByLabel('Store address').fill(`https://${WOO_HOST}`);
    await wooForm.getByLabel('Consumer key').fill(CONSUMER_KEY);
    await wooForm.getByLabel('Consumer secret').fill(CONSUMER_SECRET);
    await wooForm.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => wooForm.getByRole('status').textContent()).toContain(`answers as “${WOO_HOST}”`);
    await wooForm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => wooForm.locator('.connection-state').textContent()).toContain(`Connected to ${WOO_HOST}`);

    const stored = await options.evaluate(async () => ({
      local: await chrome.storage.local.get('connections'),
      // biome-ignore lint/suspicious/noExplicitAny: the sync area is not in the small chrome type above
      sync: await (chrome.storage as any).sync.get(null),
    }));
    expect(Object.keys(stored.local.connections as object).sort()).toEqual(['shopify', 'woocommerce']);
    expect(stored.sync).toEqual({});
    await shot(options.locator('#connections'), 'options-connections');
    await options.close();
  });

  it('links both listings to the supplier variant that sells out, and the popup flags them', async () => {
    const popup = await h.openPopup();
    const reply = await popup.evaluate(
      (links) => chrome.runtime.sendMessage({ type: 'links:save', links }),
      [shopifyListing.key, wooListing.key].map((listingKey) => ({
        listingKey,
        suppliers: [{ offerKey: soldOut.key, priority: 0, unitsPerSale: 1 }],
      })),
    );
    expect(reply).toEqual({ ok: true, saved: 2 });
    await popup.close();
    h.web.serve(supplierSoldOut.url, supplierSoldOut.html);
    const page = await h.context.newPage();
    await page.goto(supplierSoldOut.url);
    await waitFor(async () => (await h.badge()).text === '2', 'a badge of 2');
    await page.close();
    const { popup: again, row } = await popupRow(shopifyListing.key);
    expect(await row.getAttribute('data-status')).toBe('oversell-risk');
    expect(await row.getByRole('button', { name: 'Pause', exact: true }).isEnabled()).toBe(true);
    await shot(again, 'popup-critical');
    await again.close();
  });

  it('Shopify: Pause waits out a 429, sets 0 at both locations, and the row shows Paused', async () => {
    shopify.fail('rate-limit', { retryAfterSeconds: 1, match: 'SetAvailable' });
    const { popup, row } = await popupRow(shopifyListing.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitFor(async () => shopify.available(SHOPIFY_VARIANT).Warehouse === 0, 'the pause to reach the store');

    const [limited, retried] = mutations();
    expect(limited.fault).toBe('rate-limit');
    expect(retried.fault).toBeUndefined();
    expect(mutations()).toHaveLength(2);
    expect(arrivedAt.get(retried)! - arrivedAt.get(limited)!).toBeGreaterThanOrEqual(1000);
    const input = (retried.json as { variables: { input: { quantities: object[] } } }).variables.input;
    expect(input.quantities).toEqual([
      expect.objectContaining({ locationId: WAREHOUSE, quantity: 0, changeFromQuantity: 7 }),
      expect.objectContaining({ locationId: SHOP_FLOOR, quantity: 0, changeFromQuantity: 3 }),
    ]);
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });

    // No longer a risk: the listing leaves the problems and is listed as paused, with Resume.
    await waitFor(async () => (await h.badge()).text === '1', 'the badge to drop to 1');
    const paused = popup.locator(`[data-paused-listing="${shopifyListing.key}"]`);
    await paused.waitFor();
    expect(await paused.textContent()).toContain('Paused');
    expect(await paused.getByRole('button', { name: 'Resume' }).isEnabled()).toBe(true);
    await shot(popup, 'popup-paused');
    const [action] = await actions();
    expect(action).toMatchObject({ kind: 'pause', by: 'seller', result: 'done', strategy: 'quantity-zero' });
    await popup.close();
  });

  it('Shopify: Resume restores 7 and 3 exactly', async () => {
    const { popup, row } = await pausedRow(shopifyListing.key);
    await row.getByRole('button', { name: 'Resume' }).click();
    await waitFor(async () => shopify.available(SHOPIFY_VARIANT).Warehouse === 7, 'the resume to reach the store');
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    const last = mutations()[mutations().length - 1];
    const restore = (last.json as { variables: { input: { quantities: object[] } } }).variables.input;
    expect(restore.quantities).toEqual([
      expect.objectContaining({ locationId: WAREHOUSE, quantity: 7, changeFromQuantity: 0 }),
      expect.objectContaining({ locationId: SHOP_FLOOR, quantity: 3, changeFromQuantity: 0 }),
    ]);
    // Selling again while the supplier is out: back among the problems.
    await waitFor(async () => (await h.badge()).text === '2', 'the badge back at 2');
    await expect.poll(() => row.count()).toBe(0);
    await popup.close();
  });

  it('Shopify: a 401 says “Reconnect Shopify” on the row and changes nothing', async () => {
    shopify.fail('unauthorized');
    const writes = mutations().length;
    const { popup, row } = await popupRow(shopifyListing.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toContain('Reconnect Shopify in Options');
    expect(mutations()).toHaveLength(writes);
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    expect((await actions()).at(-1)).toMatchObject({ result: 'failed', failure: { code: 'auth' } });
    await row.getByText('Actions (3)').click();
    await shot(row, 'popup-row-401');
    await popup.close();
  });

  it('WooCommerce: Pause waits out a 429, Resume restores 23, a 401 says “Reconnect WooCommerce”', async () => {
    const product = () => woo.state.products.get(Number(WOO_PRODUCT))!;
    woo.fail('rate-limit', { retryAfterSeconds: 1, match: 'PUT' });
    const { popup, row } = await popupRow(wooListing.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitFor(async () => product().stock_quantity === 0, 'the pause to reach the store');
    const [limited, retried] = wooPuts();
    expect([limited.fault, retried.fault]).toEqual(['rate-limit', undefined]);
    expect(arrivedAt.get(retried)! - arrivedAt.get(limited)!).toBeGreaterThanOrEqual(1000);
    expect(retried.json).toEqual({ manage_stock: true, stock_quantity: 0, backorders: 'no' });
    const paused = popup.locator(`[data-paused-listing="${wooListing.key}"]`);
    await paused.waitFor();
    await paused.getByRole('button', { name: 'Resume' }).click();
    await waitFor(async () => product().stock_quantity === 23, 'the resume to reach the store');
    expect(product()).toMatchObject({ manage_stock: true, stock_quantity: 23, backorders: 'no', status: 'publish' });

    woo.fail('unauthorized');
    const puts = wooPuts().length;
    const live = popup.locator(`.problem[data-listing="${wooListing.key}"]`);
    await live.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => live.getByRole('alert').textContent()).toContain('Reconnect WooCommerce in Options');
    expect(wooPuts()).toHaveLength(puts);
    expect(product().stock_quantity).toBe(23);
    await popup.close();
  });

  it('a worker stopped during a pause leaves a pending row that its next start resolves', async () => {
    shopify.fail('hang', { match: 'SetAvailable' });
    const writes = mutations().length;
    const { popup, row } = await popupRow(shopifyListing.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitFor(async () => mutations().length > writes, 'the write to reach the store');
    expect((await actions()).at(-1)).toMatchObject({ result: 'pending', before: { levels: expect.any(Array) } });
    await popup.close();
    await stopWorker();
    // The hung write never landed: the restarted worker reads the listing, sees 7 and 3, and says so.
    const { popup: after, row: again } = await popupRow(shopifyListing.key);
    await expect.poll(() => again.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Interrupted');
    expect((await actions()).at(-1)).toMatchObject({ result: 'failed', failure: { code: 'interrupted' } });
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    await after.close();
  });

  it('“Pause all critical” pauses every critical listing, one store request at a time', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Pause all critical (2)' }).click();
    await expect.poll(() => popup.locator('.pause-all [role="status"]').textContent()).toContain('Paused 2');
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });
    expect(woo.state.products.get(Number(WOO_PRODUCT))?.stock_quantity).toBe(0);
    await waitFor(async () => (await h.badge()).text === '', 'the badge to clear');
    await expect.poll(() => popup.locator('[data-paused-listing]').count()).toBe(2);
    await popup.close();
    expect(errors).toEqual([]);
  });
});
