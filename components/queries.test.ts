import { beforeEach, describe, expect, it } from 'vitest';
import { type LatestRow, OversellDb, toLinkRow } from '@/lib/db';
import { type Assessment, SEVERITY_OF, type Status } from '@/lib/model';
import { T0 } from '@/tests/factories';
import {
  channelOf,
  loadProblemHead,
  loadProblemIndex,
  loadProblemRows,
  loadSupplierSites,
  NO_FILTER,
  siteOf,
} from './queries';

let db: OversellDb;
let n = 0;

const assessed = (listingKey: string, status: Status, changedAt: number, offerKey?: string): Assessment => ({
  listingKey,
  status,
  severity: SEVERITY_OF[status],
  findings:
    status === 'unlinked'
      ? []
      : [{ status, severity: SEVERITY_OF[status], offerKey, facts: {}, evidence: ['text:Sold out'] }],
  assessedAt: T0,
  changedAt,
});

const listing = (key: string, title: string, sku?: string): LatestRow => ({
  key,
  productKey: key.split(':').slice(0, 3).join(':'),
  adapterId: 'shopify-admin',
  role: 'listing',
  url: 'https://admin.shopify.com/store/acme/products/1',
  productTitle: title,
  label: 'Blue / M',
  sku,
  options: {},
  stock: { kind: 'exact', qty: 4 },
  status: 'active',
  evidence: [],
  observedAt: T0,
  via: 'page',
  presence: 'present',
  historyCount: 1,
});

const link = (listingKey: string, offerKey: string) =>
  toLinkRow({ listingKey, suppliers: [{ offerKey, priority: 0, unitsPerSale: 1 }], createdAt: T0, updatedAt: T0 });

beforeEach(async () => {
  db = new OversellDb(`queries-test-${n++}`);
  await db.open();
  await db.assessments.bulkPut([
    assessed('shopify:acme:1:1', 'oversell-risk', T0 - 5000, 'aliexpress:100:1'),
    assessed('shopify:acme:1:2', 'oversell-risk', T0 - 1000, 'temu:200:1'),
    assessed('etsy-listing:9:default', 'variant-missing', T0 - 3000, 'shopify-store:shop.example.com:5:1'),
    assessed('shopify:acme:1:3', 'stale', T0 - 2000, 'aliexpress:100:2'),
    assessed('shopify:acme:1:4', 'restock', T0 - 4000, 'aliexpress:100:3'),
    assessed('shopify:acme:1:5', 'unlinked', T0),
    assessed('shopify:acme:1:6', 'ok', T0),
  ]);
  await db.links.bulkPut([
    link('shopify:acme:1:1', 'aliexpress:100:1'),
    link('shopify:acme:1:2', 'temu:200:1'),
    link('etsy-listing:9:default', 'shopify-store:shop.example.com:5:1'),
    link('shopify:acme:1:3', 'aliexpress:100:2'),
    link('shopify:acme:1:4', 'aliexpress:100:3'),
  ]);
  await db.latest.bulkPut([
    listing('shopify:acme:1:1', 'Trail Backpack', 'TB-40-BLUE'),
    listing('shopify:acme:1:2', 'Linen Beach Shirt'),
    listing('shopify:acme:1:3', 'Trail Backpack Mini'),
  ]);
});

describe('loadProblemIndex', () => {
  it('groups by severity, newest change first, leaving out unlinked and ok listings', async () => {
    const index = await loadProblemIndex(db, NO_FILTER, T0, false);
    expect(index.keys).toEqual({
      critical: ['shopify:acme:1:2', 'etsy-listing:9:default', 'shopify:acme:1:1'],
      warning: ['shopify:acme:1:3'],
      info: ['shopify:acme:1:4'],
    });
    expect(index).toMatchObject({ open: 5, setAside: 0, unlinked: 1, channels: ['etsy-listing', 'shopify'] });
  });

  it('hides set-aside problems until asked, and shows them again when their status changes', async () => {
    await db.snoozes.bulkPut([
      { listingKey: 'shopify:acme:1:1', status: 'oversell-risk', kind: 'acknowledge', at: T0 },
      { listingKey: 'shopify:acme:1:3', status: 'stale', kind: 'snooze', until: T0 + 60_000, at: T0 },
      // Snoozed as stale, but it became an oversell risk since: it needs the seller again.
      { listingKey: 'shopify:acme:1:2', status: 'stale', kind: 'snooze', at: T0 },
    ]);
    const hidden = await loadProblemIndex(db, NO_FILTER, T0, false);
    expect(hidden.keys).toEqual({
      critical: ['shopify:acme:1:2', 'etsy-listing:9:default'],
      warning: [],
      info: ['shopify:acme:1:4'],
    });
    expect(hidden).toMatchObject({ open: 3, setAside: 2 });
    const shown = await loadProblemIndex(db, NO_FILTER, T0, true);
    expect(shown.keys.critical).toEqual(['shopify:acme:1:2', 'etsy-listing:9:default', 'shopify:acme:1:1']);
    // The snooze of one minute is over.
    const later = await loadProblemIndex(db, NO_FILTER, T0 + 60_000, false);
    expect(later.keys.warning).toEqual(['shopify:acme:1:3']);
  });

  it('filters by channel, supplier site, status and words, together', async () => {
    const keys = async (filter: Partial<typeof NO_FILTER>) =>
      Object.values((await loadProblemIndex(db, { ...NO_FILTER, ...filter }, T0, false)).keys).flat();
    expect(await keys({ channel: 'etsy-listing' })).toEqual(['etsy-listing:9:default']);
    expect(await keys({ site: 'aliexpress' })).toEqual(['shopify:acme:1:1', 'shopify:acme:1:3', 'shopify:acme:1:4']);
    expect(await keys({ site: 'shopify-store:shop.example.com' })).toEqual(['etsy-listing:9:default']);
    expect(await keys({ status: 'oversell-risk' })).toEqual(['shopify:acme:1:2', 'shopify:acme:1:1']);
    expect(await keys({ search: '  trail BACKPACK ' })).toEqual(['shopify:acme:1:1', 'shopify:acme:1:3']);
    expect(await keys({ search: 'tb-40' })).toEqual(['shopify:acme:1:1']);
    expect(await keys({ search: 'trail', status: 'stale', site: 'aliexpress' })).toEqual(['shopify:acme:1:3']);
    expect(await keys({ search: 'nothing like it' })).toEqual([]);
  });
});

describe('loadProblemRows', () => {
  it('reads the rows on screen only, with their listing, link, suppliers and live snooze', async () => {
    await db.snoozes.put({ listingKey: 'shopify:acme:1:1', status: 'oversell-risk', kind: 'acknowledge', at: T0 });
    const rows = await loadProblemRows(db, ['shopify:acme:1:1', 'shopify:acme:1:9'], T0);
    expect([...rows.keys()]).toEqual(['shopify:acme:1:1']);
    const row = rows.get('shopify:acme:1:1')!;
    expect(row.listing?.productTitle).toBe('Trail Backpack');
    expect(row.link?.offerKeys).toEqual(['aliexpress:100:1']);
    expect(Object.keys(row.offers)).toEqual(['aliexpress:100:1']);
    expect(row.setAside?.kind).toBe('acknowledge');
  });
});

describe('supplier sites and channels', () => {
  it('names a site by its adapter, and by its host for shops any site can run', () => {
    expect(siteOf('aliexpress:1005001234:14:193#Blue')).toBe('aliexpress');
    expect(siteOf('shopify-store:shop.example.com:5:1')).toBe('shopify-store:shop.example.com');
    expect(channelOf('etsy-listing:9:default')).toBe('etsy-listing');
  });

  it('lists the sites the links use, once each', async () => {
    await db.links.put(link('shopify:acme:1:7', 'aliexpress:300:1'));
    expect(await loadSupplierSites(db)).toEqual(['aliexpress', 'shopify-store:shop.example.com', 'temu']);
  });
});

describe('loadProblemHead', () => {
  it('gives the newest few of each severity for the first screen, without counting', async () => {
    await db.snoozes.put({ listingKey: 'shopify:acme:1:2', status: 'oversell-risk', kind: 'acknowledge', at: T0 });
    const head = await loadProblemHead(db, T0, 1);
    expect(head.keys).toEqual({
      critical: ['etsy-listing:9:default'],
      warning: ['shopify:acme:1:3'],
      info: ['shopify:acme:1:4'],
    });
    expect(head.complete).toBe(false);
  });
});
