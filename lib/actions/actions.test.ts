// Channel actions against the fake stores: a pending row before any API call, snapshots stored before the
// write, exact restores, errors in words with nothing changed, pending rows a killed worker left, and the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LISTING_PRODUCT, linkRow, listingReading, supplierReading, T0 } from '../../tests/factories';
import {
  ACCESS_TOKEN,
  SHOP,
  SHOP_FLOOR,
  type ShopifyFake,
  startShopifyFake,
  VARIANT_TRACKED,
  VARIANT_UNTRACKED,
  WAREHOUSE,
} from '../../tests/fakes/shopify';
import {
  CONSUMER_KEY,
  CONSUMER_SECRET,
  SIMPLE_ID,
  startWooFake,
  WOO_HOST,
  WOO_SITE,
} from '../../tests/fakes/woocommerce';
import { createChannels } from '../channels';
import { type ActionRow, OversellDb } from '../db';
import { exact } from '../extract/stock';
import { ingestReading, reassess } from '../ingest';
import { DEFAULT_SETTINGS, type Settings } from '../model';
import { pauseAllCritical } from './bulk';
import { ACTION_MESSAGE_KEYS, type ActionDeps } from './deps';
import { resolvePending } from './pending';
import { runRules } from './rules';
import { pauseListing, resumeListing } from './run';
import { loadActionState } from './state';

const LISTING = `${LISTING_PRODUCT}:${VARIANT_TRACKED}`;
const UNTRACKED = `${LISTING_PRODUCT}:${VARIANT_UNTRACKED}`;
const OFFER = 'aliexpress:1005006512345678:1';
const SHOPIFY_CREDS = { kind: 'token', shop: SHOP, accessToken: ACCESS_TOKEN };

let fake: ShopifyFake;
let db: OversellDb;
let deps: ActionDeps;
let settings: Settings;
let clock: number;
/** What the `actions` table held when each request left, to prove the pending row comes first. */
let rowsAtRequest: ActionRow[][];
let n = 0;

beforeEach(async () => {
  fake = await startShopifyFake();
  db = new OversellDb(`actions-test-${n++}`);
  await db.open();
  settings = structuredClone(DEFAULT_SETTINGS);
  clock = T0 + 60_000;
  rowsAtRequest = [];
  const channels = createChannels({
    testBaseUrl: fake.url,
    sleep: async () => {},
    fetch: async (input, init) => {
      rowsAtRequest.push(await db.actions.toArray());
      return fetch(input, init);
    },
  });
  deps = {
    db,
    channel: async (id) => channels[id],
    credentials: async (id) => (id === 'shopify' ? SHOPIFY_CREDS : undefined),
    canReach: async () => true,
    settings: async () => settings,
    now: () => clock,
    onChanged: vi.fn(async () => {}),
  };
  // The supplier is out; the listing sells 10 (7 + 3 on the fake): oversell risk.
  await ingestReading(db, supplierReading([{ id: '1', stock: { kind: 'outOfStock' } }]), settings, T0);
  await ingestReading(db, listingReading([{ id: VARIANT_TRACKED, stock: exact(10) }]), settings, T0);
  await link(LISTING);
});

afterEach(async () => {
  await fake.close();
  db.close();
});

async function link(listingKey: string) {
  await db.links.put(linkRow(listingKey, [OFFER]));
  await reassess(db, [listingKey], settings, T0);
}

const done = async (started: Awaited<ReturnType<typeof pauseListing>>) => {
  if (!started.ok) throw new Error(`refused: ${started.refusal.words.key}`);
  return started.row;
};
const mutations = () => fake.requests.filter((r) => r.body.includes('SetAvailable'));

describe('pause and resume through the channel', () => {
  it('writes a pending row before the first request, stores the snapshot, and sets 0 at every stocked location', async () => {
    expect((await db.assessments.get(LISTING))?.status).toBe('oversell-risk');
    const row = await done(await pauseListing(deps, LISTING, 'seller'));

    expect(rowsAtRequest[0]).toEqual([
      expect.objectContaining({ listingKey: LISTING, kind: 'pause', result: 'pending', by: 'seller' }),
    ]);
    expect(rowsAtRequest[0][0].before).toBeUndefined();
    // The write went out with the snapshot already stored on the row.
    const atWrite = rowsAtRequest[fake.requests.indexOf(mutations()[0])];
    expect(atWrite[0].before).toMatchObject({ levels: expect.any(Array) });

    expect(row).toMatchObject({ result: 'done', strategy: 'quantity-zero', by: 'seller', notes: [] });
    expect(row.before).toMatchObject({
      tracked: true,
      inventoryPolicy: 'DENY',
      levels: [
        { locationName: 'Warehouse', available: 7 },
        { locationName: 'Shop floor', available: 3 },
        { locationName: 'Pop-up', available: 0 },
      ],
    });
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });
    const quantities = (mutations()[0].json as { variables: { input: { quantities: unknown[] } } }).variables.input
      .quantities;
    expect(quantities).toEqual([
      expect.objectContaining({ locationId: WAREHOUSE, quantity: 0, changeFromQuantity: 7 }),
      expect.objectContaining({ locationId: SHOP_FLOOR, quantity: 0, changeFromQuantity: 3 }),
    ]);
    // The channel's answer is the listing's newest state: no longer a risk, and the badge is told.
    expect(await db.latest.get(LISTING)).toMatchObject({ stock: exact(0), status: 'active', via: 'api' });
    expect((await db.assessments.get(LISTING))?.status).toBe('ok');
    expect(deps.onChanged).toHaveBeenCalledWith([expect.objectContaining({ listingKey: LISTING, status: 'ok' })]);
    expect((await loadActionState(db, LISTING)).paused?.id).toBe(row.id);
  });

  it('resumes to exactly the snapshot: 7 and 3', async () => {
    await done(await pauseListing(deps, LISTING, 'seller'));
    const row = await done(await resumeListing(deps, LISTING, 'seller'));
    expect(row).toMatchObject({ kind: 'resume', result: 'done', strategy: 'quantity-zero' });
    expect(row.before).toMatchObject({ levels: [{ available: 0 }, { available: 0 }, { available: 0 }] });
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    expect(await db.latest.get(LISTING)).toMatchObject({ stock: exact(10), via: 'api' });
    expect((await db.assessments.get(LISTING))?.status).toBe('oversell-risk');
    expect((await loadActionState(db, LISTING)).paused).toBeUndefined();
  });

  it('refuses to resume a listing someone changed while paused, changes nothing, and lets go of the pause', async () => {
    await done(await pauseListing(deps, LISTING, 'seller'));
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, 5);
    const row = await done(await resumeListing(deps, LISTING, 'seller'));
    expect(row).toMatchObject({
      result: 'failed',
      failure: {
        code: 'conflict',
        words: { key: 'channelErrorResumeConflict', subs: ['Shopify', expect.any(String)] },
      },
    });
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 5, 'Shop floor': 0, 'Pop-up': 0 });
    const state = await loadActionState(db, LISTING);
    expect(state.paused).toBeUndefined();
    expect(state.failed?.id).toBe(row.id);
  });

  it('says reconnect on a 401 and changes nothing', async () => {
    fake.fail('unauthorized');
    const row = await done(await pauseListing(deps, LISTING, 'seller'));
    expect(row).toMatchObject({
      result: 'failed',
      failure: { code: 'auth', words: { key: 'channelErrorAuth', subs: ['Shopify'] } },
    });
    expect(row.before).toBeUndefined();
    expect(mutations()).toHaveLength(0);
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    expect(await db.latest.get(LISTING)).toMatchObject({ stock: exact(10), via: 'page' });
  });

  it('tells the truth when quantity 0 would not stop sales (untracked variant): refused in words, nothing written', async () => {
    await ingestReading(db, listingReading([{ id: VARIANT_UNTRACKED }]), settings, T0);
    await link(UNTRACKED);
    const row = await done(await pauseListing(deps, UNTRACKED, 'seller'));
    expect(row.failure).toMatchObject({ code: 'refused', words: { key: 'channelErrorUntracked' } });
    expect(mutations()).toHaveLength(0);
  });

  it('starts nothing without a connection, for a channel without an API, or while paused', async () => {
    expect(await pauseListing(deps, 'walmart-listing:1:default', 'seller')).toMatchObject({
      ok: false,
      refusal: { reason: 'no-api' },
    });
    deps.credentials = async () => undefined;
    expect(await pauseListing(deps, LISTING, 'seller')).toMatchObject({
      ok: false,
      refusal: { reason: 'not-connected', words: { key: 'actionNotConnected', subs: ['Shopify'] } },
    });
    expect(await db.actions.count()).toBe(0);
    deps.credentials = async () => SHOPIFY_CREDS;
    await done(await pauseListing(deps, LISTING, 'seller'));
    expect(await pauseListing(deps, LISTING, 'seller')).toMatchObject({
      ok: false,
      refusal: { reason: 'already-paused' },
    });
  });

  it('runs one action per listing at a time', async () => {
    const [first, second] = await Promise.all([
      pauseListing(deps, LISTING, 'seller'),
      pauseListing(deps, LISTING, 'seller'),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, refusal: { reason: 'busy' } });
  });

  it('pauses and resumes a WooCommerce product, backorders included', async () => {
    const woo = await startWooFake();
    try {
      const channels = createChannels({ testBaseUrl: woo.url, sleep: async () => {} });
      deps.channel = async (id) => channels[id];
      deps.credentials = async () => ({
        siteUrl: WOO_SITE,
        consumerKey: CONSUMER_KEY,
        consumerSecret: CONSUMER_SECRET,
      });
      const key = `woocommerce:${WOO_HOST}:${SIMPLE_ID}:default`;
      const paused = await done(await pauseListing(deps, key, 'seller'));
      expect(paused.notes).toEqual([{ key: 'channelNoteBackordersOff', subs: ['WooCommerce'] }]);
      expect(woo.state.products.get(SIMPLE_ID)).toMatchObject({ stock_quantity: 0, backorders: 'no' });
      await done(await resumeListing(deps, key, 'seller'));
      expect(woo.state.products.get(SIMPLE_ID)).toMatchObject({ stock_quantity: 7, backorders: 'notify' });
    } finally {
      await woo.close();
    }
  });
});

describe('a worker killed mid-action', () => {
  /** A row as a dead worker left it: pending, snapshot stored, the write sent or not. */
  async function leavePending(kind: 'pause' | 'resume', before?: unknown) {
    return (await db.actions.add({
      listingKey: LISTING,
      kind,
      at: T0,
      by: 'seller',
      result: 'pending',
      strategy: 'quantity-zero',
      before,
    })) as number;
  }
  const snapshotNow = async () => {
    const channel = await deps.channel('shopify');
    const ref = channel.parseKey(LISTING);
    if (!ref.ok) throw new Error('key');
    const snap = await channel.snapshot(ref.value, SHOPIFY_CREDS);
    if (!snap.ok) throw new Error('snapshot');
    return snap.value;
  };

  it('marks a pause done when the listing shows it took effect', async () => {
    const before = await snapshotNow();
    const id = await leavePending('pause', before);
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, 0);
    fake.setAvailable(VARIANT_TRACKED, SHOP_FLOOR, 0);
    expect(await resolvePending(deps, clock)).toBe(1);
    expect(await db.actions.get(id)).toMatchObject({ result: 'done', before, after: { levels: expect.any(Array) } });
    expect((await loadActionState(db, LISTING)).paused?.id).toBe(id);
    expect((await db.latest.get(LISTING))?.stock).toEqual(exact(0));
  });

  it('marks it failed, "interrupted, try again", when the write did not land', async () => {
    const id = await leavePending('pause', await snapshotNow());
    await resolvePending(deps, clock);
    expect(await db.actions.get(id)).toMatchObject({
      result: 'failed',
      failure: { code: 'interrupted', words: { key: 'actionInterrupted', subs: ['Shopify'] } },
    });
  });

  it('knows nothing was sent when no snapshot was stored, without asking the store', async () => {
    const id = await leavePending('pause');
    const sent = fake.requests.length;
    await resolvePending(deps, clock);
    expect((await db.actions.get(id))?.failure?.code).toBe('interrupted');
    expect(fake.requests.length).toBe(sent);
  });

  it('marks a resume done when the listing is back as the pause found it', async () => {
    await done(await pauseListing(deps, LISTING, 'seller'));
    const id = await leavePending('resume', await snapshotNow());
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, 7);
    fake.setAvailable(VARIANT_TRACKED, SHOP_FLOOR, 3);
    await resolvePending(deps, clock);
    expect((await db.actions.get(id))?.result).toBe('done');
    expect((await loadActionState(db, LISTING)).paused).toBeUndefined();
  });

  it('leaves rows of the running worker alone', async () => {
    const id = await leavePending('pause');
    expect(await resolvePending(deps, T0)).toBe(0);
    expect((await db.actions.get(id))?.result).toBe('pending');
  });
});

describe('rules', () => {
  const risk = async () => (await db.assessments.get(LISTING))!;

  it('do nothing while off (the default)', async () => {
    await runRules(deps, [await risk()]);
    expect(await db.actions.count()).toBe(0);
  });

  it('pause on oversell risk and resume on restock, by rule, when on for the channel', async () => {
    settings.autoPause.shopify = true;
    settings.autoResume.shopify = true;
    await runRules(deps, [await risk()]);
    expect(await db.actions.toArray()).toEqual([
      expect.objectContaining({ kind: 'pause', by: 'rule', result: 'done' }),
    ]);
    clock += 60_000;
    const changed = await ingestReading(db, supplierReading([{ id: '1', stock: exact(50) }], clock), settings, clock);
    expect(changed.changed).toEqual([expect.objectContaining({ listingKey: LISTING, status: 'restock' })]);
    await runRules(deps, changed.changed);
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    expect((await db.actions.toArray()).map((r) => `${r.kind} ${r.by} ${r.result}`)).toEqual([
      'pause rule done',
      'resume rule done',
    ]);
  });

  it('stop at the daily cap and say so on the listing', async () => {
    settings.autoPause.shopify = true;
    settings.autoDailyCap = 1;
    await db.actions.add({
      listingKey: 'shopify:acme-goods:1:2',
      kind: 'pause',
      at: clock - 3600_000,
      by: 'rule',
      result: 'done',
    });
    await runRules(deps, [await risk()]);
    expect(mutations()).toHaveLength(0);
    expect((await loadActionState(db, LISTING)).failed).toMatchObject({
      by: 'rule',
      failure: { code: 'capped', words: { key: 'actionRuleCapped', subs: ['Shopify', '1'] } },
    });
  });

  it('log a rule that cannot act because the channel is not connected', async () => {
    settings.autoPause.shopify = true;
    deps.credentials = async () => undefined;
    await runRules(deps, [await risk()]);
    expect((await loadActionState(db, LISTING)).failed?.failure?.code).toBe('not-connected');
  });
});

describe('pause all critical', () => {
  it('pauses each critical listing on a connected channel, and counts the rest as skipped', async () => {
    await db.assessments.put({ ...(await db.assessments.get(LISTING))!, listingKey: 'walmart-listing:9:default' });
    const keepAlive = vi.fn(async () => {});
    expect(await pauseAllCritical(deps, keepAlive)).toEqual({ paused: 1, failed: 0, skipped: 1 });
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });
    expect(keepAlive).toHaveBeenCalledOnce();
  });
});

describe('action words', () => {
  it.each(['en', 'zh_CN'])('every key an action stores has a message in %s', (lang) => {
    const path = join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`);
    const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>;
    expect(ACTION_MESSAGE_KEYS.filter((key) => !messages[key]?.message)).toEqual([]);
  });
});
