// The options page's data messages: CSV import, backup restore, clearing history.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LISTING_PRODUCT, listingReading, SUPPLIER_PRODUCT, supplierReading, T0 } from '../tests/factories';
import { buildBackup } from './backup';
import { OversellDb, toLinkRow } from './db';
import { exact, outOfStock } from './extract/stock';
import { readingsCsv } from './history';
import { ingestReading } from './ingest';
import { MAX_MESSAGE_BYTES } from './messages';
import { DEFAULT_SETTINGS, type Settings } from './model';
import { type ReceiveDeps, receiveMessage, type Sender, TabRateLimiter } from './receive';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromOptions: Sender = { id: ID, url: `${ORIGIN}options.html` };
const fromTab: Sender = { id: ID, url: 'https://www.aliexpress.com/item/1.html', tab: { id: 3 }, frameId: 0 };
const LISTING = `${LISTING_PRODUCT}:1`;
const OFFER = `${SUPPLIER_PRODUCT}:a`;
let db: OversellDb;
let deps: ReceiveDeps;
let saved: Settings | undefined;
let n = 0;

beforeEach(async () => {
  db = new OversellDb(`receive-data-test-${n++}`);
  await db.open();
  saved = undefined;
  deps = {
    db,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    settings: async () => saved ?? DEFAULT_SETTINGS,
    now: () => T0 + 10,
    afterChange: vi.fn(async () => {}),
    rateLimiter: new TabRateLimiter(),
    sites: { watch: vi.fn(async () => {}), unwatch: vi.fn(async () => {}) },
    openPopupFor: vi.fn(async () => {}),
    saveSettings: async (s) => {
      saved = s;
    },
  };
  await ingestReading(db, listingReading([{ id: '1', stock: exact(5) }, { id: '2' }]), DEFAULT_SETTINGS, T0);
  await ingestReading(db, supplierReading([{ id: 'a', stock: outOfStock() }, { id: 'b' }]), DEFAULT_SETTINGS, T0);
});

const link = (listingKey: string, offerKey: string, priority = 0) => ({
  listingKey,
  suppliers: [{ offerKey, priority, unitsPerSale: 1 }],
});

describe('links:import', () => {
  it('saves the good links, names the bad ones, and assesses what it saved', async () => {
    const reply = await receiveMessage(
      {
        type: 'links:import',
        links: [
          link(LISTING, OFFER),
          link(`${LISTING_PRODUCT}:2`, `${LISTING_PRODUCT}:2`),
          {
            listingKey: `${LISTING_PRODUCT}:3`,
            suppliers: [...link('', OFFER).suppliers, ...link('', 'x:1').suppliers],
          },
          link(LISTING, `${SUPPLIER_PRODUCT}:b`),
        ],
      },
      fromOptions,
      deps,
    );
    expect(reply).toEqual({
      ok: true,
      imported: 1,
      refused: [
        { listingKey: `${LISTING_PRODUCT}:2`, error: 'a listing cannot be its own supplier' },
        { listingKey: `${LISTING_PRODUCT}:3`, error: 'two suppliers share a priority' },
        { listingKey: LISTING, error: 'the listing appears twice in the file' },
      ],
    });
    expect((await db.links.toArray()).map((l) => l.listingKey)).toEqual([LISTING]);
    expect((await db.assessments.get(LISTING))?.status).toBe('oversell-risk');
    expect(deps.afterChange).toHaveBeenCalledOnce();
  });

  it('keeps the notes and the creation time of a link it replaces', async () => {
    await db.links.put(
      toLinkRow({
        listingKey: LISTING,
        suppliers: [{ offerKey: OFFER, priority: 0, unitsPerSale: 1, note: 'the blue one' }],
        createdAt: T0 - 5,
        updatedAt: T0 - 5,
      }),
    );
    await receiveMessage({ type: 'links:import', links: [link(LISTING, OFFER)] }, fromOptions, deps);
    expect(await db.links.get(LISTING)).toMatchObject({
      suppliers: [{ offerKey: OFFER, note: 'the blue one' }],
      createdAt: T0 - 5,
      updatedAt: T0 + 10,
    });
  });

  it('comes only from the extension pages', async () => {
    const reply = await receiveMessage({ type: 'links:import', links: [link(LISTING, OFFER)] }, fromTab, deps);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/only comes from/) });
    expect(await db.links.count()).toBe(0);
  });
});

describe('backup:restore', () => {
  const restoredSettings = { ...DEFAULT_SETTINGS, bufferUnits: 3 };

  it('replaces the data and the settings, then tells the badge', async () => {
    const other = new OversellDb(`receive-data-other-${n++}`);
    await ingestReading(other, listingReading([{ id: '7' }]), DEFAULT_SETTINGS, T0);
    const backup = JSON.parse(JSON.stringify(await buildBackup(other, restoredSettings, T0, { history: true })));
    const reply = await receiveMessage({ type: 'backup:restore', backup }, fromOptions, deps);
    expect(reply).toEqual({ ok: true, counts: { links: 0, latest: 1, history: 1, snoozes: 0, actions: 0 } });
    expect((await db.latest.toArray()).map((r) => r.key)).toEqual([`${LISTING_PRODUCT}:7`]);
    expect(saved).toEqual(restoredSettings);
    expect(deps.afterChange).toHaveBeenCalledOnce();
  });

  it('refuses a newer version in words and changes nothing', async () => {
    const backup = { ...(await buildBackup(db, restoredSettings, T0, { history: false })), version: 2 };
    const before = await db.latest.toArray();
    const reply = await receiveMessage({ type: 'backup:restore', backup }, fromOptions, deps);
    expect(reply).toEqual({ ok: false, error: 'backup refused (future-version): 2' });
    expect(await db.latest.toArray()).toEqual(before);
    expect(saved).toBeUndefined();
  });

  it('takes a backup larger than a reading may be, from the extension pages only', async () => {
    const backup = await buildBackup(db, restoredSettings, T0, { history: false });
    const big = {
      ...backup,
      actions: [
        {
          listingKey: LISTING,
          kind: 'pause',
          at: T0,
          by: 'seller',
          result: 'done',
          before: 'x'.repeat(MAX_MESSAGE_BYTES),
        },
      ],
    };
    expect(await receiveMessage({ type: 'backup:restore', backup: big }, fromOptions, deps)).toMatchObject({
      ok: true,
    });
    expect(await receiveMessage({ type: 'backup:restore', backup: big }, fromTab, deps)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/over the 4194304 limit/),
    });
  });
});

describe('history:clear', () => {
  it('deletes the history but keeps the newest readings, which start their history again', async () => {
    expect(await db.history.count()).toBe(4);
    expect(await receiveMessage({ type: 'history:clear' }, fromOptions, deps)).toEqual({ ok: true, cleared: 4 });
    expect(await db.history.count()).toBe(0);
    expect(await db.latest.count()).toBe(4);
    await ingestReading(db, listingReading([{ id: '1', stock: exact(5) }]), DEFAULT_SETTINGS, T0 + 60_000);
    expect(await db.history.count()).toBe(1);
  });
});

describe('readingsCsv', () => {
  it('writes one row per history row, unknown stock as a kind with its reason and no quantity', async () => {
    await ingestReading(
      db,
      supplierReading(
        [{ id: 'a', stock: { kind: 'unknown', reason: '=cmd|login' }, price: { amount: 1999, currency: 'USD' } }],
        T0 + 1000,
      ),
      DEFAULT_SETTINGS,
      T0 + 1000,
    );
    const rows = await db.history.where('key').equals(OFFER).sortBy('at');
    const latest = new Map((await db.latest.toArray()).map((r) => [r.key, r]));
    expect(readingsCsv(rows, latest).split('\r\n')).toEqual([
      'observed_at,key,role,product,variant,stock,quantity,unknown_reason,price,currency,listing_status,via',
      `2026-11-26T12:00:00.000Z,${OFFER},supplier,Waterproof Hiking Backpack 40L,a,outOfStock,,,,,,page`,
      `2026-11-26T12:00:01.000Z,${OFFER},supplier,Waterproof Hiking Backpack 40L,a,unknown,,'=cmd|login,19.99,USD,,page`,
      '',
    ]);
  });
});
