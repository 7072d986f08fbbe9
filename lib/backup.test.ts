import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LISTING_PRODUCT, listingReading, SUPPLIER_PRODUCT, supplierReading, T0 } from '../tests/factories';
import { type Backup, buildBackup, parseBackup, restoreBackup } from './backup';
import { OversellDb, toLinkRow } from './db';
import { exact, outOfStock } from './extract/stock';
import { ingestReading } from './ingest';
import { DEFAULT_SETTINGS } from './model';

let n = 0;
const freshDb = async () => {
  const db = new OversellDb(`backup-test-${n++}`);
  await db.open();
  return db;
};
const settings = { ...DEFAULT_SETTINGS, bufferUnits: 2, language: 'zh_CN' as const };
const LISTING = `${LISTING_PRODUCT}:1`;
const OFFER = `${SUPPLIER_PRODUCT}:a`;

/** A seller's database: a listing linked to a supplier that sold out (oversell risk), a snooze, a pause. */
async function sellersDb() {
  const db = await freshDb();
  await ingestReading(db, listingReading([{ id: '1', stock: exact(5) }, { id: '2' }]), settings, T0);
  await ingestReading(db, supplierReading([{ id: 'a', stock: exact(9) }]), settings, T0 + 1);
  await db.links.put(
    toLinkRow({
      listingKey: LISTING,
      suppliers: [{ offerKey: OFFER, priority: 0, unitsPerSale: 1, note: 'blue one' }],
      createdAt: T0,
      updatedAt: T0,
    }),
  );
  await ingestReading(db, supplierReading([{ id: 'a', stock: outOfStock() }]), settings, T0 + 2);
  await db.snoozes.put({ listingKey: LISTING, status: 'oversell-risk', kind: 'snooze', at: T0, until: T0 + 9 });
  await db.actions.add({
    listingKey: LISTING,
    kind: 'pause',
    at: T0,
    by: 'seller',
    result: 'done',
    before: { qty: 5 },
  });
  return db;
}

const fileOf = (backup: Backup) => JSON.stringify(backup);

describe('backup and restore', () => {
  let source: OversellDb;
  beforeEach(async () => {
    source = await sellersDb();
  });

  it('restores exactly what was saved, over a database that held something else, and re-assesses it', async () => {
    const file = fileOf(await buildBackup(source, settings, T0 + 5, { history: true }));
    const target = await freshDb();
    await ingestReading(target, listingReading([{ id: '99' }]), DEFAULT_SETTINGS, T0); // to be replaced
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.backup.settings).toEqual(settings);

    await restoreBackup(target, parsed.backup, T0 + 10);
    const rows = async (db: OversellDb) => ({
      links: await db.links.toArray(),
      latest: await db.latest.toArray(),
      history: (await db.history.toArray()).map(({ id: _, ...row }) => row),
      snoozes: await db.snoozes.toArray(),
      actions: await db.actions.toArray(),
    });
    expect(await rows(target)).toEqual(await rows(source));
    expect(await target.links.get(LISTING)).toMatchObject({ offerKeys: [OFFER] });
    const statuses = async (db: OversellDb) =>
      (await db.assessments.toArray()).map((a) => [a.listingKey, a.status]).sort();
    expect(await statuses(target)).toEqual(await statuses(source));
    expect(await statuses(target)).toContainEqual([LISTING, 'oversell-risk']);
    expect(await target.pages.count()).toBe(0);
  });

  it('keeps a field its schema does not name yet (a later change within version 1), instead of dropping it', async () => {
    await source.actions.add({
      listingKey: LISTING,
      kind: 'pause',
      at: T0,
      by: 'rule',
      result: 'done',
      channelRequestId: 'gid://shopify/InventoryAdjustmentGroup/77',
    } as never);
    const parsed = parseBackup(fileOf(await buildBackup(source, settings, T0 + 5, { history: false })));
    if (!parsed.ok) throw new Error(parsed.detail);
    const target = await freshDb();
    await restoreBackup(target, parsed.backup, T0 + 10);
    expect(await target.actions.toArray()).toContainEqual(
      expect.objectContaining({ channelRequestId: 'gid://shopify/InventoryAdjustmentGroup/77' }),
    );
  });

  it('without history: empties history and starts every variant counting again', async () => {
    const backup = await buildBackup(source, settings, T0 + 5, { history: false });
    expect(backup.history).toBeUndefined();
    const target = await sellersDb();
    expect(await target.history.count()).toBeGreaterThan(0);
    await restoreBackup(target, backup, T0 + 10);
    expect(await target.history.count()).toBe(0);
    expect((await target.latest.toArray()).map((r) => [r.historyCount, r.historyAt])).toEqual(
      backup.latest.map(() => [0, undefined]),
    );
  });

  it('replaces nothing when a write fails half-way (one transaction)', async () => {
    const backup = await buildBackup(source, settings, T0 + 5, { history: true });
    const target = await freshDb();
    await ingestReading(target, listingReading([{ id: '99' }]), DEFAULT_SETTINGS, T0);
    const before = { latest: await target.latest.toArray(), history: await target.history.count() };
    vi.spyOn(target.actions, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(target, backup, T0 + 10)).rejects.toThrow('disk full');
    expect({ latest: await target.latest.toArray(), history: await target.history.count() }).toEqual(before);
    expect(await target.links.count()).toBe(0);
  });
});

describe('parseBackup refuses a file in words, naming what is wrong', () => {
  let good: Backup;
  beforeEach(async () => {
    good = await buildBackup(await sellersDb(), settings, T0 + 5, { history: true });
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${fileOf(good)}`).ok).toBe(true);
  });

  it.each([
    ['text that is not JSON', () => '{"format": "oversell-guard-backup", ', 'not-json', /JSON/],
    ['a JSON file of something else', () => '{"orders": []}', 'not-a-backup', /^$/],
    ['a CSV', () => 'listing_key,supplier_key\n', 'not-json', /./],
    ['a newer version', () => fileOf({ ...good, version: 2 } as unknown as Backup), 'future-version', /^2$/],
    ['version 0', () => fileOf({ ...good, version: 0 } as unknown as Backup), 'invalid', /version/],
    [
      'a link with no supplier',
      () => fileOf({ ...good, links: [{ ...good.links[0], suppliers: [] }] }),
      'invalid',
      /links\.0\.suppliers/,
    ],
    [
      'an unknown stock kind in history',
      () => fileOf({ ...good, history: [{ ...good.history![0], stock: { kind: 'plenty' } }] } as unknown as Backup),
      'invalid',
      /history\.0\.stock/,
    ],
    ['a listing linked twice', () => fileOf({ ...good, links: [good.links[0], good.links[0]] }), 'invalid', /twice/],
    [
      'settings out of range',
      () => fileOf({ ...good, settings: { ...good.settings, freshnessHours: -1 } }),
      'invalid',
      /settings\.freshnessHours/,
    ],
  ])('%s', (_, file, problem, detail) => {
    const result = parseBackup(file());
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });
});
