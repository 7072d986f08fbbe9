// Contract tests: the Shopify client against a local fake of the Admin GraphQL API (tests/fakes/shopify.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../tests/channel-result';
import {
  ACCESS_TOKEN,
  CLIENT_ID,
  CLIENT_SECRET,
  POP_UP,
  PRODUCT_ID,
  SHOP,
  SHOP_FLOOR,
  type ShopifyFake,
  startShopifyFake,
  VARIANT_CONTINUE,
  VARIANT_TRACKED,
  VARIANT_UNTRACKED,
  WAREHOUSE,
} from '../../tests/fakes/shopify';
import { createShopifyChannel } from './shopify';
import type { ShopifySnapshot } from './shopify-schemas';
import type { Channel, ChannelOptions, ListingRef } from './types';

const TOKEN_CREDS = { kind: 'token', shop: SHOP, accessToken: ACCESS_TOKEN };
const CC_CREDS = { kind: 'client-credentials', shop: SHOP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const keyOf = (variant: string) => `shopify:${SHOP}:${PRODUCT_ID}:${variant}`;

let fake: ShopifyFake;
let clock: number;
let slept: number[];
let channel: Channel<ShopifySnapshot>;

const connect = (options: ChannelOptions = {}) =>
  createShopifyChannel({
    testBaseUrl: fake.url,
    now: () => clock,
    sleep: async (ms) => void slept.push(ms),
    ...options,
  });

beforeEach(async () => {
  fake = await startShopifyFake();
  clock = Date.UTC(2026, 10, 26, 12);
  slept = [];
  channel = connect();
});
afterEach(() => fake.close());

const ref = (variant = VARIANT_TRACKED): ListingRef => value(channel.parseKey(keyOf(variant)));
const snapshot = async (variant = VARIANT_TRACKED, creds: unknown = TOKEN_CREDS) =>
  value(await channel.snapshot(ref(variant), creds));
const mutations = (name: string) => fake.requests.filter((r) => r.body.includes(`mutation ${name}`));

describe('Shopify listing keys', () => {
  it('takes a key apart, percent-encoded parts included', () => {
    expect(value(channel.parseKey('shopify:acme%2Dgoods:8123456789:44001'))).toEqual({
      channel: 'shopify',
      listingKey: 'shopify:acme%2Dgoods:8123456789:44001',
      store: 'acme-goods',
      productId: '8123456789',
      variantId: '44001',
    });
  });

  it.each([
    'woocommerce:acme-goods:1:2',
    'shopify:acme-goods:8123456789',
    'shopify:acme goods:1:2',
    'shopify:acme-goods:abc:2',
    'shopify:acme-goods:1:%E0%A4%A',
  ])('refuses %s in words', (key) => {
    expect(failure(channel.parseKey(key))).toMatchObject({ code: 'refused', words: { key: 'channelErrorKey' } });
  });
});

describe('Shopify snapshot', () => {
  it('reads the exact state: available per location with ids, tracking, policy, product status', async () => {
    expect(await snapshot()).toEqual({
      channel: 'shopify',
      shop: SHOP,
      productId: `gid://shopify/Product/${PRODUCT_ID}`,
      variantId: `gid://shopify/ProductVariant/${VARIANT_TRACKED}`,
      sku: 'TEE-BLUE-M',
      takenAt: clock,
      productStatus: 'ACTIVE',
      inventoryPolicy: 'DENY',
      inventoryItemId: 'gid://shopify/InventoryItem/901',
      tracked: true,
      levels: [
        { locationId: WAREHOUSE, locationName: 'Warehouse', available: 7 },
        { locationId: SHOP_FLOOR, locationName: 'Shop floor', available: 3 },
        { locationId: POP_UP, locationName: 'Pop-up', available: 0 },
      ],
    });
    const [req] = fake.requests;
    expect(req.path).toBe('/admin/api/2026-04/graphql.json');
    expect(req.headers['x-shopify-access-token']).toBe(ACCESS_TOKEN);
  });

  it('says not found for a deleted variant, and for a variant the key puts under another product', async () => {
    const gone = failure(await channel.snapshot(value(channel.parseKey(keyOf('99999'))), TOKEN_CREDS));
    expect(gone).toMatchObject({ code: 'not-found', words: { key: 'channelErrorNotFound' } });
    const moved = value(channel.parseKey(`shopify:${SHOP}:1111:${VARIANT_TRACKED}`));
    expect(failure(await channel.snapshot(moved, TOKEN_CREDS)).code).toBe('not-found');
  });

  it('refuses credentials for another store before sending anything', async () => {
    const other = { ...TOKEN_CREDS, shop: 'other-shop' };
    expect(failure(await channel.snapshot(ref(), other))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorOtherStore', subs: ['Shopify', 'other-shop', SHOP] },
    });
    expect(failure(await channel.snapshot(ref(), { kind: 'token', shop: SHOP }))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorBadCredentials' },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('calls an answer of an unknown shape unexpected, naming where it differs', async () => {
    fake.fail('malformed');
    const error = failure(await channel.snapshot(ref(), TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'unexpected', words: { key: 'channelErrorUnexpected' } });
    expect(error.words.subs[1]).toMatch(/^GraphQL data at productVariant\./);
  });
});

describe('Shopify pause and resume by quantity', () => {
  it('sets 0 at every stocked location and resume restores 7 and 3 exactly', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS));
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 0, 'Shop floor': 0, 'Pop-up': 0 });
    expect(paused.after.levels.map((l) => l.available)).toEqual([0, 0, 0]);
    expect(paused.notes).toEqual([]);

    // One absolute, compare-and-swap write with an idempotency key; the empty pop-up is left alone.
    const [write] = mutations('SetAvailable');
    expect((write.json as { query: string }).query).toMatch(/@idempotent\(key: "oversell-guard-pause-[0-9a-f-]{36}"\)/);
    expect((write.json as { variables: unknown }).variables).toEqual({
      input: {
        name: 'available',
        reason: 'correction',
        quantities: [
          { inventoryItemId: before.inventoryItemId, locationId: WAREHOUSE, quantity: 0, changeFromQuantity: 7 },
          { inventoryItemId: before.inventoryItemId, locationId: SHOP_FLOOR, quantity: 0, changeFromQuantity: 3 },
        ],
      },
    });

    const resumed = value(await channel.resume(ref(), { strategy: 'quantity-zero', before }, TOKEN_CREDS));
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
    expect(resumed).toEqual({ after: { ...before, takenAt: clock }, notes: [] });
    const [, restore] = mutations('SetAvailable');
    expect(restore.body).toContain('oversell-guard-resume-');
    expect(JSON.stringify(restore.json)).toContain('"quantity":7,"changeFromQuantity":0');
  });

  it('refuses an untracked variant, saying what to change, and writes nothing', async () => {
    const error = failure(
      await channel.pause(ref(VARIANT_UNTRACKED), await snapshot(VARIANT_UNTRACKED), 'quantity-zero', TOKEN_CREDS),
    );
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorUntracked', subs: ['Shopify'] } });
    expect(mutations('SetAvailable')).toHaveLength(0);
    expect(fake.available(VARIANT_UNTRACKED)).toEqual({ Warehouse: 5 });
  });

  it('refuses a variant that keeps selling when out of stock (CONTINUE)', async () => {
    const error = failure(
      await channel.pause(ref(VARIANT_CONTINUE), await snapshot(VARIANT_CONTINUE), 'quantity-zero', TOKEN_CREDS),
    );
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorContinueSelling' } });
    expect(mutations('SetAvailable')).toHaveLength(0);
  });

  it('leaves oversold and empty locations alone, and has nothing to change when none is stocked', async () => {
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, -2);
    fake.setAvailable(VARIANT_TRACKED, SHOP_FLOOR, 0);
    const paused = value(await channel.pause(ref(), await snapshot(), 'quantity-zero', TOKEN_CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteNothingToChange', subs: ['Shopify'] }]);
    expect(mutations('SetAvailable')).toHaveLength(0);
    expect(fake.available(VARIANT_TRACKED).Warehouse).toBe(-2);
  });

  it('refuses to resume, changing nothing, when someone restocked the paused variant', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS));
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, 5);
    const error = failure(await channel.resume(ref(), { strategy: 'quantity-zero', before }, TOKEN_CREDS));
    expect(error).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorResumeConflict', subs: ['Shopify', 'Warehouse: 0 → 5'] },
    });
    expect(mutations('SetAvailable')).toHaveLength(1);
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 5, 'Shop floor': 0, 'Pop-up': 0 });
  });

  it('refuses to pause on a stale snapshot (a sale since): Shopify compares changeFromQuantity', async () => {
    const before = await snapshot();
    fake.setAvailable(VARIANT_TRACKED, WAREHOUSE, 6);
    const error = failure(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'conflict', words: { key: 'channelErrorPauseConflict' } });
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 6, 'Shop floor': 3, 'Pop-up': 0 });
  });

  it("passes Shopify's userErrors on in words, changing nothing", async () => {
    const before = await snapshot();
    fake.state.levels.get(before.inventoryItemId)?.delete(SHOP_FLOOR);
    expect(failure(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS))).toMatchObject({
      code: 'refused',
      words: {
        key: 'channelErrorRefusedByChannel',
        subs: ['Shopify', 'The specified inventory item is not stocked at the location.'],
      },
      detail: 'ITEM_NOT_STOCKED_AT_LOCATION: The specified inventory item is not stocked at the location.',
    });
    expect(fake.available(VARIANT_TRACKED).Warehouse).toBe(7);
  });

  it('refuses a damaged or foreign snapshot instead of writing from it', async () => {
    const before = await snapshot();
    const damaged = { ...before, levels: [{ locationId: WAREHOUSE, available: 'seven' }] };
    expect(
      failure(await channel.resume(ref(), { strategy: 'quantity-zero', before: damaged }, TOKEN_CREDS)).words.key,
    ).toBe('channelErrorBadSnapshot');
    expect(failure(await channel.pause(ref(VARIANT_CONTINUE), before, 'quantity-zero', TOKEN_CREDS)).words.key).toBe(
      'channelErrorBadSnapshot',
    );
    expect(mutations('SetAvailable')).toHaveLength(0);
  });
});

describe('Shopify pause and resume by deactivating', () => {
  it('sets the product to Draft (saying it hides every variant) and resume sets it back to Active', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'deactivate', TOKEN_CREDS));
    expect(fake.state.products.get(PRODUCT_ID)?.status).toBe('DRAFT');
    expect(paused.after.productStatus).toBe('DRAFT');
    expect(paused.notes).toEqual([{ key: 'channelNoteWholeProduct', subs: ['Shopify'] }]);
    expect((mutations('SetProductStatus')[0].json as { variables: unknown }).variables).toEqual({
      product: { id: `gid://shopify/Product/${PRODUCT_ID}`, status: 'DRAFT' },
    });
    expect(fake.available(VARIANT_TRACKED).Warehouse).toBe(7);

    value(await channel.resume(ref(), { strategy: 'deactivate', before }, TOKEN_CREDS));
    expect(fake.state.products.get(PRODUCT_ID)?.status).toBe('ACTIVE');
  });

  it('refuses to resume when the product was archived while paused', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'deactivate', TOKEN_CREDS));
    fake.state.products.set(PRODUCT_ID, { status: 'ARCHIVED' });
    const error = failure(await channel.resume(ref(), { strategy: 'deactivate', before }, TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'conflict', words: { subs: ['Shopify', 'status DRAFT → ARCHIVED'] } });
    expect(fake.state.products.get(PRODUCT_ID)?.status).toBe('ARCHIVED');
  });
});

describe('Shopify rate limits and failures', () => {
  it('waits Retry-After after a 429 and retries once', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 3, match: 'mutation SetAvailable' });
    value(await channel.pause(ref(), await snapshot(), 'quantity-zero', TOKEN_CREDS));
    expect(slept).toEqual([3000]);
    expect(mutations('SetAvailable').map((r) => r.fault)).toEqual(['rate-limit', undefined]);
    expect(fake.available(VARIANT_TRACKED).Warehouse).toBe(0);
  });

  it('gives up with throttled and the wait when Retry-After is longer than it waits', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 120 });
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS))).toMatchObject({
      code: 'throttled',
      retryAfterMs: 120_000,
      words: { key: 'channelErrorThrottled', subs: ['Shopify', '120'] },
    });
    expect(slept).toEqual([]);
  });

  it('gives up with throttled after two rate-limit retries', async () => {
    fake.fail('rate-limit', { times: 3 });
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS)).code).toBe('throttled');
    expect(fake.requests).toHaveLength(3);
  });

  it('waits for the cost bucket after THROTTLED in a 200 body', async () => {
    fake.fail('throttled');
    expect((await snapshot()).levels).toHaveLength(3);
    expect(slept).toEqual([2000]);
  });

  it('says reconnect on a 401 with a custom-app token, retries nothing and changes nothing', async () => {
    const before = await snapshot();
    fake.fail('unauthorized');
    const error = failure(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS));
    expect(error).toMatchObject({ code: 'auth', words: { key: 'channelErrorAuth', subs: ['Shopify'] } });
    expect(mutations('SetAvailable')).toHaveLength(1);
    expect(fake.available(VARIANT_TRACKED)).toEqual({ Warehouse: 7, 'Shop floor': 3, 'Pop-up': 0 });
  });

  it('names a missing permission on a 403', async () => {
    fake.fail('forbidden');
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorScope' },
    });
  });

  it('says the store is locked on a 423', async () => {
    fake.fail('locked');
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS))).toMatchObject({
      code: 'locked',
      words: { key: 'channelErrorLocked' },
    });
  });

  it('backs off exponentially on 5xx and succeeds; fails as server after two retries', async () => {
    fake.fail('server-error', { times: 2, status: 502 });
    expect((await snapshot()).tracked).toBe(true);
    expect(slept).toEqual([500, 1000]);
    fake.fail('server-error', { times: 3 });
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS))).toMatchObject({
      code: 'server',
      words: { key: 'channelErrorServer', subs: ['Shopify', 'HTTP 500'] },
    });
  });

  it('resends a write whose answer was lost with the same key, and Shopify applies it once', async () => {
    const before = await snapshot();
    fake.fail('drop-after', { match: 'mutation SetAvailable' });
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', TOKEN_CREDS));
    const [lost, resent] = mutations('SetAvailable');
    expect(resent.body).toBe(lost.body);
    expect(paused.after.levels.map((l) => l.available)).toEqual([0, 0, 0]);
  });

  it('says it could not reach the store when the connection drops every time, or nothing answers', async () => {
    fake.fail('drop', { times: 3 });
    expect(failure(await channel.snapshot(ref(), TOKEN_CREDS))).toMatchObject({
      code: 'network',
      words: { key: 'channelErrorNetwork', subs: ['Shopify'] },
    });
    fake.fail('hang', { times: 3 });
    const impatient = connect({ timeoutMs: 50 });
    expect(failure(await impatient.snapshot(ref(), TOKEN_CREDS)).code).toBe('network');
  });
});

describe('Shopify client credentials', () => {
  const tokenRequests = () => fake.requests.filter((r) => r.path === '/admin/oauth/access_token');

  it('exchanges the client id and secret for a token, reuses it, and renews it once it expires', async () => {
    await snapshot(VARIANT_TRACKED, CC_CREDS);
    await snapshot(VARIANT_TRACKED, CC_CREDS);
    expect(tokenRequests()).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokenRequests()[0].body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(tokenRequests()[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    const graphql = fake.requests.filter((r) => r.path.endsWith('graphql.json'));
    expect(graphql.map((r) => r.headers['x-shopify-access-token'])).toEqual([
      'shpat_fake_cc_1_0000',
      'shpat_fake_cc_1_0000',
    ]);

    clock += 86_399_000;
    await snapshot(VARIANT_TRACKED, CC_CREDS);
    expect(tokenRequests()).toHaveLength(2);
    expect(fake.requests.at(-1)?.headers['x-shopify-access-token']).toBe('shpat_fake_cc_2_0000');
  });

  it('fetches a new token once on a 401 and carries on', async () => {
    await snapshot(VARIANT_TRACKED, CC_CREDS);
    fake.revokeTokens();
    const before = await snapshot(VARIANT_TRACKED, CC_CREDS);
    expect(before.levels).toHaveLength(3);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('gives up with reconnect words when the fresh token is refused too, after one refresh', async () => {
    fake.fail('unauthorized', { times: 5, match: 'graphql.json' });
    expect(failure(await channel.snapshot(ref(), CC_CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuthClient' },
    });
    expect(tokenRequests()).toHaveLength(2);
  });

  it('says the client id or secret was refused', async () => {
    const wrong = { ...CC_CREDS, clientSecret: 'shpss_wrong_secret' };
    expect(failure(await channel.testConnection(wrong))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuthClient' },
    });
  });
});

describe('Shopify connection test and transport', () => {
  it("answers the store's name", async () => {
    expect(value(await channel.testConnection(TOKEN_CREDS))).toEqual({ storeName: 'Acme Goods' });
    expect(failure(await channel.testConnection({ ...TOKEN_CREDS, accessToken: 'shpat_wrong_token' })).code).toBe(
      'auth',
    );
  });

  it('talks to <shop>.myshopify.com over https when no test server is set', async () => {
    const urls: string[] = [];
    const offline = createShopifyChannel({
      fetch: async (url) => {
        urls.push(String(url));
        return new Response(JSON.stringify({ data: { shop: { name: 'Acme Goods' } } }), { status: 200 });
      },
    });
    value(await offline.testConnection(TOKEN_CREDS));
    expect(urls).toEqual(['https://acme-goods.myshopify.com/admin/api/2026-04/graphql.json']);
  });

  it('accepts only a loopback test server', () => {
    expect(() => createShopifyChannel({ testBaseUrl: 'https://evil.example.com' })).toThrow(/loopback/);
  });
});
