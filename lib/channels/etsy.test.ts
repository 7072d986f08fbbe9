// Contract tests: the Etsy client against a local fake of the Open API v3 (tests/fakes/etsy.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../../tests/channel-result';
import {
  ETSY_KEYSTRING,
  ETSY_REFRESH_TOKEN,
  ETSY_SHARED_SECRET,
  ETSY_SHOP_ID,
  type EtsyFake,
  LISTING_MUG,
  LISTING_OTHER,
  LISTING_TEE,
  MUG_ENDS,
  startEtsyFake,
} from '../../tests/fakes/etsy';
import { createEtsyChannel } from './etsy';
import type { EtsySnapshot } from './etsy-schemas';
import type { Channel, ChannelId, ChannelOptions, ListingRef } from './types';

const CREDS = {
  shopId: ETSY_SHOP_ID,
  keystring: ETSY_KEYSTRING,
  sharedSecret: ETSY_SHARED_SECRET,
  refreshToken: ETSY_REFRESH_TOKEN,
};
const MUG_KEY = `etsy-listing:${LISTING_MUG}:default`;
const TEE_KEY = `etsy-listing:${LISTING_TEE}:${encodeURIComponent('Blue|M')}`;

let fake: EtsyFake;
let clock: number;
let slept: number[];
let saved: { channel: ChannelId; credentials: unknown }[];
let channel: Channel<EtsySnapshot>;

const connect = (options: ChannelOptions = {}) =>
  createEtsyChannel({
    testBaseUrl: fake.url,
    now: () => clock,
    sleep: async (ms) => void slept.push(ms),
    saveCredentials: async (id, credentials) => void saved.push({ channel: id, credentials }),
    ...options,
  });

beforeEach(async () => {
  fake = await startEtsyFake();
  clock = Date.UTC(2026, 10, 26, 12);
  slept = [];
  saved = [];
  channel = connect();
});
afterEach(() => fake.close());

const ref = (key = MUG_KEY): ListingRef => value(channel.parseKey(key));
const snapshot = async (key = MUG_KEY) => value(await channel.snapshot(ref(key), CREDS));
const patches = () => fake.requests.filter((r) => r.method === 'PATCH');
const grants = () => fake.requests.filter((r) => r.path === '/v3/public/oauth/token');
const mug = () => fake.state.listings.get(LISTING_MUG)!;

describe('Etsy listing keys', () => {
  it('takes apart a listing and a variation key (Etsy pauses the listing either way)', () => {
    expect(ref()).toEqual({ channel: 'etsy', listingKey: MUG_KEY, store: '', productId: LISTING_MUG, variantId: null });
    expect(ref(TEE_KEY)).toMatchObject({ productId: LISTING_TEE, variantId: 'Blue|M' });
  });

  it.each(['etsy:1487263519:default', 'etsy-listing:1487263519', 'etsy-listing:12:default', 'etsy-listing:x1:default'])(
    'refuses %s in words',
    (key) => {
      expect(failure(channel.parseKey(key))).toMatchObject({ code: 'refused', words: { key: 'channelErrorKey' } });
    },
  );
});

describe('Etsy snapshot', () => {
  it('reads state, quantity and expiry, sending the key as keystring:secret and a Bearer token', async () => {
    expect(await snapshot()).toEqual({
      channel: 'etsy',
      shopId: ETSY_SHOP_ID,
      listingId: LISTING_MUG,
      takenAt: clock,
      state: 'active',
      quantity: 12,
      endsAt: MUG_ENDS * 1000,
      hasVariations: false,
    });
    const read = fake.requests.at(-1)!;
    expect(read.path).toBe(`/v3/application/listings/${LISTING_MUG}`);
    expect(read.headers['x-api-key']).toBe(`${ETSY_KEYSTRING}:${ETSY_SHARED_SECRET}`);
    expect(read.headers.authorization).toBe('Bearer 27182818.fake_access_token_1');
    expect(Object.fromEntries(new URLSearchParams(grants()[0].body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: ETSY_REFRESH_TOKEN,
      client_id: ETSY_KEYSTRING,
    });
  });

  it("refuses another shop's listing: the connection is not for its shop", async () => {
    const other = value(channel.parseKey(`etsy-listing:${LISTING_OTHER}:default`));
    expect(failure(await channel.snapshot(other, CREDS))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorOtherStore', subs: ['Etsy', ETSY_SHOP_ID, '99999'] },
    });
  });

  it('says not found for a deleted listing, and unexpected for a page instead of JSON', async () => {
    const gone = value(channel.parseKey('etsy-listing:99999999:default'));
    expect(failure(await channel.snapshot(gone, CREDS))).toMatchObject({ code: 'not-found' });
    fake.fail('malformed', { match: 'GET /v3/application/listings' });
    expect(failure(await channel.snapshot(ref(), CREDS)).code).toBe('unexpected');
  });
});

describe('Etsy pause and resume', () => {
  it('sets the listing inactive (form-encoded) and active again, saying it keeps expiring', async () => {
    const before = await snapshot();
    const paused = value(await channel.pause(ref(), before, 'deactivate', CREDS));
    expect(patches()).toHaveLength(1);
    expect(patches()[0].path).toBe(`/v3/application/shops/${ETSY_SHOP_ID}/listings/${LISTING_MUG}`);
    expect(patches()[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(patches()[0].body).toBe('state=inactive');
    expect(mug().state).toBe('inactive');
    expect(paused.after).toEqual({ ...before, state: 'inactive' });
    expect(paused.notes).toEqual([{ key: 'channelNoteEtsyExpiry', subs: ['Etsy', '2027-02-01'] }]);

    const resumed = value(await channel.resume(ref(), { strategy: 'deactivate', before }, CREDS));
    expect(patches()[1].body).toBe('state=active');
    expect(resumed).toEqual({ after: before, notes: [] });
    expect(fake.state.renewalFees).toBe(0);
  });

  it('says pausing one variation pauses the whole listing', async () => {
    const paused = value(await channel.pause(ref(TEE_KEY), await snapshot(TEE_KEY), 'deactivate', CREDS));
    expect(paused.notes[0]).toEqual({ key: 'channelNoteWholeProduct', subs: ['Etsy'] });
    expect(fake.state.listings.get(LISTING_TEE)?.state).toBe('inactive');
  });

  it('refuses quantity 0: Etsy marks the listing sold out and restocking costs a fee', async () => {
    const error = failure(await channel.pause(ref(), await snapshot(), 'quantity-zero', CREDS));
    expect(error).toMatchObject({ code: 'refused', words: { key: 'channelErrorEtsyQuantityZero', subs: ['Etsy'] } });
    expect(patches()).toHaveLength(0);
    expect(channel.pauseStrategies).toEqual(['deactivate']);
  });

  it('has nothing to change for a listing that is not active', async () => {
    mug().state = 'draft';
    const paused = value(await channel.pause(ref(), await snapshot(), 'deactivate', CREDS));
    expect(paused.notes).toEqual([{ key: 'channelNoteNothingToChange', subs: ['Etsy'] }]);
    expect(patches()).toHaveLength(0);
  });

  it('refuses to pause when the listing changed since it was read', async () => {
    const before = await snapshot();
    mug().state = 'sold_out';
    expect(failure(await channel.pause(ref(), before, 'deactivate', CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorPauseConflict', subs: ['Etsy', 'state active → sold_out'] },
    });
    expect(patches()).toHaveLength(0);
  });

  it('refuses to resume, changing nothing, when the seller changed the paused listing', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'deactivate', CREDS));
    mug().state = 'draft';
    expect(failure(await channel.resume(ref(), { strategy: 'deactivate', before }, CREDS))).toMatchObject({
      code: 'conflict',
      words: { key: 'channelErrorResumeConflict', subs: ['Etsy', 'state inactive → draft'] },
    });
    expect(patches()).toHaveLength(1);
  });

  it('does not renew a listing that expired while paused: Etsy would charge a fee', async () => {
    const before = await snapshot();
    value(await channel.pause(ref(), before, 'deactivate', CREDS));
    mug().state = 'expired';
    expect(failure(await channel.resume(ref(), { strategy: 'deactivate', before }, CREDS))).toMatchObject({
      code: 'refused',
      words: { key: 'channelErrorEtsyExpired', subs: ['Etsy'] },
    });
    // Past its expiry date, even before Etsy marks it expired.
    mug().state = 'inactive';
    clock = MUG_ENDS * 1000 + 1;
    expect(failure(await channel.resume(ref(), { strategy: 'deactivate', before }, CREDS)).words.key).toBe(
      'channelErrorEtsyExpired',
    );
    expect(patches()).toHaveLength(1);
    expect(fake.state.renewalFees).toBe(0);
  });
});

describe('Etsy tokens', () => {
  it('stores the rotated refresh token, so a restarted worker carries on with it', async () => {
    await snapshot();
    await snapshot();
    expect(grants()).toHaveLength(1);
    expect(saved).toEqual([
      { channel: 'etsy', credentials: { ...CREDS, refreshToken: '27182818.fake_refresh_token_0002' } },
    ]);

    const restarted = connect();
    const fresh = value(restarted.parseKey(MUG_KEY));
    expect(value(await restarted.snapshot(fresh, saved[0].credentials)).state).toBe('active');
    // The token used before rotation is spent: a connection stored without the new one must be renewed.
    const forgetful = connect();
    expect(failure(await forgetful.snapshot(fresh, CREDS))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorAuth', subs: ['Etsy'] },
    });
  });

  it('keeps using the newest refresh token in this worker when the connection could not be stored yet', async () => {
    await snapshot();
    fake.expireAccessTokens();
    expect((await snapshot()).state).toBe('active');
    expect(grants().map((g) => new URLSearchParams(g.body).get('refresh_token'))).toEqual([
      ETSY_REFRESH_TOKEN,
      '27182818.fake_refresh_token_0002',
    ]);
  });

  it('asks for one token when two calls need one at once (a rotated token is single-use)', async () => {
    const [a, b] = await Promise.all([channel.snapshot(ref(), CREDS), channel.snapshot(ref(TEE_KEY), CREDS)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(grants()).toHaveLength(1);
  });

  it('renews an expired access token once on a 401 and carries on', async () => {
    const before = await snapshot();
    fake.fail('unauthorized', { match: 'PATCH' });
    value(await channel.pause(ref(), before, 'deactivate', CREDS));
    expect(grants()).toHaveLength(2);
    expect(mug().state).toBe('inactive');
  });

  it('names a refused key or scope on a 403', async () => {
    expect(failure(await channel.snapshot(ref(), { ...CREDS, sharedSecret: 'wrong0000' }))).toMatchObject({
      code: 'auth',
      words: { key: 'channelErrorScope', subs: ['Etsy', 'Invalid API key'] },
    });
    fake.fail('forbidden', { match: 'PATCH' });
    expect(failure(await channel.pause(ref(), await snapshot(), 'deactivate', CREDS)).words).toEqual({
      key: 'channelErrorScope',
      subs: ['Etsy', 'Insufficient scope: listings_w'],
    });
  });

  it('says a damaged connection is damaged, before sending anything', async () => {
    const { sharedSecret: _, ...noSecret } = CREDS;
    expect(failure(await channel.snapshot(ref(), noSecret)).words.key).toBe('channelErrorBadCredentials');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Etsy rate limits and failures', () => {
  it('waits Retry-After after a 429 and retries once', async () => {
    fake.fail('rate-limit', { retryAfterSeconds: 3, match: 'PATCH' });
    value(await channel.pause(ref(), await snapshot(), 'deactivate', CREDS));
    expect(slept).toEqual([3000]);
    expect(patches().map((r) => r.fault)).toEqual(['rate-limit', undefined]);
  });

  it('backs off on 5xx for reads, and resends the absolute state write after a lost answer', async () => {
    fake.fail('server-error', { status: 502, times: 2, match: 'GET /v3/application/listings' });
    const before = await snapshot();
    expect(slept).toEqual([500, 1000]);
    fake.fail('drop-after', { match: 'PATCH' });
    value(await channel.pause(ref(), before, 'deactivate', CREDS));
    expect(patches().map((r) => r.fault)).toEqual(['drop-after', undefined]);
    expect(mug().state).toBe('inactive');
  });

  it("answers the shop's name on a connection test", async () => {
    expect(value(await channel.testConnection(CREDS))).toEqual({ storeName: 'AcmeCeramics' });
  });

  it('talks to openapi.etsy.com and api.etsy.com when no test server is set', async () => {
    const urls: string[] = [];
    const live = createEtsyChannel({
      fetch: async (url) => {
        urls.push(String(url));
        const body = String(url).includes('oauth')
          ? { access_token: '27182818.live_access', expires_in: 3600, refresh_token: '27182818.live_refresh_2' }
          : { shop_id: Number(ETSY_SHOP_ID), shop_name: 'AcmeCeramics' };
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    value(await live.testConnection(CREDS));
    expect(urls).toEqual([
      'https://api.etsy.com/v3/public/oauth/token',
      `https://openapi.etsy.com/v3/application/shops/${ETSY_SHOP_ID}`,
    ]);
  });
});
