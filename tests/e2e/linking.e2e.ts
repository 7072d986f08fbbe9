// Linking as a seller does it: their Shopify inventory list (200 rows) and an AliExpress item are read;
// on the item the popup suggests the listing (the supplier id is in the seller's SKU); the six variants are
// mapped by option values, one corrected by hand; one supplier variant sells out and only its listing
// variant is flagged. Then the supplier re-issues its SKU ids: `variant-missing`, the proposed re-mapping
// is accepted, and the problem clears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Observation } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const fixtures = loadFixtures();
const fixture = (id: string, name: string): FixtureCase => {
  const found = fixtures.find((f) => f.adapterId === id && f.name === name);
  if (!found) throw new Error(`no fixture ${id}/${name}`);
  return found;
};
const supplierInStock = fixture('aliexpress', 'old-layout-in-stock');
const supplierOneSoldOut = fixture('aliexpress', 'old-layout-one-sold-out');
const AE = 'aliexpress:1005003245617890';
// The same page after the supplier re-issued the ids of its "L" size (property value 361386).
const supplierNewIds = supplierInStock.html.replaceAll('361386', '361999');

const SHOP = 'linen-and-co';
const INVENTORY_URL = `https://admin.shopify.com/store/${SHOP}/products/inventory`;
const SHIRT = '8800000000042';
/** The seller's six shirt variants: their own colour name for one ("Navy" is the supplier's "Sky Blue"). */
const SHIRT_VARIANTS = [
  { id: '47000000000001', title: 'Sky blue / M', supplier: `${AE}:14:173;5:100014064` },
  { id: '47000000000002', title: 'Sky blue / L', supplier: `${AE}:14:173;5:361386` },
  { id: '47000000000003', title: 'Navy / XL', supplier: `${AE}:14:173;5:361385` },
  { id: '47000000000004', title: 'Black / M', supplier: `${AE}:14:193;5:100014064` },
  { id: '47000000000005', title: 'Black / L', supplier: `${AE}:14:193;5:361386` },
  { id: '47000000000006', title: 'Black / XL', supplier: `${AE}:14:193;5:361385` },
];
const listingKey = (variantId: string) => `shopify:${SHOP}:${SHIRT}:${variantId}`;
const BLACK_L = listingKey('47000000000005');
const SKY_L = listingKey('47000000000002');

/** Shopify's inventory page as the admin renders it: one IndexTable row per variant, 200 rows. */
function inventoryPage(): string {
  const rows: string[] = [];
  const row = (pid: string, vid: string, title: string, variant: string, sku: string, qty: number) =>
    `<tr class="Polaris-IndexTable__TableRow"><td class="Polaris-IndexTable__TableCell"><input type="checkbox" aria-label="Select ${title}"></td>
<td class="Polaris-IndexTable__TableCell"><a href="/store/${SHOP}/products/${pid}/variants/${vid}">${title}</a><span class="Polaris-Text--subdued">${variant}</span></td>
<td class="Polaris-IndexTable__TableCell">${sku}</td><td>0</td><td>0</td>
<td class="Polaris-IndexTable__TableCell"><input type="number" name="available" aria-label="Available" value="${qty}"></td>
<td><input type="number" aria-label="On hand" value="${qty}"></td></tr>`;
  for (const v of SHIRT_VARIANTS) {
    const sku = `AE1005003245617890-${v.title.replace(/ \/ /g, '-').toUpperCase().replace(/ /g, '')}`;
    rows.push(row(SHIRT, v.id, 'Linen Beach Shirt', v.title, sku, 6));
  }
  const items = ['Ceramic Mug', 'Yoga Mat', 'Phone Stand', 'Desk Lamp', 'Wool Beanie', 'Glass Bottle', 'Tote Bag'];
  for (let i = 0; rows.length < 200; i++) {
    const pid = String(8800000001000 + Math.floor(i / 3));
    const title = `${items[Math.floor(i / 3) % items.length]} ${Math.floor(i / 3) + 1}`;
    rows.push(
      row(pid, String(47000000100000 + i), title, ['Small', 'Medium', 'Large'][i % 3], `SKU-${1000 + i}`, i % 9),
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inventory · Linen &amp; Co · Shopify</title></head>
<body><div id="app"><main><div class="Polaris-Page-Header"><h1>Inventory</h1></div>
<table class="Polaris-IndexTable__Table"><thead><tr><th><input type="checkbox" aria-label="Select all"></th><th>Product</th><th>SKU</th><th>Unavailable</th><th>Committed</th><th>Available</th><th>On hand</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></main></div></body></html>`;
}

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
const assessments = async () => readStore<Assessment>(await h.worker(), 'assessments');
const assessmentOf = async (key: string) => (await assessments()).find((a) => a.listingKey === key);
const statusOf = async (key: string) => (await assessmentOf(key))?.status;
const findingsOf = async (key: string) => (await assessmentOf(key))?.findings.map((f) => f.status);

describe('a seller links a listing from a 200-row Shopify inventory list to an AliExpress item', () => {
  it('reads every row of the inventory list and the supplier item', async () => {
    h.web.serve(INVENTORY_URL, inventoryPage());
    h.web.serve(supplierInStock.url, supplierInStock.html);
    const admin = await h.context.newPage();
    await admin.goto(INVENTORY_URL);
    await waitFor(async () => (await latest()).filter((o) => o.role === 'listing').length === 200, '200 listing rows');
    await admin.close();
    const item = await h.context.newPage();
    await item.goto(supplierInStock.url);
    await waitFor(
      async () => (await latest()).filter((o) => o.productKey === AE).length === 6,
      'the six supplier variants',
    );
  });

  it('accepts the suggested listing, maps six variants by options with one correction, and saves', async () => {
    const popup = await h.openPopup(supplierInStock.url);
    await popup.getByRole('button', { name: 'Link to listing…' }).click();
    const suggestion = popup.locator('.suggestions li[data-reason="product-id"]');
    await expect.poll(() => suggestion.count()).toBe(1);
    expect(await suggestion.textContent()).toContain('Linen Beach Shirt');
    await suggestion.getByRole('button', { name: 'Use this' }).click();

    const table = popup.getByRole('form', { name: 'Match the variants' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    // Five proposed by their values; the seller's own colour name has no match and waits for the seller.
    for (const v of SHIRT_VARIANTS) {
      const select = table.locator(`tr[data-listing-key="${listingKey(v.id)}"] select`);
      expect(await select.inputValue(), v.title).toBe(v.title.startsWith('Navy') ? '' : v.supplier);
    }
    const navy = SHIRT_VARIANTS[2];
    await table.locator(`tr[data-listing-key="${listingKey(navy.id)}"] select`).selectOption(navy.supplier);
    await table.getByRole('button', { name: 'Save 6 links' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Saved 6 links');

    const links = await readStore<{ listingKey: string; offerKeys: string[] }>(await h.worker(), 'links');
    expect(Object.fromEntries(links.map((l) => [l.listingKey, l.offerKeys]))).toEqual(
      Object.fromEntries(SHIRT_VARIANTS.map((v) => [listingKey(v.id), [v.supplier]])),
    );
    await popup.close();
  });

  it('flags only the listing variant whose supplier variant sold out', async () => {
    h.web.serve(supplierOneSoldOut.url, supplierOneSoldOut.html);
    const item = await h.context.newPage();
    await item.goto(supplierOneSoldOut.url);
    await waitFor(async () => (await h.badge()).text === '1', 'a badge of 1');
    const flagged = (await assessments()).filter((a) => a.severity === 'critical').map((a) => a.listingKey);
    expect(flagged).toEqual([BLACK_L]);
    const popup = await h.openPopup();
    const row = popup.locator('[data-status="oversell-risk"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Linen Beach Shirt · Black / L');
    await popup.close();
    await item.close();
  });

  it('proposes the re-mapping when the supplier re-issues its SKU ids, and accepting it clears the problem', async () => {
    h.web.serve(supplierInStock.url, supplierNewIds);
    const item = await h.context.newPage();
    await item.goto(supplierInStock.url);
    // With its only supplier variant gone the listing cannot be supplied: oversell risk, because the variant is missing.
    await waitFor(async () => (await findingsOf(SKY_L))?.includes('variant-missing'), 'variant-missing on the L rows');
    expect(await findingsOf(BLACK_L)).toEqual(['oversell-risk', 'variant-missing']);

    const popup = await h.openPopup();
    const offers = popup.locator('.problem .remap');
    await expect.poll(() => offers.count()).toBe(2);
    expect(await offers.first().textContent()).toMatch(/L → .*L/);
    await offers.first().getByRole('button', { name: 'Use the new variant' }).click();
    await expect.poll(() => offers.count()).toBe(1);
    await offers.first().getByRole('button', { name: 'Use the new variant' }).click();
    await waitFor(async () => (await statusOf(SKY_L)) === 'ok' && (await statusOf(BLACK_L)) === 'ok', 'both re-mapped');

    const links = await readStore<{ listingKey: string; offerKeys: string[] }>(await h.worker(), 'links');
    const byKey = Object.fromEntries(links.map((l) => [l.listingKey, l.offerKeys]));
    expect(byKey[SKY_L]).toEqual([`${AE}:14:173;5:361999`]);
    expect(byKey[BLACK_L]).toEqual([`${AE}:14:193;5:361999`]);
    expect((await h.badge()).text).toBe('');
    await popup.close();
    await item.close();
    expect(errors).toEqual([]);
  });
});
