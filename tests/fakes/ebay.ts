// A fake eBay seller implementing the Sell Inventory API contract our client relies on, with eBay's rules: Bearer
// user tokens and the refresh-token grant (Basic client auth, sell.inventory scope), inventory items by SKU (a
// listing made in Seller Hub has none: 25710), offers per eBay site, bulkUpdatePriceQuantity answered per item
// (207 when some fail), a listing showing the smaller of ship-to-home quantity and its offer's cap, and a listing
// without variations ended at quantity 0 unless the seller's out-of-stock control is on.
import {
  type FakeServer,
  type FaultKind,
  type FaultOptions,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server';

export const EBAY_ACCESS_TOKEN = 'v^1.1#i^1#p^3#fake_user_access_token_0001';
export const EBAY_CLIENT_ID = 'AcmeGood-Oversell-PRD-1a2b3c4d5-6e7f8a9b';
export const EBAY_CLIENT_SECRET = 'PRD-1a2b3c4d5e6f-7a8b-9c0d-1e2f-3a4b';
export const EBAY_REFRESH_TOKEN = 'v^1.1#i^1#r^1#fake_user_refresh_token_0001';
export const SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.inventory';

/** A listing without variations: SKU CANDLE-01, 7 to ship, one offer on eBay US without a cap of its own. */
export const ITEM_CANDLE = '225512345678';
export const SKU_CANDLE = 'CANDLE-01';
/** MUG-BLUE: 9 to ship; its US listing's offer caps it at 5; also listed on eBay UK (no cap). */
export const ITEM_MUG = '225523456789';
export const ITEM_MUG_UK = '186612345678';
export const SKU_MUG = 'MUG-BLUE';
export const OFFER_MUG_US = '5005001';
export const OFFER_MUG_UK = '5005002';
/** A listing with variations: TEE-BLUE-M (4) and TEE-BLUE-L (2). */
export const ITEM_TEE = '225534567890';
export const SKU_TEE_M = 'TEE-BLUE-M';
/** Made in Seller Hub: no inventory item, whatever its custom label. */
export const ITEM_SELLER_HUB = '225545678901';

export interface FakeOffer {
  sku: string;
  marketplaceId: string;
  status: 'PUBLISHED' | 'UNPUBLISHED';
  listingId: string;
  availableQuantity?: number;
  variation: boolean;
  /** Ended listings stay ended (relisting makes a new item). */
  ended: boolean;
}

export interface EbayFakeState {
  /** SKU -> ship-to-home quantity. */
  items: Map<string, number>;
  offers: Map<string, FakeOffer>;
  accessTokens: Set<string>;
  tokensIssued: number;
  outOfStockControl: boolean;
  /** Offers (by offer id) or whole SKUs that bulk updates refuse, with the status and error eBay gives. */
  reject: Map<string, { statusCode: number; errorId: number; message: string }>;
}

export interface EbayFake extends FakeServer {
  state: EbayFakeState;
  /** What the listing of this offer shows: the smaller of ship-to-home quantity and the offer's cap. */
  shown(offerId: string): number;
  listingStatus(offerId: string): string;
  revokeTokens(): void;
  fail(kind: FaultKind, options?: FaultOptions): void;
}

const INVENTORY = '/sell/inventory/v1';

export async function startEbayFake(): Promise<EbayFake> {
  const state = seed();
  const server = await startFakeServer((req) => handle(state, req), faultReply);
  return {
    ...server,
    state,
    shown: (offerId) => shown(state, offerId),
    listingStatus: (offerId) => listingStatus(state, offerId),
    revokeTokens: () => state.accessTokens.clear(),
  };
}

function seed(): EbayFakeState {
  const offer = (o: Partial<FakeOffer> & Pick<FakeOffer, 'sku' | 'listingId'>): FakeOffer => ({
    marketplaceId: 'EBAY_US',
    status: 'PUBLISHED',
    variation: false,
    ended: false,
    ...o,
  });
  return {
    items: new Map([
      [SKU_CANDLE, 7],
      [SKU_MUG, 9],
      [SKU_TEE_M, 4],
      ['TEE-BLUE-L', 2],
    ]),
    offers: new Map([
      ['5004001', offer({ sku: SKU_CANDLE, listingId: ITEM_CANDLE })],
      [OFFER_MUG_US, offer({ sku: SKU_MUG, listingId: ITEM_MUG, availableQuantity: 5 })],
      [OFFER_MUG_UK, offer({ sku: SKU_MUG, listingId: ITEM_MUG_UK, marketplaceId: 'EBAY_GB' })],
      ['5006001', offer({ sku: SKU_TEE_M, listingId: ITEM_TEE, variation: true })],
      ['5006002', offer({ sku: 'TEE-BLUE-L', listingId: ITEM_TEE, variation: true })],
      // An unpublished draft offer of the candle for eBay Germany: not a listing.
      ['5004002', offer({ sku: SKU_CANDLE, listingId: '', marketplaceId: 'EBAY_DE', status: 'UNPUBLISHED' })],
    ]),
    accessTokens: new Set([EBAY_ACCESS_TOKEN]),
    tokensIssued: 0,
    outOfStockControl: true,
    reject: new Map(),
  };
}

const ebayError = (status: number, errorId: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { errors: [{ errorId, domain: 'API_INVENTORY', category: 'REQUEST', message }] },
});

const NOT_FOUND = () =>
  ebayError(404, 25710, "We didn't find the resource/entity you are requesting. Please verify the request");

function handle(state: EbayFakeState, req: RecordedRequest): Reply {
  const url = new URL(req.path, 'http://fake');
  if (req.method === 'POST' && url.pathname === '/identity/v1/oauth2/token') return issueToken(state, req);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!state.accessTokens.has(bearer))
    return {
      status: 401,
      body: { errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }] },
    };
  if (req.method === 'GET' && url.pathname === `${INVENTORY}/inventory_item`)
    return { status: 200, body: { total: state.items.size, size: 1, inventoryItems: [] } };
  const item = new RegExp(`^${INVENTORY}/inventory_item/([^/]+)$`).exec(url.pathname);
  if (req.method === 'GET' && item) {
    const sku = decodeURIComponent(item[1]);
    const quantity = state.items.get(sku);
    if (quantity === undefined) return NOT_FOUND();
    return {
      status: 200,
      body: {
        sku,
        availability: { shipToLocationAvailability: { quantity } },
        condition: 'NEW',
        product: { title: sku },
      },
    };
  }
  if (req.method === 'GET' && url.pathname === `${INVENTORY}/offer`)
    return getOffers(state, url.searchParams.get('sku'));
  if (req.method === 'POST' && url.pathname === `${INVENTORY}/bulk_update_price_quantity`)
    return bulkUpdate(state, req.json);
  return ebayError(404, 2002, 'Resource not found');
}

function issueToken(state: EbayFakeState, req: RecordedRequest): Reply {
  const basic = `Basic ${Buffer.from(`${EBAY_CLIENT_ID}:${EBAY_CLIENT_SECRET}`).toString('base64')}`;
  if (req.headers.authorization !== basic)
    return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
  const form = new URLSearchParams(req.body);
  if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== EBAY_REFRESH_TOKEN)
    return {
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'the provided authorization refresh token is invalid or was issued to another client',
      },
    };
  if (form.get('scope') !== SCOPE)
    return { status: 400, body: { error: 'invalid_scope', error_description: 'The requested scope is invalid' } };
  const token = `v^1.1#i^1#p^3#fake_issued_${++state.tokensIssued}`;
  state.accessTokens.add(token);
  return { status: 200, body: { access_token: token, expires_in: 7200, token_type: 'User Access Token' } };
}

function getOffers(state: EbayFakeState, sku: string | null): Reply {
  if (!sku) return ebayError(400, 25707, 'This is an invalid value for a SKU.');
  const offers = [...state.offers].filter(([, o]) => o.sku === sku);
  if (offers.length === 0) return ebayError(404, 25713, 'This Offer is not available.');
  return {
    status: 200,
    body: {
      total: offers.length,
      size: offers.length,
      limit: 25,
      offers: offers.map(([offerId, o]) => ({
        offerId,
        sku,
        marketplaceId: o.marketplaceId,
        format: 'FIXED_PRICE',
        status: o.status,
        ...(o.availableQuantity !== undefined ? { availableQuantity: o.availableQuantity } : {}),
        ...(o.status === 'PUBLISHED'
          ? { listing: { listingId: o.listingId, listingStatus: listingStatus(state, offerId) } }
          : {}),
      })),
    },
  };
}

interface BulkItem {
  sku?: string;
  shipToLocationAvailability?: { quantity?: number };
  offers?: { offerId?: string; availableQuantity?: number }[];
}

function bulkUpdate(state: EbayFakeState, body: unknown): Reply {
  const requests = (body as { requests?: BulkItem[] } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > 25)
    return ebayError(400, 25709, 'Invalid value for requests. Up to 25 are allowed.');
  const responses = requests.flatMap((r) => updateOne(state, r));
  const allOk = responses.every((r) => r.statusCode === 200);
  return { status: allOk ? 200 : 207, body: { responses } };
}

function updateOne(state: EbayFakeState, r: BulkItem) {
  const sku = r.sku ?? '';
  const itemError = (statusCode: number, errorId: number, message: string) => [
    { statusCode, sku, errors: [{ errorId, domain: 'API_INVENTORY', category: 'REQUEST', message }] },
  ];
  const refused = state.reject.get(sku);
  if (refused) return itemError(refused.statusCode, refused.errorId, refused.message);
  if (!state.items.has(sku)) return itemError(404, 25710, "We didn't find the resource/entity you are requesting.");
  const quantity = r.shipToLocationAvailability?.quantity;
  if (quantity !== undefined) {
    if (!Number.isInteger(quantity) || quantity < 0) return itemError(400, 25604, 'Invalid quantity.');
    state.items.set(sku, quantity);
    endIfSoldOut(state, sku);
  }
  if (!r.offers || r.offers.length === 0) return [{ statusCode: 200, sku }];
  return r.offers.map(({ offerId = '', availableQuantity }) => {
    const offer = state.offers.get(offerId);
    const rejected = state.reject.get(offerId);
    const error = (statusCode: number, errorId: number, message: string) => ({
      statusCode,
      sku,
      offerId,
      errors: [{ errorId, domain: 'API_INVENTORY', category: 'REQUEST', message }],
    });
    if (rejected) return error(rejected.statusCode, rejected.errorId, rejected.message);
    if (!offer || offer.sku !== sku) return error(400, 25713, 'This Offer is not available.');
    if (offer.status !== 'PUBLISHED') return error(400, 25713, 'This Offer is not published.');
    if (availableQuantity !== undefined) offer.availableQuantity = availableQuantity;
    endIfSoldOut(state, sku);
    return { statusCode: 200, sku, offerId };
  });
}

function shown(state: EbayFakeState, offerId: string): number {
  const offer = state.offers.get(offerId);
  if (!offer) throw new Error(`no offer ${offerId}`);
  return Math.min(state.items.get(offer.sku) ?? 0, offer.availableQuantity ?? Number.POSITIVE_INFINITY);
}

/** A listing without variations at 0 ends, unless out-of-stock control keeps it (hidden) alive. */
function endIfSoldOut(state: EbayFakeState, sku: string) {
  for (const [offerId, offer] of state.offers) {
    if (offer.sku === sku && offer.status === 'PUBLISHED' && !offer.variation && !state.outOfStockControl)
      if (shown(state, offerId) === 0) offer.ended = true;
  }
}

function listingStatus(state: EbayFakeState, offerId: string): string {
  const offer = state.offers.get(offerId);
  if (!offer) throw new Error(`no offer ${offerId}`);
  if (offer.ended) return 'ENDED';
  return shown(state, offerId) === 0 ? 'OUT_OF_STOCK' : 'ACTIVE';
}

function faultReply(kind: FaultKind, fault: FaultOptions): Reply {
  switch (kind) {
    case 'rate-limit':
      return ebayError(429, 2001, 'Too many requests. The request limit has been reached for the resource.', {
        'retry-after': String(fault.retryAfterSeconds ?? 1),
      });
    case 'throttled':
      return ebayError(429, 2001, 'Too many requests. The request limit has been reached for the resource.');
    case 'unauthorized':
      return {
        status: 401,
        body: { errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }] },
      };
    case 'forbidden':
      return {
        status: 403,
        body: { errors: [{ errorId: 1100, domain: 'ACCESS', category: 'REQUEST', message: 'Access denied' }] },
      };
    case 'locked':
      return ebayError(423, 2004, 'The account is locked.');
    case 'server-error':
      return ebayError(fault.status ?? 500, 25001, 'A system error has occurred.');
    case 'malformed':
      return { status: 200, body: '<!doctype html><html><body>eBay maintenance</body></html>' };
    default:
      throw new Error(`fault ${kind} is handled by the server`);
  }
}
