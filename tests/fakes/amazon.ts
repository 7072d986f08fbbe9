// A fake Amazon seller implementing the SP-API contract our client relies on, with Amazon's rules: Login with
// Amazon access tokens from the refresh-token grant sent as `x-amz-access-token` (an expired one is refused with
// 403 Unauthorized), Listings Items 2021-08-01 GET with `includedData` and PATCH with JSON-patch `replace` or
// `merge` on /attributes/fulfillment_availability, answered ACCEPTED or INVALID with issues, patches applied
// after a processing delay when asked, and 429s naming the operation's rate.
import {
  type FakeServer,
  type FaultKind,
  type FaultOptions,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server';

export const SELLER_ID = 'A3FAKESELLER7Q';
export const LWA_CLIENT_ID = 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef';
export const LWA_CLIENT_SECRET = 'amzn1.oa2-cs.v1.fakeclientsecret0123456789';
export const LWA_REFRESH_TOKEN = 'Atzr|IwEBIFakeRefreshToken0001';
export const US = 'ATVPDKIKX0DER';
export const DE = 'A1PA6795UKMFR9';
/** Seller-fulfilled child of TEE-PARENT: 12 in stock, ships within 3 days. */
export const SKU_OWN = 'TEE-BLUE-M';
export const SKU_PARENT = 'TEE-PARENT';
/** Fulfilled by Amazon. */
export const SKU_FBA = 'MUG-FBA';

export interface FulfilmentEntry {
  fulfillment_channel_code: string;
  quantity?: number;
  lead_time_to_ship_max_days?: number;
}

export interface FakeItem {
  productType: string;
  status: string[];
  fulfillment: FulfilmentEntry[];
}

export interface AmazonFakeState {
  /** `<marketplace>\n<sku>` -> item. */
  items: Map<string, FakeItem>;
  accessTokens: Set<string>;
  issued: number;
  /** Accepted patches wait for `process()` instead of applying at once (Amazon applies them within minutes). */
  delayPatches: boolean;
  pending: (() => void)[];
}

export interface AmazonFake extends FakeServer {
  state: AmazonFakeState;
  item(marketplaceId: string, sku: string): FakeItem;
  /** Applies the patches Amazon accepted but has not processed yet. */
  process(): void;
  expireAccessTokens(): void;
  fail(kind: FaultKind, options?: FaultOptions): void;
}

const ITEMS = `/listings/2021-08-01/items/${SELLER_ID}/`;

export async function startAmazonFake(): Promise<AmazonFake> {
  const state = seed();
  const server = await startFakeServer((req) => handle(state, req), faultReply);
  return {
    ...server,
    state,
    item: (marketplaceId, sku) => {
      const item = state.items.get(`${marketplaceId}\n${sku}`);
      if (!item) throw new Error(`no item ${sku}`);
      return item;
    },
    process: () => {
      for (const apply of state.pending.splice(0)) apply();
    },
    expireAccessTokens: () => state.accessTokens.clear(),
  };
}

function seed(): AmazonFakeState {
  const buyable = ['BUYABLE', 'DISCOVERABLE'];
  return {
    items: new Map([
      [
        `${US}\n${SKU_OWN}`,
        {
          productType: 'SHIRT',
          status: buyable,
          fulfillment: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 3 }],
        },
      ],
      [`${US}\n${SKU_PARENT}`, { productType: 'SHIRT', status: ['DISCOVERABLE'], fulfillment: [] }],
      [
        `${US}\n${SKU_FBA}`,
        {
          productType: 'DRINKING_CUP',
          status: buyable,
          fulfillment: [{ fulfillment_channel_code: 'AMAZON_NA', quantity: 40 }],
        },
      ],
      [
        `${DE}\n${SKU_OWN}`,
        { productType: 'SHIRT', status: buyable, fulfillment: [{ fulfillment_channel_code: 'DEFAULT', quantity: 5 }] },
      ],
    ]),
    accessTokens: new Set(),
    issued: 0,
    delayPatches: false,
    pending: [],
  };
}

const errors = (status: number, code: string, message: string, details = ''): Reply => ({
  status,
  headers: { 'x-amzn-requestid': 'fake-request-id' },
  body: { errors: [{ code, message, details }] },
});

function handle(state: AmazonFakeState, req: RecordedRequest): Reply {
  const url = new URL(req.path, 'http://fake');
  if (req.method === 'POST' && url.pathname === '/auth/o2/token') return grant(state, req);
  if (!state.accessTokens.has(req.headers['x-amz-access-token'] ?? ''))
    return errors(
      403,
      'Unauthorized',
      'Access to requested resource is denied.',
      'The access token you provided has expired.',
    );
  if (req.method === 'GET' && url.pathname === '/sellers/v1/marketplaceParticipations')
    return {
      status: 200,
      body: {
        payload: [
          {
            marketplace: { id: US, name: 'Amazon.com', countryCode: 'US', defaultCurrencyCode: 'USD' },
            participation: { isParticipating: true, hasSuspendedListings: false },
            storeName: 'Acme Goods US',
          },
        ],
      },
    };
  if (!url.pathname.startsWith(ITEMS)) return errors(404, 'NotFound', 'Resource not found');
  const sku = decodeURIComponent(url.pathname.slice(ITEMS.length));
  const marketplace = url.searchParams.get('marketplaceIds') ?? '';
  if (!marketplace || marketplace.includes(','))
    return errors(400, 'InvalidInput', 'marketplaceIds must name exactly one marketplace');
  const item = state.items.get(`${marketplace}\n${sku}`);
  if (!item) return errors(404, 'NOT_FOUND', `SKU '${sku}' not found in marketplace ${marketplace}`);
  if (req.method === 'GET') return getItem(sku, marketplace, item, url.searchParams.get('includedData') ?? 'summaries');
  if (req.method === 'PATCH') return patchItem(state, sku, item, req.json);
  return errors(405, 'MethodNotAllowed', 'Method not allowed');
}

function grant(state: AmazonFakeState, req: RecordedRequest): Reply {
  const form = new URLSearchParams(req.body);
  if (form.get('client_id') !== LWA_CLIENT_ID || form.get('client_secret') !== LWA_CLIENT_SECRET)
    return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== LWA_REFRESH_TOKEN)
    return {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' },
    };
  const token = `Atza|IwEBIFakeAccessToken${++state.issued}`;
  state.accessTokens.add(token);
  return {
    status: 200,
    body: { access_token: token, refresh_token: LWA_REFRESH_TOKEN, token_type: 'bearer', expires_in: 3600 },
  };
}

function getItem(sku: string, marketplaceId: string, item: FakeItem, includedData: string): Reply {
  const included = new Set(includedData.split(','));
  return {
    status: 200,
    body: {
      sku,
      ...(included.has('summaries')
        ? {
            summaries: [
              {
                marketplaceId,
                asin: 'B0FAKEASIN',
                productType: item.productType,
                conditionType: 'new_new',
                status: item.status,
                itemName: sku,
                createdDate: '2025-01-01T00:00:00Z',
                lastUpdatedDate: '2026-11-01T00:00:00Z',
              },
            ],
          }
        : {}),
      ...(included.has('attributes') ? { attributes: { fulfillment_availability: item.fulfillment } } : {}),
      ...(included.has('fulfillmentAvailability')
        ? {
            fulfillmentAvailability: item.fulfillment.map((f) => ({
              fulfillmentChannelCode: f.fulfillment_channel_code,
              ...(f.quantity !== undefined ? { quantity: f.quantity } : {}),
            })),
          }
        : {}),
    },
  };
}

interface Patch {
  op?: string;
  path?: string;
  value?: FulfilmentEntry[];
}

function patchItem(state: AmazonFakeState, sku: string, item: FakeItem, body: unknown): Reply {
  const { productType, patches } = (body ?? {}) as { productType?: string; patches?: Patch[] };
  const invalid = (code: string, message: string): Reply => ({
    status: 200,
    body: {
      sku,
      status: 'INVALID',
      submissionId: 'fake-submission',
      issues: [{ code, message, severity: 'ERROR', attributeNames: ['fulfillment_availability'] }],
    },
  });
  if (productType !== item.productType)
    return invalid('4000003', `The product type '${productType}' does not match this listing's product type.`);
  if (!Array.isArray(patches) || patches.length === 0) return errors(400, 'InvalidInput', 'patches must not be empty');
  const changes: (() => void)[] = [];
  for (const patch of patches) {
    if (patch.path !== '/attributes/fulfillment_availability' || !Array.isArray(patch.value))
      return invalid('90220', `Unsupported patch path ${patch.path}`);
    const bad = patch.value.find(
      (v) =>
        !v.fulfillment_channel_code || (v.quantity !== undefined && !(Number.isInteger(v.quantity) && v.quantity >= 0)),
    );
    if (bad) return invalid('90244', "The value for 'quantity' must be a whole number of 0 or more.");
    const value = patch.value;
    if (patch.op === 'replace')
      changes.push(() => {
        item.fulfillment = value.map((v) => ({ ...v }));
      });
    else if (patch.op === 'merge')
      changes.push(() => {
        for (const v of value) {
          const entry = item.fulfillment.find((f) => f.fulfillment_channel_code === v.fulfillment_channel_code);
          if (entry) Object.assign(entry, v);
          else item.fulfillment.push({ ...v });
        }
      });
    else return errors(400, 'InvalidInput', `Unsupported patch op ${patch.op}`);
  }
  const apply = () => {
    for (const change of changes) change();
  };
  if (state.delayPatches) state.pending.push(apply);
  else apply();
  return { status: 200, body: { sku, status: 'ACCEPTED', submissionId: 'fake-submission', issues: [] } };
}

function faultReply(kind: FaultKind, fault: FaultOptions): Reply {
  const quota = errors(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
  switch (kind) {
    case 'rate-limit':
      return {
        ...quota,
        headers: { 'x-amzn-ratelimit-limit': '5.0', 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      };
    case 'throttled':
      // No Retry-After: the rate header says how fast tokens come back (5 a second).
      return { ...quota, headers: { 'x-amzn-ratelimit-limit': '5.0' } };
    case 'unauthorized':
      return errors(401, 'Unauthorized', 'Access to requested resource is denied.');
    case 'forbidden':
      return errors(
        403,
        'Unauthorized',
        'Access to requested resource is denied.',
        'The application lacks the Product Listing role.',
      );
    case 'locked':
      return errors(423, 'Locked', 'The seller account is locked.');
    case 'server-error':
      return errors(fault.status ?? 500, 'InternalFailure', 'We encountered an internal error. Please try again.');
    case 'malformed':
      return { status: 200, body: '<!doctype html><html><body>Service Unavailable</body></html>' };
    default:
      throw new Error(`fault ${kind} is handled by the server`);
  }
}
