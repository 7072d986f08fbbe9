import { beforeEach, describe, expect, it } from 'vitest';
import {
  LISTING_PRODUCT,
  linkRow,
  listingReading,
  SUPPLIER_PRODUCT,
  supplierFailure,
  supplierReading,
  T0,
} from '../tests/factories';
import { BADGE_AMBER, BADGE_RED, computeBadge } from './badge';
import { HISTORY_PER_KEY, OversellDb, toLinkRow } from './db';
import { exact, outOfStock } from './extract/stock';
import { ingestReading } from './ingest';
import { DEFAULT_SETTINGS } from './model';

const settings = DEFAULT_SETTINGS;
const LISTING_M = `${LISTING_PRODUCT}:41001`;
const OFFER_M = `${SUPPLIER_PRODUCT}:14:193;5:361386`;
const OFFER_L = `${SUPPLIER_PRODUCT}:14:193;5:361385`;
let db: OversellDb;
let n = 0;

beforeEach(async () => {
  db = new OversellDb(`ingest-test-${n++}`);
  await db.open();
});

async function linkM(offerKeys = [OFFER_M]) {
  await db.links.put(linkRow(LISTING_M, offerKeys));
}

describe('ingestReading', () => {
  it('stores a listing reading and marks what it has not linked', async () => {
    const result = await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    expect(result).toMatchObject({ touchedKeys: 1, assessed: 1 });
    expect((await db.latest.get(LISTING_M))?.stock).toEqual(exact(5));
    expect((await db.assessments.get(LISTING_M))?.status).toBe('unlinked');
    expect(await db.history.count()).toBe(1);
    expect((await db.pages.toArray()).map((p) => [p.ok, p.variantCount, p.availableCount])).toEqual([[true, 1, 1]]);
  });

  it('turns a linked listing critical when its supplier sells out, and back when it restocks', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(30) }]), settings, T0 + 1000);
    expect((await db.assessments.get(LISTING_M))?.status).toBe('ok');
    expect((await computeBadge(db)).text).toBe('');

    const sold = await ingestReading(
      db,
      supplierReading([{ id: '14:193;5:361386', stock: outOfStock() }]),
      settings,
      T0 + 2000,
    );
    expect(sold.changed.map((a) => [a.listingKey, a.status])).toEqual([[LISTING_M, 'oversell-risk']]);
    expect(await computeBadge(db)).toEqual({ text: '1', color: BADGE_RED, critical: 1, warning: 0 });

    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(4) }]), settings, T0 + 3000);
    expect((await db.assessments.get(LISTING_M))?.status).toBe('qty-above-supply');
    expect(await computeBadge(db)).toMatchObject({ text: '1', color: BADGE_AMBER, critical: 0, warning: 1 });
  });

  it('re-assesses only the links the reading touches', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    const other = await ingestReading(db, supplierReading([{ id: '14:193;5:361385', stock: exact(3) }]), settings, T0);
    expect(other.assessed).toBe(0);
  });

  it('flags a linked variant the supplier no longer has as missing, not as zero', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(
      db,
      supplierReading([
        { id: '14:193;5:361386', stock: exact(9) },
        { id: '14:193;5:361385', stock: exact(9) },
      ]),
      settings,
      T0,
    );
    await ingestReading(db, supplierReading([{ id: '14:193;5:361385', stock: exact(9) }]), settings, T0 + 1000);
    const row = await db.latest.get(OFFER_M);
    expect(row).toMatchObject({ presence: 'missing', stock: exact(9) });
    expect((await db.assessments.get(LISTING_M))?.findings.map((f) => f.status)).toContain('variant-missing');
    expect((await db.latest.get(OFFER_L))?.presence).toBe('present');
  });

  it('keeps variants a list row does not show: a partial product proves nothing about them', async () => {
    await ingestReading(
      db,
      listingReading([
        { id: '41001', stock: exact(5) },
        { id: '41002', stock: exact(2) },
      ]),
      settings,
      T0,
    );
    const row = listingReading([{ id: '41002', stock: exact(1), fulfilment: 'channel' }], T0 + 1000);
    if (!row.page.ok) throw new Error('factory');
    row.page.products[0].partial = true;
    await ingestReading(db, row, settings, T0 + 1000);
    expect((await db.latest.get(LISTING_M))?.presence).toBe('present');
    expect(await db.latest.get(`${LISTING_PRODUCT}:41002`)).toMatchObject({ stock: exact(1), fulfilment: 'channel' });

    // The same rows without `partial` say 41001 is gone.
    row.page.products[0].partial = undefined;
    await ingestReading(db, { ...row, observedAt: T0 + 2000 }, settings, T0 + 2000);
    expect((await db.latest.get(LISTING_M))?.presence).toBe('missing');
  });

  it('keeps what another page said when this one does not show it (status, price, options, SKU)', async () => {
    const usd = { amount: 1999, currency: 'USD' };
    const product = listingReading([{ id: '41001', stock: exact(5), price: usd, options: { Size: 'M' } }]);
    if (!product.page.ok) throw new Error('factory');
    product.page.products[0].variants[0].sku = 'TB-M';
    await ingestReading(db, product, settings, T0);
    // The inventory page: a quantity and a variant title, nothing else.
    const inventory = listingReading([{ id: '41001', stock: exact(3) }], T0 + 1000);
    if (!inventory.page.ok) throw new Error('factory');
    inventory.page.products[0].variants[0] = {
      ...inventory.page.products[0].variants[0],
      options: {},
      status: undefined,
    };
    await ingestReading(db, inventory, settings, T0 + 1000);
    expect(await db.latest.get(LISTING_M)).toMatchObject({
      stock: exact(3),
      price: usd,
      status: 'active',
      sku: 'TB-M',
      options: { Size: 'M' },
    });
    expect((await db.history.toArray()).map((h) => h.status)).toEqual(['active', 'active']);
  });

  it('reads a removed product as every variant gone', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(9) }]), settings, T0);
    await ingestReading(db, supplierReading([], T0 + 1000, { removed: true }), settings, T0 + 1000);
    expect((await db.latest.get(OFFER_M))?.presence).toBe('removed');
    expect((await db.assessments.get(LISTING_M))?.status).toBe('oversell-risk');
  });

  it('keeps the last good stock when a page cannot be read, and says so', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(9) }]), settings, T0);
    await ingestReading(db, supplierFailure('captcha', T0 + 1000), settings, T0 + 1000);
    const row = await db.latest.get(OFFER_M);
    expect(row?.stock).toEqual(exact(9));
    expect(row?.failure).toMatchObject({ reason: 'captcha', at: T0 + 1000 });
    expect((await db.assessments.get(LISTING_M))?.findings.map((f) => f.status)).toContain('unreadable');
    expect(await db.history.count()).toBe(2); // a failure is not a reading of stock
    // The next good read clears the failure.
    await ingestReading(
      db,
      supplierReading([{ id: '14:193;5:361386', stock: exact(8) }], T0 + 2000),
      settings,
      T0 + 2000,
    );
    expect((await db.latest.get(OFFER_M))?.failure).toBeUndefined();
  });

  it('ties a failure or a removal that names no known product to what the same URL showed before', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(9) }]), settings, T0);
    // A captcha whose URL names a variant id, not the product key we stored.
    const captcha = supplierFailure('captcha', T0 + 1000);
    if (!captcha.page.ok) captcha.page.productKey = 'aliexpress:999';
    await ingestReading(db, captcha, settings, T0 + 1000);
    expect((await db.latest.get(OFFER_M))?.failure?.reason).toBe('captcha');
    // A 404 at the same URL, keyed by whatever the page had (here: nothing we stored).
    const gone = supplierReading([], T0 + 2000, { removed: true });
    if (gone.page.ok) gone.page.products[0].key = 'aliexpress:slug-trail-backpack';
    await ingestReading(db, gone, settings, T0 + 2000);
    expect((await db.latest.get(OFFER_M))?.presence).toBe('removed');
    expect((await db.assessments.get(LISTING_M))?.status).toBe('oversell-risk');
  });

  it('never lets an older reading overwrite a newer one', async () => {
    await ingestReading(
      db,
      supplierReading([{ id: '14:193;5:361386', stock: exact(9) }], T0 + 5000),
      settings,
      T0 + 5000,
    );
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: outOfStock() }], T0), settings, T0 + 6000);
    expect((await db.latest.get(OFFER_M))?.stock).toEqual(exact(9));
    expect(await db.history.count()).toBe(2);
  });

  it('records changes and a 6-hourly heartbeat in history, not every unchanged visit', async () => {
    const visit = (at: number, qty: number) =>
      ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(qty) }], at), settings, at);
    await visit(T0, 9);
    await visit(T0 + 60_000, 9);
    await visit(T0 + 120_000, 9);
    expect(await db.history.count()).toBe(1);
    // Unchanged within five minutes: not even rewritten; after that, "seen" moves on.
    expect((await db.latest.get(OFFER_M))?.observedAt).toBe(T0);
    await visit(T0 + 300_000, 9);
    expect((await db.latest.get(OFFER_M))?.observedAt).toBe(T0 + 300_000);
    await visit(T0 + 360_000, 8);
    expect(await db.history.count()).toBe(2);
    expect((await db.latest.get(OFFER_M))?.stock).toEqual(exact(8));
    await visit(T0 + 360_000 + 6 * 3600_000, 8);
    expect((await db.history.toArray()).map((r) => r.at)).toEqual([T0, T0 + 360_000, T0 + 360_000 + 6 * 3600_000]);
  });

  it('does not rewrite an assessment whose result did not change', async () => {
    await ingestReading(db, listingReading([{ id: '41001', stock: exact(5) }]), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: outOfStock() }]), settings, T0);
    const first = await db.assessments.get(LISTING_M);
    const again = await ingestReading(
      db,
      listingReading([{ id: '41001', stock: exact(5) }], T0 + 1000),
      settings,
      T0 + 1000,
    );
    expect(again).toMatchObject({ assessed: 0, changed: [], linkedVariants: 1 });
    expect(await db.assessments.get(LISTING_M)).toEqual(first);
  });

  it('re-assesses only the listing rows of a list page that changed', async () => {
    const rows = (qty: number) => [
      { id: '41001', stock: exact(5) },
      { id: '41002', stock: exact(qty) },
      { id: '41003', stock: exact(7) },
    ];
    await ingestReading(db, listingReading(rows(2)), settings, T0);
    await linkM();
    await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: outOfStock() }]), settings, T0);
    const again = await ingestReading(db, listingReading(rows(2), T0 + 1000), settings, T0 + 1000);
    expect(again).toMatchObject({ touchedKeys: 3, assessed: 0, linkedVariants: 1 });
    const changed = await ingestReading(db, listingReading(rows(0), T0 + 2000), settings, T0 + 2000);
    expect(changed.assessed).toBe(1);
    expect((await db.assessments.get(`${LISTING_PRODUCT}:41002`))?.findings[0]?.facts).toMatchObject({
      listingQty: 0,
    });
    // The linked row itself changes: its assessment follows at once.
    const sold = await ingestReading(
      db,
      listingReading([{ id: '41001', stock: exact(0) }, ...rows(0).slice(1)], T0 + 3000),
      settings,
      T0 + 3000,
    );
    expect(sold.assessed).toBe(1);
    expect((await db.assessments.get(LISTING_M))?.status).not.toBe('oversell-risk');
  });

  it(`keeps at most ${HISTORY_PER_KEY} history rows per key`, async () => {
    for (let i = 0; i < HISTORY_PER_KEY + 25; i++) {
      await ingestReading(db, supplierReading([{ id: '14:193;5:361386', stock: exact(i) }], T0 + i), settings, T0 + i);
    }
    const rows = await db.history.where('[key+at]').between([OFFER_M, 0], [OFFER_M, Number.MAX_SAFE_INTEGER]).toArray();
    expect(rows.length).toBeLessThanOrEqual(HISTORY_PER_KEY + 20);
    expect(rows.length).toBeGreaterThanOrEqual(HISTORY_PER_KEY);
    const newest = Math.max(...rows.map((r) => r.at));
    expect(newest).toBe(T0 + HISTORY_PER_KEY + 24);
    expect(Math.min(...rows.map((r) => r.at))).toBeGreaterThan(T0);
  });
});

describe('getMany', () => {
  it('returns rows in the order asked, undefined for missing keys, dense range or sparse', async () => {
    const { getMany } = await import('./db');
    const rows = Array.from({ length: 100 }, (_, i) => ({
      ...toLinkRow({
        listingKey: `k:${String(i).padStart(3, '0')}`,
        suppliers: [{ offerKey: 'o', priority: 0, unitsPerSale: 1 }],
        createdAt: 0,
        updatedAt: 0,
      }),
    }));
    await db.links.bulkPut(rows);
    const dense = Array.from({ length: 40 }, (_, i) => `k:${String(60 - i).padStart(3, '0')}`).concat(['k:zzz']);
    expect((await getMany(db.links, dense)).map((r) => r?.listingKey)).toEqual([...dense.slice(0, 40), undefined]);
    const sparse = Array.from({ length: 20 }, (_, i) => `k:${String(i * 5).padStart(3, '0')}`);
    expect((await getMany(db.links, sparse)).map((r) => r?.listingKey)).toEqual(sparse);
  });
});
