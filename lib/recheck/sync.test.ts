import { beforeEach, describe, expect, it } from 'vitest';
import {
  LISTING_PRODUCT,
  linkRow,
  listingReading,
  SUPPLIER_PRODUCT,
  SUPPLIER_URL,
  supplierReading,
  T0,
} from '../../tests/factories';
import { OversellDb } from '../db';
import { exact, outOfStock } from '../extract/stock';
import { ingestReading } from '../ingest';
import { DEFAULT_SETTINGS, type Reading } from '../model';
import { noteSupplierReading, stockFingerprint, syncRecheckQueue } from './sync';

let db: OversellDb;
let n = 0;
const half = () => 0.5;
const HOUR = 3600_000;
const settings = DEFAULT_SETTINGS;

beforeEach(async () => {
  db = new OversellDb(`recheck-sync-${n++}`);
  await db.open();
});

const offer = (id: string) => `${SUPPLIER_PRODUCT}:${id}`;
const listing = (id: string) => `${LISTING_PRODUCT}:${id}`;

async function link(listingId: string, offerId: string) {
  await db.links.put(linkRow(listing(listingId), [offer(offerId)]));
}

const ingest = (reading: Reading, at = reading.observedAt) => ingestReading(db, reading, settings, at);

describe('syncRecheckQueue', () => {
  it('queues each linked supplier product once, due an hour after it was last read, and drops unlinked ones', async () => {
    await ingest(supplierReading([{ id: 'a' }, { id: 'b' }], T0 - 3 * HOUR));
    await link('1', 'a');
    await link('2', 'b');
    expect(await syncRecheckQueue(db, settings, T0, half)).toEqual({ added: 1, removed: 0 });
    const [row] = await db.recheck.toArray();
    expect(row).toMatchObject({
      productKey: SUPPLIER_PRODUCT,
      url: SUPPLIER_URL,
      host: 'www.aliexpress.com',
      adapterId: 'aliexpress',
      title: 'Waterproof Hiking Backpack 40L',
      verifiedAt: T0 - 3 * HOUR,
      verifiedVia: 'page',
    });
    // Read three hours ago with an hourly base: due now, not in the past.
    expect(row.dueAt).toBe(T0);
    expect(await syncRecheckQueue(db, settings, T0, half)).toEqual({ added: 0, removed: 0 });

    await db.links.clear();
    expect(await syncRecheckQueue(db, settings, T0, half)).toEqual({ added: 0, removed: 1 });
    expect(await db.recheck.count()).toBe(0);
  });

  it('cannot queue what was never read (no URL to fetch) and leaves listing keys alone', async () => {
    await link('1', 'never-seen');
    await ingest(listingReading([{ id: '1' }]));
    expect(await syncRecheckQueue(db, settings, T0, half)).toEqual({ added: 0, removed: 0 });
  });
});

describe('noteSupplierReading', () => {
  async function queued() {
    await syncRecheckQueue(db, settings, T0, half);
    return (await db.recheck.get(SUPPLIER_PRODUCT))!;
  }

  it('a visit counts as a check: verified by the page, due a full interval later', async () => {
    await ingest(supplierReading([{ id: 'a', stock: exact(50) }], T0 - 3 * HOUR));
    await link('1', 'a');
    await queued();
    const visit = supplierReading([{ id: 'a', stock: exact(50) }], T0);
    await ingest(visit);
    expect(await noteSupplierReading(db, visit, settings, T0, half)).toEqual(new Set([SUPPLIER_PRODUCT]));
    const row = (await db.recheck.get(SUPPLIER_PRODUCT))!;
    expect(row).toMatchObject({ verifiedAt: T0, verifiedVia: 'page', state: 'ok', dueAt: T0 + HOUR });
    expect(row.fingerprint).toBe(stockFingerprint(visit.page.ok ? visit.page.products[0] : ({} as never)));
  });

  it.each([
    ['low stock comes back in 15 min', exact(2), exact(5), 'active', 15 * 60_000],
    ['plenty of stock, listing selling but not sold: an hour', exact(50), exact(5), 'active', HOUR],
    ['out of stock and the listing paused: four hours', outOfStock(), exact(0), 'draft', 4 * HOUR],
  ] as const)('%s', async (_, supply, listed, status, interval) => {
    await ingest(listingReading([{ id: '1', stock: listed, status }], T0 - HOUR));
    await ingest(supplierReading([{ id: 'a', stock: supply }], T0 - HOUR));
    await link('1', 'a');
    await queued();
    const reading = supplierReading([{ id: 'a', stock: supply }], T0);
    await noteSupplierReading(db, reading, settings, T0, half);
    expect((await db.recheck.get(SUPPLIER_PRODUCT))!.dueAt - T0).toBe(interval);
  });

  it('comes back sooner after a change, and sooner still when the listing has been selling', async () => {
    await ingest(listingReading([{ id: '1', stock: exact(9) }], T0 - 5 * HOUR));
    await ingest(listingReading([{ id: '1', stock: exact(7) }], T0 - 2 * HOUR)); // two sold
    await ingest(supplierReading([{ id: 'a', stock: exact(80) }], T0 - HOUR));
    await link('1', 'a');
    await queued();
    const first = supplierReading([{ id: 'a', stock: exact(80) }], T0 - HOUR);
    await noteSupplierReading(db, first, settings, T0 - HOUR, half);
    expect((await db.recheck.get(SUPPLIER_PRODUCT))!.dueAt - (T0 - HOUR)).toBe(30 * 60_000);
    const changed = supplierReading([{ id: 'a', stock: exact(60) }], T0);
    await noteSupplierReading(db, changed, settings, T0, half);
    expect((await db.recheck.get(SUPPLIER_PRODUCT))!.dueAt - T0).toBe(15 * 60_000);
  });

  it('ignores unlinked products and failed readings', async () => {
    const reading = supplierReading([{ id: 'a' }], T0);
    await ingest(reading);
    expect(await noteSupplierReading(db, reading, settings, T0, half)).toEqual(new Set());
    expect(await db.recheck.count()).toBe(0);
  });
});

describe('stockFingerprint', () => {
  it('changes with stock and removal, not with variant order', () => {
    const product = (stocks: [string, ReturnType<typeof exact>][], removed = false) => ({
      key: 'p',
      title: 't',
      variants: stocks.map(([key, stock]) => ({ key, label: key, options: {}, stock, evidence: [] })),
      ...(removed ? { removed } : {}),
    });
    const a = stockFingerprint(
      product([
        ['p:1', exact(3)],
        ['p:2', exact(4)],
      ]),
    );
    expect(
      stockFingerprint(
        product([
          ['p:2', exact(4)],
          ['p:1', exact(3)],
        ]),
      ),
    ).toBe(a);
    expect(
      stockFingerprint(
        product([
          ['p:1', exact(2)],
          ['p:2', exact(4)],
        ]),
      ),
    ).not.toBe(a);
    expect(stockFingerprint(product([], true))).not.toBe(stockFingerprint(product([])));
  });
});
