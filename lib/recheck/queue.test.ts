import { beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../tests/factories';
import { OversellDb, type RecheckRow } from '../db';

import { finishClaim } from './queue';

let db: OversellDb;
let n = 0;
const row: RecheckRow = {
  productKey: 'aliexpress:1',
  url: 'https://www.aliexpress.com/item/1.html',
  adapterId: 'aliexpress',
  host: 'www.aliexpress.com',
  dueAt: T0,
  leaseUntil: T0 + 90_000,
  verifiedAt: T0 - 3600_000,
  state: 'ok',
};
const host = { host: 'www.aliexpress.com', nextAllowedAt: T0 };

beforeEach(async () => {
  db = new OversellDb(`recheck-queue-${n++}`);
  await db.open();
  await db.recheck.put(row);
});

describe('finishClaim', () => {
  const verdict: Partial<RecheckRow> = {
    state: 'needs-visit',
    detail: 'client-rendered',
    checkedAt: T0 + 5000,
    dueAt: T0 + 86_400_000,
  };

  it("writes the fetch's verdict and releases the lease", async () => {
    await finishClaim(db, { row, host }, verdict, {});
    const got = await db.recheck.get(row.productKey);
    expect(got).toMatchObject(verdict);
    expect(got?.leaseUntil).toBeUndefined();
  });

  it('keeps the verdict of a tab that read the product while the fetch was in flight', async () => {
    const visited: Partial<RecheckRow> = {
      state: 'ok',
      verifiedAt: T0 + 2000,
      verifiedVia: 'page',
      dueAt: T0 + 3600_000,
    };
    await db.recheck.update(row.productKey, visited);
    await finishClaim(db, { row, host }, verdict, {});
    const got = await db.recheck.get(row.productKey);
    expect(got).toMatchObject({ ...visited, checkedAt: T0 + 5000 });
    expect(got?.leaseUntil).toBeUndefined();
  });
});
