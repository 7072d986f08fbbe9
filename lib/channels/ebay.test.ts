// Contract tests: the eBay client against a local fake of the Sell Inventory API (tests/fakes/ebay.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../tests/channel-result';
import {
  EBAY_ACCESS_TOKEN,
  EBAY_CLIENT_ID,
  EBAY_CLIENT_SECRET,
  EBAY_REFRESH_TOKEN,
  type EbayFake,
  ITEM_CANDLE,
  ITEM_MUG,
  ITEM_MUG_UK,
  ITEM_SELLER_HUB,
  ITEM_TEE,
  OFFER_MUG_UK,
  OFFER_MUG_US,
  SCOPE,
  SKU_CANDLE,
  SKU_MUG,
  SKU_TEE_M,
  startEbayFake,
} from '../../tests/fakes/ebay';
import { createEbayChannel } from './ebay';
import type { EbaySnapshot } from './ebay-schemas';
import type { Channel, ChannelOptions, ListingRef } from './types';

const TOKEN_CREDS = { kind: 'token', accessToken: EBAY_ACCESS_TOKEN, outOfStockControl: true };
const REFRESH_CREDS = {
  kind: 'refresh-token',
  clientId: EBAY_CLIENT_ID,
  clientSecret: EBAY_CLIENT_SECRET,
  refreshToken: EBAY_REFRESH_TOKEN,
  outOfStockControl: true,
};
const CANDLE_KEY = `ebay-listing:${ITEM_CANDLE}:default`;
const MUG_KEY = `ebay-listing:${ITEM_MUG}:default`;
const TEE_M_KEY = `ebay-listing:${ITEM_TEE}:${encodeURIComponent(SKU_TEE_M)}`;

let fake: EbayFake;
let clock: number;
let slept: number[];
let channel: Channel<EbaySnapshot>;

const connect = (options: ChannelOptions = {}) =>
  createEbayChannel({ testBaseUrl: fake.url, now: () => clock, sleep: async (ms) => void slept.push(ms), ...options });

beforeEach(async () => {
  fake = await startEbayFake();
  clock = Date.UTC(2026, 10, 26, 12);
  slept = [];
  channel = connect();
});
afterEach(() => fake.close());

const candle = (): ListingRef => value(channel.parseKey(CANDLE_KEY, { sku: SKU_CANDLE }));
const mug = (): ListingRef => value(channel.parseKey(MUG_KEY, { sku: SKU_MUG }));
const snapshot = async (ref = candle(), creds: unknown = TOKEN_CREDS) => value(await channel.snapshot(ref, creds));
const bulks = () => fake.requests.filter((r) => r.path.endsWith('/bulk_update_price_quantity'));

describe('eBay listing keys', () => {
  it('takes the SKU of a listing without variations from what Seller Hub showed, of a variation from its key', () => {
    expect(candle()).toEqual({
      channel: 'ebay',
      listingKey: CANDLE_KEY,
      store: '',
      productId: ITEM_CANDLE,
      variantId: null,
      sku: SKU_CANDLE,
    });
    expect(value(channel.parseKey(TEE_M_KEY))).toMatchObject({
      productId: ITEM_TEE,
      variantId: SKU_TEE_M,
      sku: SKU_TEE_M,
    });
    expect(value(channel.parseKey(TEE_M_KEY, { sku: 'TEE-M-NEW' })).sku).toBe('TEE-M-NEW');
  });

  it('refuses a listing without variations whose SKU it has not seen, saying where to read it', () => {
    expect(failure(channel.parseKey(CANDLE_KEY))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorEbayNeedsSku', subs: ['eBay'] },
    });
    expect(failure(channel.parseKey(CANDLE_KEY, { sku: '   ' })).words.key).toBe('channelErrorEbayNeedsSku');
  });

  it('does not take option values for a SKU: a variation read without a custom label is refused', () => {
    // Seller Hub keys a listing's variations by their option values when one of them shows no custom label.
    const byOptions = `ebay-listing:${ITEM_TEE}:${encodeURIComponent('Blue|M')}`;
    expect(failure(channel.parseKey(byOptions, {})).words.key).toBe('channelErrorEbayNeedsSku');
    expect(value(channel.parseKey(byOptions, { sku: SKU_TEE_M })).sku).toBe(SKU_TEE_M);
  });

  it('says a draft is not on sale', () => {
    expect(failure(channel.parseKey('ebay-listing:draft-5512345678:default', { sku: 'X' })).words.key).toBe(
      'channelErrorEbayDraft',
    );
  });

  it.each([
    'shopify:acme:1:2',
    `ebay-listing:${ITEM_CANDLE}`,
    'ebay-listing:12ab:default',
    `ebay-listing:${ITEM_CANDLE}:default:extra`,
  ])('refuses %s in words', (key) => {
    expect(failure(channel.parseKey(key, { sku: 'X' }))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorKey' },
    });
  });
});

describe('eBay snapshot', () => {
  it('reads the ship-to-home quantity and every published offer of the SKU, with the Bearer token', async () => {
    expect(await snapshot(mug())).toEqual({
      channel: 'ebay',
      itemId: ITEM_MUG,
      sku: SKU_MUG,
      takenAt: clock,
      shipToHome: 9,
      offers: [
        {
          offerId: OFFER_MUG_US,
          marketplaceId: 'EBAY_US',
          listingId: ITEM_MUG,
          listingStatus: 'ACTIVE',
          availableQuantity: 5,
        },
        {
          offerId: OFFER_MUG_UK,
          marketplaceId: 'EBAY_GB',
          listingId: ITEM_MUG_UK,
          listingStatus: 'ACTIVE',
          availableQuantity: null,
        },
      ],
    });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/sell/inventory/v1/inventory_item/MUG-BLUE',
      '/sell/inventory/v1/offer?sku=MUG-BLUE',
    ]);
    expect(fake.requests[0].headers.authorization).toBe(`Bearer ${EBAY_ACCESS_TOKEN}`);
  });

  it('leaves unpublished offers out: they are no listing', async () => {
    expect((await snapshot()).offers.map((o) => o.marketplaceId)).toEqual(['EBAY_US']);
  });

  it('says in words that a listing made in Seller Hub cannot be changed through the Inventory API', async () => {
    const sellerHub = value(channel.parseKey(`ebay-listing:${ITEM_SELLER_HUB}:default`, { sku: 'LAMP-9' }));
    expect(failure(await channel.snapshot(sellerHub, TOKEN_CREDS))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorEbayNotInventoryApi', subs: ['eBay', 'LAMP-9'] },
    });
    // The custom label names an inventory item, but not the one behind this listing.
    const reused = value(channel.parseKey(`ebay-listing:${ITEM_SELLER_HUB}:default`, { sku: SKU_CANDLE }));
    expect(failure(await channel.snapshot(reused, TOKEN_CREDS)).words.key).toBe('channelErrorEbayNotInventoryApi');
  });

  it('calls an answer of an unknown shape unexpected', async () => {
    fake.fail('malformed');
    expect(failure(await channel.snapshot(candle(), TOKEN_CREDS))).toMatchObject({
      code: 'unexpected',
      words: { key: 'channelErrorUnexpected' },
    });
  });
});

describe('eBay pause and resume', () => {
  it('writes 0 in one bulk update, keeps the listing alive (out of stock), and resume restores 7 exactly', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS));
    expect(bulks().map((r) => r.json)).toEqual([
      { requests: [{ sku: SKU_CANDLE, shipToLocationAvailability: { quantity: 0 }, offers: [] }] },
    ]);
    expect(fake.state.items.get(SKU_CANDLE)).toBe(0);
    expect(fake.listingStatus('5004001')).toBe('OUT_OF_STOCK');
    expect(paused).toMatchObject({ strategy: 'quantity-zero', before, notes: [] });
    expect(paused.after.shipToHome).toBe(0);

    const resumed = value(await channel.resume(candle(), { strategy: 'quantity-zero', before }, TOKEN_CREDS));
    expect(bulks()[1].json).toEqual({
      requests: [{ sku: SKU_CANDLE, shipToLocationAvailability: { quantity: 7 }, offers: [] }],
    });
    expect(resumed).toEqual({ after: before, notes: [] });
    expect(fake.listingStatus('5004001')).toBe('ACTIVE');
  });

  it("sets an offer's own cap to 0 and back, leaves an uncapped offer uncapped, and says other sites pause too", async () => {
    const before = await snapshot(mug());
    const paused = value(await channel.pause(mug(), before, 'quantity-zero', TOKEN_CREDS));
    expect(bulks()[0].json).toEqual({
      requests: [
        {
          sku: SKU_MUG,
          shipToLocationAvailability: { quantity: 0 },
          offers: [{ offerId: OFFER_MUG_US, availableQuantity: 0 }],
        },
      ],
    });
    expect([fake.shown(OFFER_MUG_US), fake.shown(OFFER_MUG_UK)]).toEqual([0, 0]);
    expect(paused.notes).toEqual([{ key: 'channelNoteEbayOtherSites', subs: ['eBay', '1'] }]);

    value(await channel.resume(mug(), { strategy: 'quantity-zero', before }, TOKEN_CREDS));
    expect(fake.state.items.get(SKU_MUG)).toBe(9);
    expect(fake.state.offers.get(OFFER_MUG_US)?.availableQuantity).toBe(5);
    expect(fake.state.offers.get(OFFER_MUG_UK)?.availableQuantity).toBeUndefined();
    expect([fake.shown(OFFER_MUG_US), fake.shown(OFFER_MUG_UK)]).toEqual([5, 9]);
  });

  it('pauses one variation by its SKU, leaving its siblings selling', async () => {
    const tee = value(channel.parseKey(TEE_M_KEY));
    value(await channel.pause(tee, await snapshot(tee), 'quantity-zero', TOKEN_CREDS));
    expect(fake.state.items.get(SKU_TEE_M)).toBe(0);
    expect(fake.state.items.get('TEE-BLUE-L')).toBe(2);
    expect(fake.listingStatus('5006001')).toBe('OUT_OF_STOCK');
  });

  it('refuses to pause without out-of-stock control, since eBay would end the listing: nothing is written', async () => {
    const error = failure(
      await channel.pause(candle(), await snapshot(), 'quantity-zero', { ...TOKEN_CREDS, outOfStockControl: false }),
    );
    expect(error).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorEbayOutOfStockControl', subs: ['eBay'] },
    });
    expect(bulks()).toHaveLength(0);
  });

  it('refuses "deactivate": withdrawing an offer ends the listing', async () => {
    const error = failure(await channel.pause(candle(), await snapshot(), 'deactivate', TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorEbayNoDeactivate' } });
    expect(bulks()).toHaveLength(0);
    expect(channel.pauseStrategies).toEqual(['quantity-zero']);
  });

  it('says so when eBay ended the listing anyway, and then refuses to resume it', async () => {
    fake.state.outOfStockControl = false;
    const before = await snapshot();
    const paused = value(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteEbayEnded', subs: ['eBay'] }]);
    expect(paused.after.offers[0].listingStatus).toBe('ENDED');
    const error = failure(await channel.resume(candle(), { strategy: 'quantity-zero', before }, TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorListingEnded' } });
    expect(bulks()).toHaveLength(1);
  });

  it('has nothing to change when the SKU already has nothing to ship', async () => {
    fake.state.items.set(SKU_CANDLE, 0);
    const paused = value(await channel.pause(candle(), await snapshot(), 'quantity-zero', TOKEN_CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteNothingToChange', subs: ['eBay'] }]);
    expect(bulks()).toHaveLength(0);
  });

  it('refuses to pause on a stale snapshot (a sale since): nothing is written', async () => {
    const before = await snapshot();
    fake.state.items.set(SKU_CANDLE, 6);
    expect(failure(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorPauseConflict', subs: ['eBay', 'quantity 7 → 6'] },
    });
    expect(bulks()).toHaveLength(0);
  });

  it('refuses to resume, changing nothing, when someone restocked the paused listing', async () => {
    const before = await snapshot(mug());
    value(await channel.pause(mug(), before, 'quantity-zero', TOKEN_CREDS));
    fake.state.items.set(SKU_MUG, 3);
    expect(failure(await channel.resume(mug(), { strategy: 'quantity-zero', before }, TOKEN_CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorResumeConflict', subs: ['eBay', 'quantity 0 → 3'] },
    });
    expect(bulks()).toHaveLength(1);
    expect(fake.state.items.get(SKU_MUG)).toBe(3);
  });

  it('refuses a snapshot of another listing instead of writing from it', async () => {
    const before = await snapshot(mug());
    expect(failure(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS)).words.key).toBe(
      'channelErrorBadSnapshot',
    );
    expect(bulks()).toHaveLength(0);
  });
});

describe('eBay multi-status answers', () => {
  it('names the offer that failed when eBay applied the rest (207), so the seller checks the listing', async () => {
    fake.state.reject.set(OFFER_MUG_US, { statusCode: 500, errorId: 25001, message: 'A system error has occurred.' });
    const error = failure(await channel.pause(mug(), await snapshot(mug()), 'quantity-zero', TOKEN_CREDS));
    expect(error).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorPartial', subs: ['eBay', `offer ${OFFER_MUG_US}: A system error has occurred.`] },
    });
    expect(error.detail).toContain('changed quantity 9 → 0');
    expect(bulks()).toHaveLength(1);
  });

  it('passes a refusal of the whole SKU on in words, and nothing changed', async () => {
    fake.state.reject.set(SKU_CANDLE, { statusCode: 400, errorId: 25002, message: 'The listing is under review.' });
    const answer = failure(await channel.pause(candle(), await snapshot(), 'quantity-zero', TOKEN_CREDS));
    expect(answer).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorRefusedByChannel', subs: ['eBay', `SKU ${SKU_CANDLE}: The listing is under review.`] },
    });
    expect(fake.state.items.get(SKU_CANDLE)).toBe(7);
  });
});

describe('eBay tokens and failures', () => {
  const grants = () => fake.requests.filter((r) => r.path === '/identity/v1/oauth2/token');

  it('exchanges the refresh token for an access token (Basic client auth, sell.inventory scope) and reuses it', async () => {
    await snapshot(candle(), REFRESH_CREDS);
    await snapshot(candle(), REFRESH_CREDS);
    expect(grants()).toHaveLength(1);
    expect(grants()[0].headers.authorization).toBe(`Basic ${btoa(`${EBAY_CLIENT_ID}:${EBAY_CLIENT_SECRET}`)}`);
    expect(Object.fromEntries(new URLSearchParams(grants()[0].body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: EBAY_REFRESH_TOKEN,
      scope: SCOPE,
    });
    clock += 7200_000;
    await snapshot(candle(), REFRESH_CREDS);
    expect(grants()).toHaveLength(2);
  });

  it('fetches a new access token once on a 401 and carries on', async () => {
    await snapshot(candle(), REFRESH_CREDS);
    fake.revokeTokens();
    expect((await snapshot(candle(), REFRESH_CREDS)).shipToHome).toBe(7);
    expect(grants()).toHaveLength(2);
  });

  it('says reconnect when the refresh token is refused, and when the app id or secret is', async () => {
    const expired = { ...REFRESH_CREDS, refreshToken: 'v^1.1#i^1#r^1#revoked_token' };
    expect(failure(await channel.snapshot(candle(), expired))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuth', subs: ['eBay'] },
    });
    const wrongSecret = { ...REFRESH_CREDS, clientSecret: 'PRD-wrong-secret-000' };
    expect(failure(await channel.snapshot(candle(), wrongSecret)).words.key).toBe('channelErrorAuthClient');
  });

  it('says reconnect on a 401 with a pasted token, retrying nothing and changing nothing', async () => {
    const before = await snapshot();
    fake.fail('unauthorized', { match: 'bulk_update' });
    expect(failure(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuth' },
    });
    expect(bulks()).toHaveLength(1);
    expect(fake.state.items.get(SKU_CANDLE)).toBe(7);
  });

  it('names the missing permission on a 403', async () => {
    fake.fail('forbidden');
    expect(failure(await channel.snapshot(candle(), TOKEN_CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorScope', subs: ['eBay', 'Access denied'] },
    });
  });

  it('waits Retry-After after a 429 and retries once', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 2, match: 'bulk_update' });
    value(await channel.pause(candle(), await snapshot(), 'quantity-zero', TOKEN_CREDS));
    expect(slept).toEqual([2000]);
    expect(bulks().map((r) => r.fault)).toEqual(['rate-limit', undefined]);
    expect(fake.state.items.get(SKU_CANDLE)).toBe(0);
  });

  it('backs off on 5xx for reads, and resends the absolute bulk write after a lost answer: it ends the same', async () => {
    fake.fail('server-error', { status: 503, times: 2, match: 'inventory_item/' });
    const before = await snapshot();
    expect(slept).toEqual([500, 1000]);
    fake.fail('drop-after', { match: 'bulk_update' });
    const paused = value(await channel.pause(candle(), before, 'quantity-zero', TOKEN_CREDS));
    expect(bulks().map((r) => r.fault)).toEqual(['drop-after', undefined]);
    expect(bulks()[1].body).toBe(bulks()[0].body);
    expect(paused.after.shipToHome).toBe(0);
  });

  it('gives up with server words after two retries', async () => {
    fake.fail('server-error', { times: 3 });
    expect(failure(await channel.snapshot(candle(), TOKEN_CREDS))).toMatchObject({
      code: 'server',
      words: { key: 'channelErrorServer', subs: ['eBay', 'HTTP 500'] },
    });
  });

  it('tests a connection with one read, and says a damaged connection is damaged', async () => {
    expect(value(await channel.testConnection(TOKEN_CREDS))).toEqual({ storeName: 'eBay' });
    expect(fake.requests.at(-1)?.path).toBe('/sell/inventory/v1/inventory_item?limit=1');
    expect(failure(await channel.testConnection({ kind: 'token', accessToken: EBAY_ACCESS_TOKEN }))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorBadCredentials' },
    });
  });

  it('talks to https://api.ebay.com when no test server is set', async () => {
    const urls: string[] = [];
    const live = createEbayChannel({
      fetch: async (url) => {
        urls.push(String(url));
        return new Response(JSON.stringify({ total: 0 }), { status: 200 });
      },
    });
    value(await live.testConnection(TOKEN_CREDS));
    expect(urls).toEqual(['https://api.ebay.com/sell/inventory/v1/inventory_item?limit=1']);
  });
});
