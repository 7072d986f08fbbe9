// A fake Etsy shop implementing the Open API v3 contract our client relies on, with Etsy's rules: every request
// carries `x-api-key: keystring:shared secret` (the secret is required since 2026) and a Bearer access token;
// access tokens come from the refresh-token grant, which rotates the refresh token (the used one stops working);
// updateListing takes form-encoded `state=active|inactive`; re-activating an expired listing renews it for a fee.
import {
  type FakeServer,
  type FaultKind,
  type FaultOptions,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server';

export const ETSY_SHOP_ID = '31415926';
export const ETSY_KEYSTRING = 'a1b2c3d4e5f6g7h8i9j0k1l2';
export const ETSY_SHARED_SECRET = 'q9w8e7r6t5';
export const ETSY_REFRESH_TOKEN = '27182818.fake_refresh_token_0001';
/** Active, 12 in stock, no variations, expires 2027-02-01. */
export const LISTING_MUG = '1487263519';
/** Active with variations. */
export const LISTING_TEE = '1623458870';
/** Another shop's listing: readable by anyone, not ours to change. */
export const LISTING_OTHER = '1111122222';
export const MUG_ENDS = Date.UTC(2027, 1, 1) / 1000;

export interface FakeListing {
  shop_id: number;
  state: 'active' | 'inactive' | 'sold_out' | 'draft' | 'expired';
  quantity: number;
  ending_timestamp: number;
  has_variations: boolean;
  title: string;
}

export interface EtsyFakeState {
  listings: Map<string, FakeListing>;
  refreshTokens: Set<string>;
  accessTokens: Set<string>;
  issued: number;
  /** Renewal fees charged by re-activating expired listings. */
  renewalFees: number;
}

export interface EtsyFake extends FakeServer {
  state: EtsyFakeState;
  /** Every access token stops working (they last an hour). */
  expireAccessTokens(): void;
  fail(kind: FaultKind, options?: FaultOptions): void;
}

const APP = '/v3/application';

export async function startEtsyFake(): Promise<EtsyFake> {
  const state = seed();
  const server = await startFakeServer((req) => handle(state, req), faultReply);
  return { ...server, state, expireAccessTokens: () => state.accessTokens.clear() };
}

function seed(): EtsyFakeState {
  const listing = (l: Partial<FakeListing>): FakeListing => ({
    shop_id: Number(ETSY_SHOP_ID),
    state: 'active',
    quantity: 1,
    ending_timestamp: MUG_ENDS,
    has_variations: false,
    title: 'Listing',
    ...l,
  });
  return {
    listings: new Map([
      [LISTING_MUG, listing({ quantity: 12, title: 'Stoneware mug' })],
      [LISTING_TEE, listing({ quantity: 30, has_variations: true, title: 'Linen tee' })],
      [LISTING_OTHER, listing({ shop_id: 99999, title: 'Not ours' })],
    ]),
    refreshTokens: new Set([ETSY_REFRESH_TOKEN]),
    accessTokens: new Set(),
    issued: 0,
    renewalFees: 0,
  };
}

const error = (status: number, message: string, extra: object = {}): Reply => ({
  status,
  body: { error: message, ...extra },
});

function handle(state: EtsyFakeState, req: RecordedRequest): Reply {
  const url = new URL(req.path, 'http://fake');
  if (req.method === 'POST' && url.pathname === '/v3/public/oauth/token') return grant(state, req);
  const key = req.headers['x-api-key'] ?? '';
  if (!key.includes(':')) return error(403, 'Shared secret is required in x-api-key header.');
  if (key !== `${ETSY_KEYSTRING}:${ETSY_SHARED_SECRET}`) return error(403, 'Invalid API key');
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!state.accessTokens.has(bearer))
    return error(401, 'invalid_token', { error_description: 'access token is expired' });

  if (req.method === 'GET' && url.pathname === `${APP}/shops/${ETSY_SHOP_ID}`)
    return { status: 200, body: { shop_id: Number(ETSY_SHOP_ID), shop_name: 'AcmeCeramics', currency_code: 'USD' } };
  const read = new RegExp(`^${APP}/listings/(\\d+)$`).exec(url.pathname);
  if (req.method === 'GET' && read) {
    const listing = state.listings.get(read[1]);
    return listing ? { status: 200, body: view(read[1], listing) } : error(404, `Listing ${read[1]} not found`);
  }
  const update = new RegExp(`^${APP}/shops/(\\d+)/listings/(\\d+)$`).exec(url.pathname);
  if (req.method === 'PATCH' && update) return updateListing(state, update[1], update[2], req);
  return error(404, 'Resource not found');
}

function grant(state: EtsyFakeState, req: RecordedRequest): Reply {
  const form = new URLSearchParams(req.body);
  if (form.get('client_id') !== ETSY_KEYSTRING) return error(401, 'invalid_client');
  const used = form.get('refresh_token') ?? '';
  if (form.get('grant_type') !== 'refresh_token' || !state.refreshTokens.has(used))
    return error(400, 'invalid_grant', { error_description: 'refresh_token is revoked' });
  // Etsy hands out a new refresh token with every grant; this fake retires the used one at once (the strict case).
  state.refreshTokens.delete(used);
  const n = ++state.issued;
  const refresh = `27182818.fake_refresh_token_${String(n + 1).padStart(4, '0')}`;
  const access = `27182818.fake_access_token_${n}`;
  state.refreshTokens.add(refresh);
  state.accessTokens.add(access);
  return {
    status: 200,
    body: { access_token: access, token_type: 'Bearer', expires_in: 3600, refresh_token: refresh },
  };
}

const view = (id: string, l: FakeListing) => ({
  listing_id: Number(id),
  ...l,
  sku: [],
  url: `https://www.etsy.com/listing/${id}`,
});

function updateListing(state: EtsyFakeState, shopId: string, id: string, req: RecordedRequest): Reply {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return error(400, 'Expected a form-encoded body');
  const listing = state.listings.get(id);
  if (!listing) return error(404, `Listing ${id} not found`);
  if (String(listing.shop_id) !== shopId || shopId !== ETSY_SHOP_ID)
    return error(403, 'You do not have permission to edit this listing');
  const wanted = new URLSearchParams(req.body).get('state');
  if (wanted !== 'active' && wanted !== 'inactive') return error(400, `Invalid value for state: ${wanted}`);
  if (wanted === 'active' && listing.quantity === 0) return error(400, 'A listing with quantity 0 cannot be active');
  if (wanted === 'active' && listing.state === 'expired') {
    state.renewalFees++;
    listing.ending_timestamp += 120 * 24 * 3600;
  }
  listing.state = wanted;
  return { status: 200, body: view(id, listing) };
}

function faultReply(kind: FaultKind, fault: FaultOptions): Reply {
  switch (kind) {
    case 'rate-limit':
      return { ...error(429, 'Too many requests'), headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) } };
    case 'throttled':
      return error(429, 'Too many requests');
    case 'unauthorized':
      return error(401, 'invalid_token', { error_description: 'access token is expired' });
    case 'forbidden':
      return error(403, 'Insufficient scope: listings_w');
    case 'locked':
      return error(423, 'Shop is on vacation or locked');
    case 'server-error':
      return error(fault.status ?? 500, 'Server Error');
    case 'malformed':
      return { status: 200, body: '<!doctype html><html><body>Etsy is down for maintenance</body></html>' };
    default:
      throw new Error(`fault ${kind} is handled by the server`);
  }
}
