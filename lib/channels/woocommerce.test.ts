// Contract tests: the WooCommerce client against a local fake of the REST v3 API (tests/fakes/woocommerce.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../tests/channel-result';
import {
  CONSUMER_KEY,
  CONSUMER_SECRET,
  SIMPLE_ID,
  startWooFake,
  UNMANAGED_ID,
  VARIABLE_ID,
  VARIATION_OWN,
  VARIATION_PARENT,
  WOO_HOST,
  WOO_SITE,
  type WooFake,
} from '../../tests/fakes/woocommerce';
import type { Channel, ChannelOptions, ListingRef } from './types';
import { createWooCommerceChannel } from './woocommerce';
import type { WooSnapshot } from './woocommerce-schemas';

const CREDS = { siteUrl: WOO_SITE, consumerKey: CONSUMER_KEY, consumerSecret: CONSUMER_SECRET };
const SIMPLE_KEY = `woocommerce:${WOO_HOST}:${SIMPLE_ID}:default`;

let fake: WooFake;
let slept: number[];
let channel: Channel<WooSnapshot>;
const T = Date.UTC(2026, 10, 26, 12);

const connect = (options: ChannelOptions = {}) =>
  createWooCommerceChannel({
    testBaseUrl: fake.url,
    now: () => T,
    sleep: async (ms) => void slept.push(ms),
    ...options,
  });

beforeEach(async () => {
  fake = await startWooFake();
  slept = [];
  channel = connect();
});
afterEach(() => fake.close());

const ref = (key = SIMPLE_KEY): ListingRef => value(channel.parseKey(key));
const variationKey = (id: number) => `woocommerce:${WOO_HOST}:${VARIABLE_ID}:${id}`;
const snapshot = async (key = SIMPLE_KEY) => value(await channel.snapshot(ref(key), CREDS));
const puts = () => fake.requests.filter((r) => r.method === 'PUT');
const simple = () => fake.state.products.get(SIMPLE_ID)!;

describe('WooCommerce listing keys', () => {
  it('takes apart simple-product and variation keys, a percent-encoded host with a port included', () => {
    expect(value(channel.parseKey(SIMPLE_KEY))).toMatchObject({ store: WOO_HOST, productId: '501', variantId: null });
    expect(value(channel.parseKey(variationKey(601)))).toMatchObject({ productId: '600', variantId: '601' });
    expect(value(channel.parseKey('woocommerce:Shop.Example.com%3A8443:7:default')).store).toBe(
      'shop.example.com:8443',
    );
  });

  it.each([
    'shopify:shop.example.com:1:2',
    'woocommerce:shop.example.com:1',
    'woocommerce:shop/x:1:default',
    'woocommerce:shop.example.com:1:first',
  ])('refuses %s in words', (key) => {
    expect(failure(channel.parseKey(key))).toMatchObject({ code: 'refused', words: { key: 'channelErrorKey' } });
  });
});

describe('WooCommerce snapshot', () => {
  it('reads manage_stock, stock_quantity, stock_status, backorders and status exactly', async () => {
    expect(await snapshot()).toEqual({
      channel: 'woocommerce',
      host: WOO_HOST,
      productId: SIMPLE_ID,
      variationId: null,
      type: 'simple',
      takenAt: T,
      status: 'publish',
      manageStock: true,
      stockQuantity: 7,
      stockStatus: 'instock',
      backorders: 'notify',
    });
    const [req] = fake.requests;
    expect(req.path).toBe(`/wp-json/wc/v3/products/${SIMPLE_ID}`);
    expect(req.headers.authorization).toBe(`Basic ${btoa(`${CONSUMER_KEY}:${CONSUMER_SECRET}`)}`);
  });

  it('reads a variation on its product stock as "parent"', async () => {
    expect(await snapshot(variationKey(VARIATION_PARENT))).toMatchObject({
      variationId: VARIATION_PARENT,
      type: 'variation',
      manageStock: 'parent',
      stockQuantity: 12,
    });
  });

  it('says not found for a deleted product', async () => {
    const gone = value(channel.parseKey(`woocommerce:${WOO_HOST}:999:default`));
    expect(failure(await channel.snapshot(gone, CREDS))).toMatchObject({
      code: 'not-found',
      words: { key: 'channelErrorNotFound', subs: ['WooCommerce'] },
    });
  });

  it('calls a page where JSON was expected unexpected', async () => {
    fake.fail('malformed');
    expect(failure(await channel.snapshot(ref(), CREDS))).toMatchObject({
      code: 'unexpected',
      words: { key: 'channelErrorUnexpected' },
    });
  });
});

describe('WooCommerce pause and resume by quantity', () => {
  it('writes 0 with backorders off in one PUT, says so, and resume restores 7 and "notify" exactly', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(puts().map((r) => r.json)).toEqual([{ manage_stock: true, stock_quantity: 0, backorders: 'no' }]);
    expect(simple()).toMatchObject({
      manage_stock: true,
      stock_quantity: 0,
      backorders: 'no',
      stock_status: 'outofstock',
    });
    expect(paused.after).toMatchObject({ stockQuantity: 0, backorders: 'no', stockStatus: 'outofstock' });
    expect(paused.notes).toEqual([{ key: 'channelNoteBackordersOff', subs: ['WooCommerce'] }]);

    const resumed = value(await channel.resume(ref(), { strategy: 'quantity-zero', before }, CREDS));
    expect(puts()[1].json).toEqual({ manage_stock: true, stock_quantity: 7, backorders: 'notify' });
    expect(resumed).toEqual({ after: before, notes: [] });
    expect(simple()).toMatchObject({
      manage_stock: true,
      stock_quantity: 7,
      backorders: 'notify',
      stock_status: 'instock',
    });
  });

  it('turns stock management on for the pause and off again on resume', async () => {
    const key = `woocommerce:${WOO_HOST}:${UNMANAGED_ID}:default`;
    const before = await snapshot(key);
    const paused = value(await channel.pause(ref(key), before, 'quantity-zero', CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteStockManagementOn', subs: ['WooCommerce'] }]);
    expect(fake.state.products.get(UNMANAGED_ID)).toMatchObject({ manage_stock: true, stock_quantity: 0 });
    value(await channel.resume(ref(key), { strategy: 'quantity-zero', before }, CREDS));
    expect(puts()[1].json).toEqual({ manage_stock: false, stock_status: 'instock' });
    expect(fake.state.products.get(UNMANAGED_ID)).toMatchObject({ manage_stock: false, stock_status: 'instock' });
  });

  it('gives a variation on its product stock its own 0, then hands it back to the product stock', async () => {
    const key = variationKey(VARIATION_PARENT);
    const before = await snapshot(key);
    const paused = value(await channel.pause(ref(key), before, 'quantity-zero', CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteParentStock', subs: ['WooCommerce'] }]);
    expect(paused.after).toMatchObject({ manageStock: true, stockQuantity: 0 });
    expect(fake.state.products.get(VARIABLE_ID)?.stock_quantity).toBe(12);

    const resumed = value(await channel.resume(ref(key), { strategy: 'quantity-zero', before }, CREDS));
    expect(puts()[1].json).toEqual({ manage_stock: false });
    expect(resumed.after).toMatchObject({ manageStock: 'parent', stockQuantity: 12 });
    expect(resumed.notes).toEqual([]);
  });

  it('refuses a variable product key, whose own stock sells nothing, and writes nothing', async () => {
    const key = `woocommerce:${WOO_HOST}:${VARIABLE_ID}:default`;
    const error = failure(await channel.pause(ref(key), await snapshot(key), 'quantity-zero', CREDS));
    expect(error).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorNoStockOfItsOwn', subs: ['WooCommerce', 'variable'] },
    });
    expect(puts()).toHaveLength(0);
  });

  it('refuses to pause on a stale snapshot (a sale since): nothing is written', async () => {
    const before = await snapshot();
    simple().stock_quantity = 6;
    const error = failure(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(error).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorPauseConflict', subs: ['WooCommerce', 'stockQuantity 7 → 6'] },
    });
    expect(puts()).toHaveLength(0);
  });

  it('refuses to resume, changing nothing, when someone edited the paused listing', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    simple().stock_quantity = 5;
    const error = failure(await channel.resume(ref(), { strategy: 'quantity-zero', before }, CREDS));
    expect(error).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorResumeConflict', subs: ['WooCommerce', 'stockQuantity 0 → 5'] },
    });
    expect(puts()).toHaveLength(1);
    expect(simple().stock_quantity).toBe(5);
  });
});

describe('WooCommerce pause and resume by deactivating', () => {
  it('sets a simple product to draft and back to publish', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'deactivate', CREDS));
    expect(puts()[0].json).toEqual({ status: 'draft' });
    expect(simple()).toMatchObject({ status: 'draft', stock_quantity: 7 });
    value(await channel.resume(ref(), { strategy: 'deactivate', before }, CREDS));
    expect(simple().status).toBe('publish');
  });

  it('sets a variation to private (its "disabled") and back', async () => {
    const key = variationKey(VARIATION_OWN);
    const before = await snapshot(key);
    value(await channel.pause(ref(key), before, 'deactivate', CREDS));
    expect(fake.state.variations.get(VARIATION_OWN)?.status).toBe('private');
    value(await channel.resume(ref(key), { strategy: 'deactivate', before }, CREDS));
    expect(fake.state.variations.get(VARIATION_OWN)?.status).toBe('publish');
  });
});

describe('WooCommerce errors and transport', () => {
  it('never sends the key over http: refused before any request', async () => {
    const requested: string[] = [];
    const live = createWooCommerceChannel({
      fetch: async (url) => {
        requested.push(String(url));
        return new Response('[]');
      },
    });
    const error = failure(await live.snapshot(ref(), { ...CREDS, siteUrl: `http://${WOO_HOST}` }));
    expect(error).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorHttp', subs: ['WooCommerce', WOO_HOST] },
    });
    expect(requested).toEqual([]);
  });

  it('sends to https://<site>/wp-json/wc/v3, sub-folder installs included', async () => {
    const requested: string[] = [];
    const live = createWooCommerceChannel({
      fetch: async (url) => {
        requested.push(String(url));
        return new Response('[]');
      },
    });
    value(await live.testConnection({ ...CREDS, siteUrl: `${WOO_SITE}/shop/` }));
    expect(requested).toEqual([`${WOO_SITE}/shop/wp-json/wc/v3/products?per_page=1`]);
  });

  it('reports a redirect instead of following it with the key', async () => {
    const requested: string[] = [];
    const live = createWooCommerceChannel({
      fetch: async (url) => {
        requested.push(String(url));
        return new Response(null, {
          status: 301,
          headers: { location: 'https://www.shop.example.com/wp-json/wc/v3/products/501' },
        });
      },
    });
    expect(failure(await live.snapshot(ref(), CREDS))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorRedirect', subs: ['WooCommerce', WOO_HOST] },
    });
    expect(requested).toHaveLength(1);
  });

  it('refuses credentials for another store', async () => {
    const error = failure(await channel.snapshot(ref(), { ...CREDS, siteUrl: 'https://other.example.com' }));
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorOtherStore' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('says reconnect when the key is refused, and nothing changes', async () => {
    const before = await snapshot();
    const wrong = { ...CREDS, consumerSecret: `cs_${'c3'.repeat(20)}` };
    expect(failure(await channel.pause(ref(), before, 'quantity-zero', wrong))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuth', subs: ['WooCommerce'] },
      detail: 'HTTP 401 woocommerce_rest_authentication_error',
    });
    expect(simple().stock_quantity).toBe(7);
  });

  it('asks for a Read/Write key when the key may only read', async () => {
    fake.state.key.permissions = 'read';
    expect(failure(await channel.pause(ref(), await snapshot(), 'quantity-zero', CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorReadOnlyKey' },
    });
    expect(simple().stock_quantity).toBe(7);
  });

  it('waits Retry-After after a 429 and retries once', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 2, match: 'PUT' });
    value(await channel.pause(ref(), await snapshot(), 'quantity-zero', CREDS));
    expect(slept).toEqual([2000]);
    expect(puts().map((r) => r.fault)).toEqual(['rate-limit', undefined]);
  });

  it('resends an absolute PUT after 5xx or a lost answer: the state ends the same', async () => {
    const before = await snapshot();
    fake.fail('server-error', { status: 503, match: 'PUT' });
    fake.fail('drop-after', { match: 'PUT' });
    const paused = value(await channel.pause(ref(), before, 'quantity-zero', CREDS));
    expect(puts().map((r) => r.fault)).toEqual(['server-error', 'drop-after', undefined]);
    expect(paused.after.stockQuantity).toBe(0);
    expect(slept).toEqual([500, 1000]);
  });

  it('answers the store host on a good connection test, and auth words on a bad one', async () => {
    expect(value(await channel.testConnection(CREDS))).toEqual({ storeName: WOO_HOST });
    expect(failure(await channel.testConnection({ ...CREDS, consumerKey: `ck_${'d4'.repeat(20)}` })).code).toBe('auth');
    expect(failure(await channel.testConnection({ siteUrl: WOO_SITE }))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorBadCredentials' },
    });
  });
});
