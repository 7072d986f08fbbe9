// The walking skeleton, as a seller lives it: read a supplier page and a listing, link them in the
// popup, the supplier sells out, the badge turns red and the popup says why; the worker dies and
// nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation, Variant } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const fixtures = loadFixtures();
const fixture = (id: string, name: string): FixtureCase => {
  const found = fixtures.find((f) => f.adapterId === id && f.name === name);
  if (!found) throw new Error(`no fixture ${id}/${name}`);
  return found;
};
const variantsOf = (f: FixtureCase): Variant[] => (f.expected.ok ? f.expected.products.flatMap((p) => p.variants) : []);

const supplierInStock = fixture('aliexpress', 'old-layout-in-stock');
const supplierOneSoldOut = fixture('aliexpress', 'old-layout-one-sold-out');
const listingPage = fixture('shopify-admin', 'product-variants-active');
// The supplier variant that sells out between the two visits, and a listing variant that is selling.
const soldOut = variantsOf(supplierOneSoldOut).find((v) => v.stock.kind === 'outOfStock')!;
const listingVariant = variantsOf(listingPage).find((v) => v.stock.kind === 'exact' && v.status === 'active')!;

let h: Harness;
const errors: string[] = [];

beforeAll(async () => {
  h = await launch();
  h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
});
afterAll(async () => {
  await h?.close();
});

const latest = async () => readStore<Observation>(await h.worker(), 'latest');

describe('a seller links a listing to its supplier and is warned when the supplier sells out', () => {
  it('reads the supplier page and the listing as the seller browses', async () => {
    expect(soldOut, 'the sold-out fixture has one variant out').toBeDefined();
    expect(listingVariant, 'the listing fixture has an active variant with a quantity').toBeDefined();
    h.web.serve(supplierInStock.url, supplierInStock.html);
    h.web.serve(listingPage.url, listingPage.html);
    const page = await h.context.newPage();
    await page.goto(supplierInStock.url);
    await waitFor(async () => (await latest()).find((o) => o.key === soldOut.key), 'the supplier reading in IndexedDB');
    // The on-page chip (a closed shadow root, so only its host is visible to the page and to the test).
    await page.locator('oversell-guard-chip').waitFor({ state: 'attached' });
    await page.goto(listingPage.url);
    const listing = await waitFor(
      async () => (await latest()).find((o) => o.key === listingVariant.key),
      'the listing reading in IndexedDB',
    );
    expect(listing).toMatchObject({ role: 'listing', stock: listingVariant.stock, status: 'active', via: 'page' });
    const supplier = (await latest()).find((o) => o.key === soldOut.key);
    expect(supplier?.stock.kind).toBe('exact');
    expect((await h.badge()).text).toBe('');
    await page.close();
  });

  it('links them in the popup', async () => {
    const popup = await h.openPopup();
    await popup.locator('select[name="listing"]').selectOption(listingVariant.key);
    await popup.locator('select[name="supplier"]').selectOption(soldOut.key);
    await popup.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Linked');
    const links = await readStore<{ listingKey: string; offerKeys: string[] }>(await h.worker(), 'links');
    expect(links).toEqual([expect.objectContaining({ listingKey: listingVariant.key, offerKeys: [soldOut.key] })]);
    await expect
      .poll(() => popup.locator('.summary').textContent())
      .toContain('All well: 1 linked listing variants covered');
    await popup.close();
  });

  it('turns the badge red when the linked supplier variant sells out, and the popup says why', async () => {
    h.web.serve(supplierOneSoldOut.url, supplierOneSoldOut.html);
    const page = await h.context.newPage();
    await page.goto(supplierOneSoldOut.url);
    await waitFor(async () => (await h.badge()).text === '1', 'a badge of 1');
    expect(await h.badge()).toEqual({ text: '1', color: [197, 34, 31, 255] });

    const popup = await h.openPopup();
    const row = popup.locator('[data-status="oversell-risk"]');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Still selling, supplier is out of stock');
    expect(text).toContain('Out of stock');
    expect(text).toContain('aliexpress.com');
    await row.getByText('Why?').first().click();
    expect(await row.locator('.evidence code').first().textContent()).toMatch(/^(embedded-json|text):/);
    await popup.close();
    await page.close();
  });

  it('loses nothing when the service worker is stopped and restarted', async () => {
    await (await h.worker()).evaluate(() => {
      (self as unknown as { ogMarker: string }).ogMarker = 'before the stop';
    });
    await h.stopWorker();
    const popup = await h.openPopup(); // its refresh message wakes the worker again
    await waitFor(async () => (await h.badge()).text === '1', 'the restarted worker');
    // A fresh JavaScript realm: nothing in memory survived, so everything below came from IndexedDB.
    expect(
      await (await h.worker()).evaluate(() => (self as unknown as { ogMarker?: string }).ogMarker),
    ).toBeUndefined();
    await expect.poll(() => popup.locator('[data-status="oversell-risk"]').count()).toBe(1);
    expect((await h.badge()).text).toBe('1');
    const links = await readStore(await h.worker(), 'links');
    expect(links).toHaveLength(1);
    // The restarted worker still ingests: the supplier restocks and the problem clears.
    h.web.serve(supplierInStock.url, supplierInStock.html);
    const page = await h.context.newPage();
    await page.goto(supplierInStock.url);
    await waitFor(async () => (await h.badge()).text === '', 'the badge to clear after the restock');
    await expect.poll(() => popup.locator('[data-status="oversell-risk"]').count()).toBe(0);
    await page.close();
    await popup.close();
    expect(errors).toEqual([]);
  });
});
