// One-click Pause and Resume through the stores' APIs, end to end in Chromium: the seller's listings are read from
// their admin pages, the stores are connected in Options (the real permission request, pre-granted in the e2e
// build), the supplier sells out, and the popup's Pause and Resume reach local fake stores that implement the
// Shopify Admin GraphQL, WooCommerce REST and eBay Sell Inventory contracts (the e2e build points the channels at
// them). eBay listings are read from Seller Hub and addressed by the SKU the page showed; a background re-check
// that finds the supplier sold out pauses one by the seller's rule.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_CHANNEL_URLS_KEY } from '../../lib/actions/test-base-url';
import type { ActionRow } from '../../lib/db';
import type { Variant } from '../../lib/model';
import { EBAY_ACCESS_TOKEN, type EbayFake, startEbayFake } from '../fakes/ebay';
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
// eBay Seller Hub: a listing without variations (its key holds no SKU; the row shows WRAP-BW-5, 23 available), and
// one whose row shows no custom label (the API cannot address it).
const sellerHubUk = fixture('ebay-seller-hub', 'active-variations-uk');
const sellerHubUs = fixture('ebay-seller-hub', 'active-list-us');
const wrap = variantsOf(sellerHubUk).find((v) => v.sku === 'WRAP-BW-5')!;
const tray = variantsOf(sellerHubUs).find((v) => v.key === 'ebay-listing:286012349688:default' && !v.sku)!;
const [, WRAP_ITEM] = wrap.key.split(':');
const WRAP_SKU = wrap.sku!;
const WRAP_QTY = wrap.stock.kind === 'exact' ? wrap.stock.qty : -1;

let h: Harness;
let shopify: ShopifyFake;
let woo: WooFake;
let ebay: EbayFake;
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
  ebay = await startEbayFake();
  stampArrivals(shopify.requests);
  stampArrivals(woo.requests);
  // The fake eBay seller holds the Seller Hub page's wrap: the SKU at 23, published on eBay UK without a cap.
  ebay.state.items.set(WRAP_SKU, WRAP_QTY);
  ebay.state.offers.set('7007001', {
    sku: WRAP_SKU,
    marketplaceId: 'EBAY_GB',
    status: 'PUBLISHED',
    listingId: WRAP_ITEM,
    variation: false,
    ended: false,
  });
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
    { shopify: shopify.url, woocommerce: woo.url, ebay: ebay.url },
  ] as const);
});

afterAll(async () => {
  await h?.close();
  await shopify?.close();
  await woo?.close();
  await ebay?.close();
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
    // Two stores, one request at a time each, on a machine shared with other runs: more than poll's default second.
    await expect
      .poll(() => popup.locator('.pause-all [role="status"]').textContent(), { timeout: 15_000 })
      .toContain('Paused 2');
    expect(shopify.available(SHOPIFY_VARIANT)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });
    expect(woo.state.products.get(Number(WOO_PRODUCT))?.stock_quantity).toBe(0);
    await waitFor(async () => (await h.badge()).text === '', 'the badge to clear');
    await expect.poll(() => popup.locator('[data-paused-listing]').count()).toBe(2);
    await popup.close();
    expect(errors).toEqual([]);
  });
});

/** The notifications API, which the small chrome type above leaves out. */
type Notifications = { notifications: { getAll(): Promise<object>; clear(id: string): Promise<boolean> } };

describe('a seller pauses and resumes an eBay listing through the Sell Inventory API', () => {
  const bulkWrites = () => ebay.requests.filter((r) => r.path.endsWith('/bulk_update_price_quantity'));
  const bulkQuantities = () =>
    bulkWrites().map((r) => (r.json as { requests: { shipToLocationAvailability: { quantity: number } }[] }).requests);

  /** The supplier page as a visit in a tab reads it: in stock, or with the linked variant sold out. */
  async function visitSupplier(soldOutNow: boolean) {
    const page = soldOutNow ? supplierSoldOut : supplierInStock;
    h.web.serve(page.url, page.html);
    const tab = await h.context.newPage();
    await tab.goto(page.url);
    await waitFor(
      async () =>
        (await readStore<{ key: string; stock: { kind: string } }>(await h.worker(), 'latest')).find(
          (o) => o.key === soldOut.key && (o.stock.kind === 'outOfStock') === soldOutNow,
        ),
      `the supplier read ${soldOutNow ? 'sold out' : 'in stock'}`,
    );
    await tab.close();
  }

  it('reads both listings from Seller Hub: the wrap with its custom label, the tray without one', async () => {
    const tab = await h.context.newPage();
    for (const page of [sellerHubUk, sellerHubUs]) {
      h.web.serve(page.url, page.html);
      await tab.goto(page.url);
    }
    const latest = async () => readStore<{ key: string; sku?: string }>(await h.worker(), 'latest');
    const read = await waitFor(async () => {
      const rows = await latest();
      const found = [rows.find((o) => o.key === wrap.key), rows.find((o) => o.key === tray.key)];
      return found.every(Boolean) ? found : null;
    }, 'both Seller Hub listings');
    expect(read.map((o) => o?.sku)).toEqual([WRAP_SKU, undefined]);
    await tab.close();
  });

  it('connects eBay in Options with a user token and the out-of-stock option confirmed; every form is labelled', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html#connections`);
    // Every field of every connection form has a name a screen reader reads out (read in one go, once shown).
    await options.locator('form[data-channel="amazon"] .connection-state').waitFor();
    const unnamed = await options.evaluate(() =>
      [...document.querySelectorAll('form[data-channel] input, form[data-channel] select')]
        .filter((el) => !(el as HTMLInputElement).labels?.length)
        .map((el) => (el as HTMLInputElement).name),
    );
    expect(unnamed).toEqual([]);
    const form = options.locator('form[data-channel="ebay"]');
    await form.getByLabel('User access token', { exact: true }).fill(EBAY_ACCESS_TOKEN);
    const outOfStock = form.getByRole('checkbox', { name: /out-of-stock option/ });
    expect(await outOfStock.getAttribute('aria-describedby')).toBeTruthy();
    // By keyboard, as a seller without a mouse would: focus the box and press Space.
    await outOfStock.focus();
    await options.keyboard.press('Space');
    expect(await outOfStock.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 15_000 }).toContain('answers as “eBay”');
    const state = await form.locator('.connection-state').textContent();
    expect(state).toContain('Connected to eBay');
    expect(state).toContain('Out-of-stock option confirmed.');
    expect(await form.getByLabel('User access token', { exact: true }).inputValue()).toBe('');
    const stored = await options.evaluate(() => chrome.storage.local.get('connections'));
    expect(Object.keys(stored.connections as object).sort()).toEqual(['ebay', 'shopify', 'woocommerce']);
    await shot(form, 'options-ebay');
    await options.close();
  });

  it('links both to the supplier variant; when it sells out both are flagged', async () => {
    await visitSupplier(false);
    const popup = await h.openPopup();
    const reply = await popup.evaluate(
      (links) => chrome.runtime.sendMessage({ type: 'links:save', links }),
      [wrap.key, tray.key].map((listingKey) => ({
        listingKey,
        suppliers: [{ offerKey: soldOut.key, priority: 0, unitsPerSale: 1 }],
      })),
    );
    expect(reply).toEqual({ ok: true, saved: 2 });
    await popup.close();
    await visitSupplier(true);
    await waitFor(async () => (await h.badge()).text === '2', 'a badge of 2');
  });

  it('Pause sends quantity 0 for the SKU Seller Hub showed, in one bulk update; Resume restores 23 exactly', async () => {
    const { popup, row } = await popupRow(wrap.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitFor(async () => ebay.state.items.get(WRAP_SKU) === 0, 'the pause to reach eBay');
    expect(bulkWrites().map((r) => r.json)).toEqual([
      { requests: [{ sku: WRAP_SKU, shipToLocationAvailability: { quantity: 0 }, offers: [] }] },
    ]);
    // Out-of-stock control keeps it alive: hidden from search, not ended.
    expect(ebay.listingStatus('7007001')).toBe('OUT_OF_STOCK');
    await waitFor(async () => (await h.badge()).text === '1', 'the badge to drop to 1');
    const paused = popup.locator(`[data-paused-listing="${wrap.key}"]`);
    await paused.waitFor();
    expect(await paused.textContent()).toContain('Paused');
    await shot(popup, 'popup-ebay-paused');

    await paused.getByRole('button', { name: 'Resume' }).click();
    await waitFor(async () => ebay.state.items.get(WRAP_SKU) === WRAP_QTY, 'the resume to reach eBay');
    expect(bulkQuantities().map((r) => r[0].shipToLocationAvailability.quantity)).toEqual([0, WRAP_QTY]);
    expect(ebay.listingStatus('7007001')).toBe('ACTIVE');
    await waitFor(async () => (await h.badge()).text === '2', 'the badge back at 2');
    const done = (await actions()).filter((a) => a.listingKey === wrap.key);
    expect(done.map((a) => `${a.kind} ${a.result}`)).toEqual(['pause done', 'resume done']);
    await popup.close();
  });

  it('a listing Seller Hub showed without a custom label is refused in words, and eBay is asked nothing', async () => {
    const asked = ebay.requests.length;
    const { popup, row } = await popupRow(tray.key);
    await row.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect
      .poll(() => row.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain("has not seen this listing's custom label");
    expect(ebay.requests).toHaveLength(asked);
    expect((await actions()).at(-1)).toMatchObject({
      listingKey: tray.key,
      result: 'failed',
      failure: { code: 'refused', words: { key: 'channelErrorEbayNeedsSku' } },
    });
    await shot(row, 'popup-ebay-no-sku');
    await popup.close();
  });

  it('with the rule on, a background re-check that finds the supplier sold out pauses the listing', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html#connections`);
    const rule = options.getByRole('checkbox', {
      name: 'Pause automatically when one of my eBay listings turns “oversell risk”',
    });
    // Saved on change; the box shows the stored setting once it is saved.
    await rule.click();
    await expect.poll(() => rule.isChecked(), { timeout: 15_000 }).toBe(true);
    await options.close();
    // Re-checks at once: the host spacing of an e2e build (lib/recheck.ts E2E_SPACING_KEY), and "Check all now".
    await (await h.worker()).evaluate(() => chrome.storage.local.set({ e2eHostSpacingMs: 0 }));
    const recheckNow = async (page: typeof supplierInStock) => {
      h.web.serve(page.url, page.html);
      const popup = await h.openPopup();
      expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'recheck:now' }))).toMatchObject({
        ok: true,
      });
      await popup.close();
    };
    const status = async () =>
      (await readStore<{ listingKey: string; status: string }>(await h.worker(), 'assessments')).find(
        (a) => a.listingKey === wrap.key,
      )?.status;

    await recheckNow(supplierInStock);
    await waitFor(async () => (await status()) === 'ok', 'the re-check to find the supplier in stock');
    const writes = bulkWrites().length;
    // The seller has dismissed earlier notifications: what shows next is this re-check's.
    await (await h.worker()).evaluate(async () => {
      const { notifications } = chrome as unknown as Notifications;
      for (const id of Object.keys(await notifications.getAll())) await notifications.clear(id);
    });
    await recheckNow(supplierSoldOut);
    const byRule = async () => (await actions()).filter((a) => a.listingKey === wrap.key && a.by === 'rule');
    await waitFor(async () => (await byRule())[0]?.result === 'done', 'the rule to pause the listing on eBay');
    expect(await byRule()).toEqual([expect.objectContaining({ kind: 'pause', result: 'done' })]);
    expect(bulkWrites()).toHaveLength(writes + 1);
    expect(ebay.state.items.get(WRAP_SKU)).toBe(0);
    const notified = await (await h.worker()).evaluate(() =>
      (chrome as unknown as Notifications).notifications.getAll(),
    );
    expect(Object.keys(notified).sort()).toEqual([`critical:${wrap.key}`, `critical:${tray.key}`].sort());
    expect(errors).toEqual([]);
  });
});
