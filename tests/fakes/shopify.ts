// A fake Shopify store implementing the Admin GraphQL contract our client relies on (pinned version), with
// the rules the real one enforces: token auth, client-credentials tokens, `@idempotent` and
// `changeFromQuantity` required on inventorySetQuantities (2026-04), compare-and-swap, idempotent replays,
// userErrors, and cost extensions. Operations are told apart by name, since the client's queries are ours.
import { SHOPIFY_API_VERSION } from '../../lib/channels/shopify-schemas';
import {
  type FakeServer,
  type FaultKind,
  type FaultOptions,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server';

export const SHOP = 'acme-goods';
export const SHOP_NAME = 'Acme Goods';
export const ACCESS_TOKEN = 'shpat_fake_access_token_0001';
export const CLIENT_ID = 'fake-client-id-0001';
export const CLIENT_SECRET = 'shpss_fake_client_secret_0001';
export const PRODUCT_ID = '8123456789';
/** Tracked, DENY, stocked 7 at the warehouse and 3 at the shop floor, none at the pop-up. */
export const VARIANT_TRACKED = '44001';
export const VARIANT_UNTRACKED = '44002';
export const VARIANT_CONTINUE = '44003';
export const WAREHOUSE = 'gid://shopify/Location/71';
export const SHOP_FLOOR = 'gid://shopify/Location/72';
export const POP_UP = 'gid://shopify/Location/73';

export interface FakeVariant {
  productId: string;
  sku: string | null;
  inventoryPolicy: 'DENY' | 'CONTINUE';
  inventoryItemId: string;
  tracked: boolean;
}

export interface ShopifyFakeState {
  products: Map<string, { status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED' }>;
  variants: Map<string, FakeVariant>;
  locations: Map<string, string>;
  /** inventoryItemId -> locationId -> available. */
  levels: Map<string, Map<string, number>>;
  accessTokens: Set<string>;
  tokenExpiresIn: number;
  tokensIssued: number;
  /** Idempotency key -> the mutation's variables and its first answer. */
  idempotency: Map<string, { variables: string; reply: Reply }>;
}

export interface ShopifyFake extends FakeServer {
  state: ShopifyFakeState;
  /** Available quantity per location name, for assertions. */
  available(variantId: string): Record<string, number>;
  setAvailable(variantId: string, locationId: string, quantity: number): void;
  /** Every token stops working (an expired client-credentials token, a revoked app). */
  revokeTokens(): void;
  fail(kind: FaultKind, options?: FaultOptions): void;
}

const COST = {
  requestedQueryCost: 12,
  actualQueryCost: 12,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 },
};

export async function startShopifyFake(): Promise<ShopifyFake> {
  const state = seed();
  const server = await startFakeServer((req) => handle(state, req), faultReply);
  const itemOf = (variantId: string) => {
    const v = state.variants.get(variantId);
    if (!v) throw new Error(`no variant ${variantId}`);
    return state.levels.get(v.inventoryItemId) ?? new Map<string, number>();
  };
  return {
    ...server,
    state,
    available: (variantId) =>
      Object.fromEntries([...itemOf(variantId)].map(([loc, qty]) => [state.locations.get(loc) ?? loc, qty])),
    setAvailable: (variantId, locationId, quantity) => void itemOf(variantId).set(locationId, quantity),
    revokeTokens: () => state.accessTokens.clear(),
  };
}

function seed(): ShopifyFakeState {
  const item = (n: number) => `gid://shopify/InventoryItem/${n}`;
  return {
    products: new Map([[PRODUCT_ID, { status: 'ACTIVE' }]]),
    variants: new Map<string, FakeVariant>([
      [
        VARIANT_TRACKED,
        {
          productId: PRODUCT_ID,
          sku: 'TEE-BLUE-M',
          inventoryPolicy: 'DENY',
          inventoryItemId: item(901),
          tracked: true,
        },
      ],
      [
        VARIANT_UNTRACKED,
        {
          productId: PRODUCT_ID,
          sku: 'TEE-BLUE-L',
          inventoryPolicy: 'DENY',
          inventoryItemId: item(902),
          tracked: false,
        },
      ],
      [
        VARIANT_CONTINUE,
        { productId: PRODUCT_ID, sku: null, inventoryPolicy: 'CONTINUE', inventoryItemId: item(903), tracked: true },
      ],
    ]),
    locations: new Map([
      [WAREHOUSE, 'Warehouse'],
      [SHOP_FLOOR, 'Shop floor'],
      [POP_UP, 'Pop-up'],
    ]),
    levels: new Map([
      [
        item(901),
        new Map([
          [WAREHOUSE, 7],
          [SHOP_FLOOR, 3],
          [POP_UP, 0],
        ]),
      ],
      [item(902), new Map([[WAREHOUSE, 5]])],
      [item(903), new Map([[WAREHOUSE, 2]])],
    ]),
    accessTokens: new Set([ACCESS_TOKEN]),
    tokenExpiresIn: 86399,
    tokensIssued: 0,
    idempotency: new Map(),
  };
}

function handle(state: ShopifyFakeState, req: RecordedRequest): Reply {
  if (req.method === 'POST' && req.path === '/admin/oauth/access_token') return issueToken(state, req);
  if (req.method !== 'POST' || req.path !== `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`)
    return { status: 404, body: { errors: 'Not Found' } };
  if (!state.accessTokens.has(req.headers['x-shopify-access-token'] ?? ''))
    return {
      status: 401,
      body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
    };
  const { query, variables = {} } = (req.json ?? {}) as { query?: string; variables?: Record<string, unknown> };
  const op = /^\s*(?:query|mutation)\s+(\w+)/.exec(query ?? '')?.[1];
  switch (op) {
    case 'ShopName':
      return data({ shop: { name: SHOP_NAME } });
    case 'VariantState':
      return data({ productVariant: variantNode(state, String(variables.id)) });
    case 'SetAvailable':
      return setQuantities(state, query ?? '', variables);
    case 'SetProductStatus':
      return productUpdate(state, variables);
    default:
      return data(null, [{ message: `Unknown operation ${op}`, extensions: { code: 'BAD_REQUEST' } }]);
  }
}

const data = (d: unknown, errors?: unknown[]): Reply => ({
  status: 200,
  body: { ...(errors ? { errors } : {}), data: d, extensions: { cost: COST } },
});

function issueToken(state: ShopifyFakeState, req: RecordedRequest): Reply {
  const form = new URLSearchParams(req.body);
  if (
    form.get('grant_type') !== 'client_credentials' ||
    form.get('client_id') !== CLIENT_ID ||
    form.get('client_secret') !== CLIENT_SECRET
  )
    return { status: 400, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  const token = `shpat_fake_cc_${++state.tokensIssued}_0000`;
  state.accessTokens.add(token);
  return {
    status: 200,
    body: {
      access_token: token,
      scope: 'read_products,write_products,read_inventory,write_inventory',
      expires_in: state.tokenExpiresIn,
    },
  };
}

function variantNode(state: ShopifyFakeState, id: string) {
  const num = /^gid:\/\/shopify\/ProductVariant\/(\d+)$/.exec(id)?.[1];
  const v = num ? state.variants.get(num) : undefined;
  if (!num || !v) return null;
  const levels = [...(state.levels.get(v.inventoryItemId) ?? new Map<string, number>())];
  return {
    id,
    sku: v.sku,
    inventoryPolicy: v.inventoryPolicy,
    product: { id: `gid://shopify/Product/${v.productId}`, status: state.products.get(v.productId)?.status },
    inventoryItem: {
      id: v.inventoryItemId,
      tracked: v.tracked,
      inventoryLevels: {
        pageInfo: { hasNextPage: false },
        nodes: levels.map(([loc, qty]) => ({
          location: { id: loc, name: state.locations.get(loc) },
          quantities: [{ name: 'available', quantity: qty }],
        })),
      },
    },
  };
}

interface QuantityInput {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  changeFromQuantity?: number | null;
}

function setQuantities(state: ShopifyFakeState, query: string, variables: Record<string, unknown>): Reply {
  const key = /@idempotent\(key:\s*"([^"]+)"\)/.exec(query)?.[1];
  if (!key)
    return data(null, [
      { message: 'The @idempotent directive is required for this mutation.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  const seen = state.idempotency.get(key);
  const asSent = JSON.stringify(variables);
  if (seen)
    return seen.variables === asSent
      ? seen.reply
      : userErrors(
          'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
          'The same idempotency key cannot be used with different operation parameters.',
        );
  const reply = applyQuantities(
    state,
    variables.input as { name?: string; reason?: string; quantities?: QuantityInput[] },
  );
  state.idempotency.set(key, { variables: asSent, reply });
  return reply;
}

function applyQuantities(
  state: ShopifyFakeState,
  input: { name?: string; reason?: string; quantities?: QuantityInput[] },
): Reply {
  if (input?.name !== 'available')
    return userErrors('INVALID_NAME', "The quantity name must be either 'available' or 'on_hand'.");
  if (input.reason !== 'correction') return userErrors('INVALID_REASON', 'The specified reason is invalid.');
  const quantities = input.quantities ?? [];
  // Every check first, then every write: the mutation is all or nothing.
  for (const q of quantities) {
    if (!('changeFromQuantity' in q))
      return data(null, [
        {
          message: 'changeFromQuantity is required (pass null to skip the check).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);
    const item = state.levels.get(q.inventoryItemId);
    if (!item) return userErrors('INVALID_INVENTORY_ITEM', 'The specified inventory item could not be found.');
    if (!item.has(q.locationId))
      return userErrors('ITEM_NOT_STOCKED_AT_LOCATION', 'The specified inventory item is not stocked at the location.');
    if (q.changeFromQuantity !== null && q.changeFromQuantity !== item.get(q.locationId))
      return userErrors('CHANGE_FROM_QUANTITY_STALE', 'The changeFromQuantity value does not match persisted value.');
  }
  for (const q of quantities) state.levels.get(q.inventoryItemId)?.set(q.locationId, q.quantity);
  return data({ inventorySetQuantities: { userErrors: [] } });
}

const userErrors = (code: string, message: string): Reply =>
  data({ inventorySetQuantities: { userErrors: [{ code, field: ['input'], message }] } });

function productUpdate(state: ShopifyFakeState, variables: Record<string, unknown>): Reply {
  const input = (variables.product ?? {}) as { id?: string; status?: string };
  const num = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(input.id ?? '')?.[1];
  const product = num ? state.products.get(num) : undefined;
  if (!product)
    return data({
      productUpdate: { product: null, userErrors: [{ field: ['id'], message: 'Product does not exist' }] },
    });
  if (!['ACTIVE', 'ARCHIVED', 'DRAFT', 'UNLISTED'].includes(input.status ?? ''))
    return data(null, [
      {
        message: `Variable $product of type ProductUpdateInput! was provided invalid value for status`,
        extensions: { code: 'INVALID_VARIABLE' },
      },
    ]);
  product.status = input.status as typeof product.status;
  return data({ productUpdate: { product: { id: input.id, status: product.status }, userErrors: [] } });
}

function faultReply(kind: FaultKind, fault: FaultOptions): Reply {
  switch (kind) {
    case 'rate-limit':
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: {
          errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
        },
      };
    case 'throttled':
      // 300 points asked, 100 left, 100 a second back: the client should wait 2 s.
      return {
        status: 200,
        body: {
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: {
            cost: {
              requestedQueryCost: 300,
              actualQueryCost: null,
              throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 },
            },
          },
        },
      };
    case 'unauthorized':
      return {
        status: 401,
        body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
      };
    case 'forbidden':
      return {
        status: 403,
        body: { errors: '[API] This action requires merchant approval for write_inventory scope.' },
      };
    case 'locked':
      return { status: 423, body: { errors: 'This shop is unavailable' } };
    case 'server-error':
      return { status: fault.status ?? 500, body: { errors: 'Internal Server Error' } };
    case 'malformed':
      return {
        status: 200,
        body: { data: { productVariant: { id: 44001, surprise: true } }, extensions: { cost: COST } },
      };
    default:
      throw new Error(`fault ${kind} is handled by the server`);
  }
}
