// Contract tests: the Amazon client against a local fake of SP-API Listings Items 2021-08-01 (tests/fakes/amazon.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../tests/channel-result';
import {
  type AmazonFake,
  DE,
  LWA_CLIENT_ID,
  LWA_CLIENT_SECRET,
  LWA_REFRESH_TOKEN,
  SELLER_ID,
  SKU_FBA,
  SKU_OWN,
  SKU_PARENT,
  startAmazonFake,
  US,
} from '../../tests/fakes/amazon';
import { createAmazonChannel } from './amazon';
import type { AmazonSnapshot } from './amazon-schemas';
import type { Channel, ChannelOptions, ListingRef } from './types';

const CREDS = {
  sellerId: SELLER_ID,
  clientId: LWA_CLIENT_ID,
  clientSecret: LWA_CLIENT_SECRET,
  refreshToken: LWA_REFRESH_TOKEN,
  region: 'na',
};
const keyOf = (sku: string, parent = sku, market = US) =>
  `amazon-listing:${market}:${encodeURIComponent(parent)}:${encodeURIComponent(sku)}`;
const OWN_KEY = keyOf(SKU_OWN, SKU_PARENT);

let fake: AmazonFake;
let clock: number;
let slept: number[];
let channel: Channel<AmazonSnapshot>;

const connect = (options: ChannelOptions = {}) =>
  createAmazonChannel({
    testBaseUrl: fake.url,
    now: () => clock,
    sleep: async (ms) => void slept.push(ms),
    ...options,
  });

beforeEach(async () => {
  fake = await startAmazonFake();
  clock = Date.UTC(2026, 10, 26, 12);
  slept = [];
  channel = connect();
});
afterEach(() => fake.close());

const ref = (key = OWN_KEY): ListingRef => value(channel.parseKey(key));
const snapshot = async (key = OWN_KEY) => value(await channel.snapshot(ref(key), CREDS));
const patches = () => fake.requests.filter((r) => r.method === 'PATCH');
const grants = () => fake.requests.filter((r) => r.path === '/auth/o2/token');
const own = (market = US) => fake.item(market, SKU_OWN).fulfillment[0];

describe('Amazon listing keys', () => {
  it('takes apart a variation key and a standalone one, SKUs percent-decoded', () => {
    expect(ref()).toEqual({
      channel: 'amazon',
      listingKey: OWN_KEY,
      store: US,
      productId: SKU_PARENT,
      variantId: SKU_OWN,
      sku: SKU_OWN,
    });
    expect(ref(keyOf('MUG 12/oz'))).toMatchObject({ productId: 'MUG 12/oz', sku: 'MUG 12/oz' });
  });

  it('refuses a marketplace it cannot place in an API region, in words', () => {
    expect(failure(channel.parseKey(keyOf(SKU_OWN, SKU_OWN, 'AZZZZZZZZZZZZ')))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorAmazonMarketplace', subs: ['Amazon', 'AZZZZZZZZZZZZ'] },
    });
  });

  it.each(['amazon-listing:ATVPDKIKX0DER:SKU', 'amazon-listing:us:SKU:SKU', 'ebay-listing:ATVPDKIKX0DER:A:B'])(
    'refuses %s in words',
    (key) => {
      expect(failure(channel.parseKey(key))).toMatchObject({ code: 'refused', words: { key: 'channelErrorKey' } });
    },
  );
});

describe('Amazon snapshot', () => {
  it('reads product type, status and quantity per fulfilment channel with an LWA token, unsigned', async () => {
    expect(await snapshot()).toEqual({
      channel: 'amazon',
      sellerId: SELLER_ID,
      marketplaceId: US,
      sku: SKU_OWN,
      takenAt: clock,
      productType: 'SHIRT',
      statuses: ['BUYABLE', 'DISCOVERABLE'],
      fulfillment: [{ channelCode: 'DEFAULT', quantity: 12 }],
    });
    const read = fake.requests.at(-1)!;
    expect(read.path).toBe(
      `/listings/2021-08-01/items/${SELLER_ID}/${SKU_OWN}?marketplaceIds=${US}&includedData=summaries%2CfulfillmentAvailability`,
    );
    expect(read.headers['x-amz-access-token']).toBe('Atza|IwEBIFakeAccessToken1');
    expect(read.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(grants()[0].body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: LWA_REFRESH_TOKEN,
      client_id: LWA_CLIENT_ID,
      client_secret: LWA_CLIENT_SECRET,
    });
  });

  it('reads the same SKU in another marketplace as its own listing', async () => {
    expect((await snapshot(keyOf(SKU_OWN, SKU_PARENT, DE))).fulfillment).toEqual([
      { channelCode: 'DEFAULT', quantity: 5 },
    ]);
  });

  it('says not found for a SKU the seller does not have there', async () => {
    expect(failure(await channel.snapshot(ref(keyOf('GONE-1')), CREDS))).toMatchObject({
      code: 'not-found',
      words: { key: 'channelErrorNotFound', subs: ['Amazon'] },
    });
  });
});

describe('Amazon pause and resume', () => {
  it('merges quantity 0 into the DEFAULT channel (handling time kept) and restores 12 exactly', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(patches()[0].path).toBe(`/listings/2021-08-01/items/${SELLER_ID}/${SKU_OWN}?marketplaceIds=${US}`);
    expect(patches()[0].json).toEqual({
      productType: 'SHIRT',
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }],
        },
      ],
    });
    expect(own()).toEqual({ fulfillment_channel_code: 'DEFAULT', quantity: 0, lead_time_to_ship_max_days: 3 });
    expect(paused).toMatchObject({
      before,
      notes: [],
      after: { fulfillment: [{ channelCode: 'DEFAULT', quantity: 0 }] },
    });

    const resumed = value(await channel.resume(ref(), { strategy: 'quantity-zero', before }, CREDS));
    expect(own()).toEqual({ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 3 });
    expect(resumed).toEqual({ after: before, notes: [] });
  });

  it('refuses an FBA listing: Amazon sells its own stock, so quantity 0 would not stop sales', async () => {
    const key = keyOf(SKU_FBA);
    const error = failure(await channel.pause(ref(key), await snapshot(key), 'quantity-zero', CREDS));
    expect(error).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorAmazonFba', subs: ['Amazon', 'AMAZON_NA'] },
    });
    expect(patches()).toHaveLength(0);
  });

  it('refuses a variation parent, which has no quantity of its own', async () => {
    const key = keyOf(SKU_PARENT);
    const error = failure(await channel.pause(ref(key), await snapshot(key), 'quantity-zero', CREDS));
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorAmazonNoQuantity' } });
    expect(patches()).toHaveLength(0);
  });

  it('refuses "deactivate", which its API cannot undo exactly', async () => {
    expect(failure(await channel.pause(ref(), await snapshot(), 'deactivate', CREDS)).words.key).toBe(
      'channelErrorAmazonNoDeactivate',
    );
    expect(channel.pauseStrategies).toEqual(['quantity-zero']);
  });

  it('passes an INVALID answer on with its issue in words, and nothing changes', async () => {
    const before = await snapshot();
    fake.item(US, SKU_OWN).productType = 'APPAREL';
    const error = failure(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(error).toMatchObject({
      code: 'refused',
      words: {
        key: 'channelErrorRefusedByChannel',
        subs: ['Amazon', "The product type 'SHIRT' does not match this listing's product type."],
      },
      detail: 'ERROR 4000003',
    });
    expect(own().quantity).toBe(12);
  });

  it('says a pause Amazon accepted may take minutes to show, and resumes cleanly either way', async () => {
    fake.state.delayPatches = true;
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteAmazonPending', subs: ['Amazon'] }]);
    // Still processing: the listing shows what it had, so there is nothing to restore.
    const early = value(await channel.resume(ref(), { strategy: 'quantity-zero', before }, CREDS));
    expect(early.notes).toEqual([{ key: 'channelNoteNothingToChange', subs: ['Amazon'] }]);
    fake.process();
    expect(own().quantity).toBe(0);
    fake.state.delayPatches = false;
    value(await channel.resume(ref(), { strategy: 'quantity-zero', before }, CREDS));
    expect(own().quantity).toBe(12);
  });

  it('refuses to pause on a stale snapshot, and to resume a listing someone restocked', async () => {
    const before = await snapshot();
    own().quantity = 11;
    expect(failure(await channel.pause(ref(), before, 'quantity-zero', CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorPauseConflict', subs: ['Amazon', 'quantity 12 → 11'] },
    });
    expect(patches()).toHaveLength(0);

    const fresh = await snapshot();
    value(await channel.pause(ref(), fresh, 'quantity-zero', CREDS));
    own().quantity = 4;
    expect(failure(await channel.resume(ref(), { strategy: 'quantity-zero', before: fresh }, CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorResumeConflict', subs: ['Amazon', 'quantity 0 → 4'] },
    });
    expect(patches()).toHaveLength(1);
    expect(own().quantity).toBe(4);
  });

  it("refuses a snapshot taken for another seller's connection", async () => {
    const before = await snapshot();
    const other = { ...CREDS, sellerId: 'A1OTHERSELLER9' };
    expect(failure(await channel.pause(ref(), before, 'quantity-zero', other)).words.key).toBe(
      'channelErrorBadSnapshot',
    );
  });
});

describe('Amazon tokens and failures', () => {
  it('reuses the access token, renews it before it expires, and once when Amazon refuses it', async () => {
    await snapshot();
    await snapshot();
    expect(grants()).toHaveLength(1);
    clock += 3600_000;
    await snapshot();
    expect(grants()).toHaveLength(2);
    fake.expireAccessTokens();
    expect((await snapshot()).productType).toBe('SHIRT');
    expect(grants()).toHaveLength(3);
  });

  it('names the missing role when a fresh token is refused too (403)', async () => {
    fake.fail('forbidden', { times: 2, match: '/listings/' });
    expect(failure(await channel.snapshot(ref(), CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorScope', subs: ['Amazon', 'Access to requested resource is denied.'] },
    });
    expect(grants()).toHaveLength(2);
  });

  it('says reconnect when the refresh token or the app credentials are refused', async () => {
    expect(failure(await channel.snapshot(ref(), { ...CREDS, refreshToken: 'Atzr|revoked-token' }))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuth', subs: ['Amazon'] },
    });
    expect(failure(await channel.snapshot(ref(), { ...CREDS, clientSecret: 'amzn1.oa2-cs.v1.wrong' })).words.key).toBe(
      'channelErrorAuthClient',
    );
  });

  it('waits Retry-After after a 429, or one token of the rate Amazon names when it gives none', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 2, match: 'PATCH' });
    value(await channel.pause(ref(), await snapshot(), 'quantity-zero', CREDS));
    expect(slept).toEqual([2000]);
    fake.fail('throttled', { match: 'GET /listings' });
    await snapshot();
    expect(slept).toEqual([2000, 200]);
  });

  it('backs off on 5xx for reads, and resends the absolute quantity patch after a lost answer', async () => {
    fake.fail('server-error', { status: 503, times: 2, match: 'GET /listings' });
    const before = await snapshot();
    expect(slept).toEqual([500, 1000]);
    fake.fail('drop-after', { match: 'PATCH' });
    value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(patches().map((r) => r.fault)).toEqual(['drop-after', undefined]);
    expect(own().quantity).toBe(0);
  });

  it('answers the store name on a connection test', async () => {
    expect(value(await channel.testConnection(CREDS))).toEqual({ storeName: 'Acme Goods US' });
    expect(failure(await channel.testConnection({ ...CREDS, region: 'mars' })).words.key).toBe(
      'channelErrorBadCredentials',
    );
  });

  it("sends each marketplace to its region's host, and the token request to api.amazon.com", async () => {
    const urls: string[] = [];
    const live = createAmazonChannel({
      fetch: async (url) => {
        urls.push(String(url));
        const body = String(url).includes('/auth/o2/token')
          ? { access_token: 'Atza|live-token-0001', expires_in: 3600 }
          : { sku: SKU_OWN, summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: [] }] };
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    value(await live.snapshot(value(live.parseKey(keyOf(SKU_OWN, SKU_PARENT, DE))), CREDS));
    expect(urls).toEqual([
      'https://api.amazon.com/auth/o2/token',
      `https://sellingpartnerapi-eu.amazon.com/listings/2021-08-01/items/${SELLER_ID}/${SKU_OWN}?marketplaceIds=${DE}&includedData=summaries%2CfulfillmentAvailability`,
    ]);
  });
});
