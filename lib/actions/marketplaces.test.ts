// Pause and resume on the marketplaces, through the worker's action path and the fake channel servers: eBay
// addresses a listing by the SKU its Seller Hub row showed (a `:default` key holds none), a variation read without
// one is refused in words, Etsy pauses the only way it can (deactivate), and its rotated refresh token is stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { linkRow, supplierReading, T0 } from '../../tests/factories';
import {
  EBAY_ACCESS_TOKEN,
  type EbayFake,
  ITEM_CANDLE,
  ITEM_TEE,
  SKU_CANDLE,
  startEbayFake,
} from '../../tests/fakes/ebay';
import {
  ETSY_KEYSTRING,
  ETSY_REFRESH_TOKEN,
  ETSY_SHARED_SECRET,
  ETSY_SHOP_ID,
  type EtsyFake,
  LISTING_MUG,
  startEtsyFake,
} from '../../tests/fakes/etsy';
import { createClient } from '../actions';
import { createChannels } from '../channels';
import type { ChannelId } from '../channels/types';
import { credentialsFor, saveConnection } from '../connections';
import { OversellDb } from '../db';
import { exact } from '../extract/stock';
import { ingestReading, reassess } from '../ingest';
import { DEFAULT_SETTINGS, type Reading, type Settings, type Variant } from '../model';
import type { ActionDeps } from './deps';
import { runRules } from './rules';
import { pauseListing, resumeListing } from './run';

const OFFER = 'aliexpress:1005006512345678:1';
const CANDLE = `ebay-listing:${ITEM_CANDLE}:default`;
/** A variation Seller Hub showed without a custom label: its key holds option values, not a SKU. */
const TEE_BY_OPTIONS = `ebay-listing:${ITEM_TEE}:${encodeURIComponent('Blue|M')}`;
const MUG = `etsy-listing:${LISTING_MUG}:default`;
const EBAY_CREDS = { kind: 'token', accessToken: EBAY_ACCESS_TOKEN, outOfStockControl: true };
const ETSY_CREDS = {
  shopId: ETSY_SHOP_ID,
  keystring: ETSY_KEYSTRING,
  sharedSecret: ETSY_SHARED_SECRET,
  refreshToken: ETSY_REFRESH_TOKEN,
};

let ebay: EbayFake;
let etsy: EtsyFake;
let db: OversellDb;
let deps: ActionDeps;
let settings: Settings;
let n = 0;

/** A seller-central reading of one listing, as the eBay Seller Hub or Etsy adapter gives it. */
function listingRead(adapterId: string, productKey: string, variants: Partial<Variant>[]): Reading {
  return {
    adapterId,
    role: 'listing',
    url: adapterId === 'ebay-seller-hub' ? 'https://www.ebay.com/sh/lst/active' : 'https://www.etsy.com/your/shops/me',
    observedAt: T0,
    via: 'page',
    page: {
      ok: true,
      products: [
        {
          key: productKey,
          title: 'Listing',
          variants: variants.map((v) => ({
            key: `${productKey}:default`,
            label: 'Default',
            options: {},
            stock: exact(7),
            status: 'active',
            evidence: ['dom:test'],
            ...v,
          })),
        },
      ],
      evidence: ['dom:test'],
    },
  };
}

async function linkToSoldOutSupplier(listingKey: string) {
  await db.links.put(linkRow(listingKey, [OFFER]));
  await reassess(db, [listingKey], settings, T0);
}

beforeEach(async () => {
  fakeBrowser.reset();
  ebay = await startEbayFake();
  etsy = await startEtsyFake();
  db = new OversellDb(`marketplaces-test-${n++}`);
  await db.open();
  settings = structuredClone(DEFAULT_SETTINGS);
  const channels = { ebay: createChannels({ testBaseUrl: ebay.url, sleep: async () => {} }).ebay };
  const creds: Partial<Record<ChannelId, unknown>> = { ebay: EBAY_CREDS, etsy: ETSY_CREDS };
  deps = {
    db,
    channel: async (id) => (id === 'ebay' ? channels.ebay : createClient(id, etsy.url)),
    credentials: async (id) => (id === 'etsy' ? credentialsFor('etsy') : creds[id]),
    canReach: async () => true,
    settings: async () => settings,
    now: () => T0 + 60_000,
    onChanged: vi.fn(async () => {}),
  };
  await ingestReading(db, supplierReading([{ id: '1', stock: { kind: 'outOfStock' } }]), settings, T0);
});

afterEach(async () => {
  await ebay.close();
  await etsy.close();
  db.close();
});

const bulkWrites = () => ebay.requests.filter((r) => r.path.endsWith('/bulk_update_price_quantity'));

describe('eBay', () => {
  it('pauses a listing without variations by the SKU its Seller Hub row showed, and resumes it exactly', async () => {
    await ingestReading(
      db,
      listingRead('ebay-seller-hub', `ebay-listing:${ITEM_CANDLE}`, [{ sku: SKU_CANDLE }]),
      settings,
      T0,
    );
    await linkToSoldOutSupplier(CANDLE);
    expect((await db.assessments.get(CANDLE))?.status).toBe('oversell-risk');

    const paused = await pauseListing(deps, CANDLE, 'seller');
    expect(paused).toMatchObject({ ok: true, row: { result: 'done', strategy: 'quantity-zero' } });
    expect(bulkWrites().map((r) => r.json)).toEqual([
      { requests: [{ sku: SKU_CANDLE, shipToLocationAvailability: { quantity: 0 }, offers: [] }] },
    ]);
    expect(ebay.state.items.get(SKU_CANDLE)).toBe(0);
    // What eBay now shows is the listing's newest state: nothing to sell, so no longer a risk.
    expect(await db.latest.get(CANDLE)).toMatchObject({ stock: exact(0), status: 'out_of_stock', via: 'api' });
    expect((await db.assessments.get(CANDLE))?.status).not.toBe('oversell-risk');

    const resumed = await resumeListing(deps, CANDLE, 'seller');
    expect(resumed).toMatchObject({ ok: true, row: { result: 'done' } });
    expect(ebay.state.items.get(SKU_CANDLE)).toBe(7);
    expect(await db.latest.get(CANDLE)).toMatchObject({ stock: exact(7), status: 'active' });
    expect((await db.assessments.get(CANDLE))?.status).toBe('oversell-risk');
  });

  it('refuses a variation Seller Hub showed without a custom label, in words, asking eBay nothing', async () => {
    await ingestReading(
      db,
      listingRead('ebay-seller-hub', `ebay-listing:${ITEM_TEE}`, [{ key: TEE_BY_OPTIONS, label: 'Blue / M' }]),
      settings,
      T0,
    );
    await linkToSoldOutSupplier(TEE_BY_OPTIONS);
    const started = await pauseListing(deps, TEE_BY_OPTIONS, 'seller');
    expect(started).toMatchObject({
      ok: true,
      row: {
        result: 'failed',
        failure: { code: 'refused', words: { key: 'channelErrorEbayNeedsSku', subs: ['eBay'] } },
      },
    });
    expect(ebay.requests).toEqual([]);
  });

  it('pauses by rule when the seller turned the rule on for eBay', async () => {
    await ingestReading(
      db,
      listingRead('ebay-seller-hub', `ebay-listing:${ITEM_CANDLE}`, [{ sku: SKU_CANDLE }]),
      settings,
      T0,
    );
    await linkToSoldOutSupplier(CANDLE);
    const risk = (await db.assessments.get(CANDLE))!;
    await runRules(deps, [risk]);
    expect(bulkWrites()).toEqual([]);
    settings.autoPause.ebay = true;
    await runRules(deps, [risk]);
    expect(await db.actions.toArray()).toEqual([expect.objectContaining({ by: 'rule', result: 'done' })]);
    expect(ebay.state.items.get(SKU_CANDLE)).toBe(0);
  });
});

describe('Etsy', () => {
  beforeEach(async () => {
    await saveConnection({ channel: 'etsy', credentials: ETSY_CREDS }, T0);
    await ingestReading(db, listingRead('etsy-shop-manager', `etsy-listing:${LISTING_MUG}`, [{}]), settings, T0);
    await linkToSoldOutSupplier(MUG);
  });

  it('pauses by deactivating (its only way, with no setting for it) and resumes to active', async () => {
    const paused = await pauseListing(deps, MUG, 'seller');
    expect(paused).toMatchObject({ ok: true, row: { result: 'done', strategy: 'deactivate' } });
    expect(etsy.state.listings.get(LISTING_MUG)?.state).toBe('inactive');
    expect(await db.latest.get(MUG)).toMatchObject({ status: 'inactive', via: 'api' });
    await resumeListing(deps, MUG, 'seller');
    expect(etsy.state.listings.get(LISTING_MUG)?.state).toBe('active');
  });

  it('stores the refresh token Etsy rotated, so the next worker signs in with it', async () => {
    await pauseListing(deps, MUG, 'seller');
    const stored = (await credentialsFor('etsy')) as typeof ETSY_CREDS;
    expect(stored.refreshToken).not.toBe(ETSY_REFRESH_TOKEN);
    expect(etsy.state.refreshTokens.has(stored.refreshToken)).toBe(true);
    // A fresh client (a restarted worker) with only what storage holds can still act.
    deps.channel = async (id) => createClient(id, etsy.url);
    expect(await resumeListing(deps, MUG, 'seller')).toMatchObject({ ok: true, row: { result: 'done' } });
  });
});
