// A fake WooCommerce store implementing the REST v3 product and variation endpoints our client relies on,
// with WooCommerce's own rules: Basic auth with a consumer key (read or read/write), WordPress error bodies,
// stock status derived from quantity and backorders when stock is managed, backorders forced to `no` when it
// is not, and variations that take their stock from the product (`manage_stock: "parent"`).
import {
  type FakeServer,
  type FaultKind,
  type FaultOptions,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-server';

export const WOO_HOST = 'shop.example.com';
export const WOO_SITE = `https://${WOO_HOST}`;
export const CONSUMER_KEY = `ck_${'a1'.repeat(20)}`;
export const CONSUMER_SECRET = `cs_${'b2'.repeat(20)}`;
/** Simple product, managed stock 7, backorders allowed with notice. */
export const SIMPLE_ID = 501;
/** Simple product without stock management, in stock. */
export const UNMANAGED_ID = 502;
/** Variable product managing stock (12) for variations that do not manage their own. */
export const VARIABLE_ID = 600;
/** Variation with its own stock: 4, backorders no. */
export const VARIATION_OWN = 601;
/** Variation on its product's stock. */
export const VARIATION_PARENT = 602;

type StockStatus = 'instock' | 'outofstock' | 'onbackorder';
type Backorders = 'no' | 'notify' | 'yes';
type PostStatus = 'publish' | 'draft' | 'pending' | 'private' | 'future';

export interface FakeStock {
  id: number;
  status: PostStatus;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: StockStatus;
  backorders: Backorders;
}
export interface FakeProduct extends FakeStock {
  name: string;
  type: string;
}
export interface FakeVariation extends FakeStock {
  parentId: number;
}

export interface WooFakeState {
  products: Map<number, FakeProduct>;
  variations: Map<number, FakeVariation>;
  key: { consumerKey: string; consumerSecret: string; permissions: 'read' | 'read_write' };
}

export interface WooFake extends FakeServer {
  state: WooFakeState;
  fail(kind: FaultKind, options?: FaultOptions): void;
}

const API = '/wp-json/wc/v3';

export async function startWooFake(): Promise<WooFake> {
  const state = seed();
  const server = await startFakeServer((req) => handle(state, req), faultReply);
  return { ...server, state };
}

function seed(): WooFakeState {
  const stock = (id: number, s: Partial<FakeStock>): FakeStock => ({
    id,
    status: 'publish',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    backorders: 'no',
    ...s,
  });
  return {
    products: new Map<number, FakeProduct>([
      [
        SIMPLE_ID,
        {
          ...stock(SIMPLE_ID, { manage_stock: true, stock_quantity: 7, backorders: 'notify' }),
          name: 'Canvas tote',
          type: 'simple',
        },
      ],
      [UNMANAGED_ID, { ...stock(UNMANAGED_ID, {}), name: 'Enamel mug', type: 'simple' }],
      [
        VARIABLE_ID,
        { ...stock(VARIABLE_ID, { manage_stock: true, stock_quantity: 12 }), name: 'Linen shirt', type: 'variable' },
      ],
    ]),
    variations: new Map<number, FakeVariation>([
      [VARIATION_OWN, { ...stock(VARIATION_OWN, { manage_stock: true, stock_quantity: 4 }), parentId: VARIABLE_ID }],
      [VARIATION_PARENT, { ...stock(VARIATION_PARENT, {}), parentId: VARIABLE_ID }],
    ]),
    key: { consumerKey: CONSUMER_KEY, consumerSecret: CONSUMER_SECRET, permissions: 'read_write' },
  };
}

const wpError = (status: number, code: string, message: string): Reply => ({
  status,
  body: { code, message, data: { status } },
});

function handle(state: WooFakeState, req: RecordedRequest): Reply {
  const url = new URL(req.path, 'http://fake');
  const route = url.pathname.startsWith(API) ? url.pathname.slice(API.length) : null;
  const authError = authenticate(state, req);
  if (route === null) return { status: 404, body: '<!doctype html><title>Page not found</title>' };
  if (authError) return authError;
  if (req.method === 'PUT' && state.key.permissions !== 'read_write')
    return wpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');

  if (route === '/products' && req.method === 'GET')
    return {
      status: 200,
      body: [...state.products.values()]
        .slice(0, Number(url.searchParams.get('per_page') ?? 10))
        .map((p) => productView(p)),
    };
  const product = /^\/products\/(\d+)$/.exec(route);
  if (product) {
    const p = state.products.get(Number(product[1]));
    if (!p) return wpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    if (req.method === 'GET') return { status: 200, body: productView(p) };
    if (req.method === 'PUT') return update(p, req.json, () => ({ status: 200, body: productView(p) }));
  }
  const variation = /^\/products\/(\d+)\/variations\/(\d+)$/.exec(route);
  if (variation) {
    const v = state.variations.get(Number(variation[2]));
    const parent = state.products.get(Number(variation[1]));
    if (!v || !parent || v.parentId !== parent.id)
      return wpError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
    if (req.method === 'GET') return { status: 200, body: variationView(v, parent) };
    if (req.method === 'PUT') return update(v, req.json, () => ({ status: 200, body: variationView(v, parent) }));
  }
  return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}

function authenticate(state: WooFakeState, req: RecordedRequest): Reply | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic '))
    return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  const [key, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  if (key !== state.key.consumerKey)
    return wpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
  if (secret !== state.key.consumerSecret)
    return wpError(
      401,
      'woocommerce_rest_authentication_error',
      'Invalid signature - provided signature does not match.',
    );
  return null;
}

const productView = (p: FakeProduct) => ({
  ...p,
  backorders_allowed: p.backorders !== 'no',
  price: '19.00',
  sku: `SKU-${p.id}`,
});

/** A variation on its product's stock shows `parent` with the product's quantity and backorders. */
function variationView(v: FakeVariation, parent: FakeProduct) {
  const inherits = !v.manage_stock && parent.manage_stock;
  return {
    id: v.id,
    status: v.status,
    manage_stock: inherits ? 'parent' : v.manage_stock,
    stock_quantity: inherits ? parent.stock_quantity : v.stock_quantity,
    stock_status: inherits ? derivedStatus(parent.stock_quantity ?? 0, parent.backorders) : v.stock_status,
    backorders: inherits ? parent.backorders : v.backorders,
    price: '24.00',
  };
}

const STATUSES = ['publish', 'draft', 'pending', 'private', 'future'];
const STOCK_STATUSES = ['instock', 'outofstock', 'onbackorder'];
const BACKORDERS = ['no', 'notify', 'yes'];

/** WooCommerce's order: manage_stock, stock_status, backorders, then quantity or the unmanaged defaults. */
function update(item: FakeStock, body: unknown, view: () => Reply): Reply {
  const b = (body ?? {}) as Record<string, unknown>;
  const bad = [
    b.status !== undefined && !STATUSES.includes(b.status as string) && 'status',
    b.stock_status !== undefined && !STOCK_STATUSES.includes(b.stock_status as string) && 'stock_status',
    b.backorders !== undefined && !BACKORDERS.includes(b.backorders as string) && 'backorders',
    b.manage_stock !== undefined && typeof b.manage_stock !== 'boolean' && 'manage_stock',
    b.stock_quantity !== undefined && !Number.isInteger(b.stock_quantity) && 'stock_quantity',
  ].filter(Boolean);
  if (bad.length > 0) return wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${bad.join(', ')}`);
  if (b.status !== undefined) item.status = b.status as PostStatus;
  if (b.manage_stock !== undefined) item.manage_stock = b.manage_stock as boolean;
  if (b.stock_status !== undefined) item.stock_status = b.stock_status as StockStatus;
  if (b.backorders !== undefined) item.backorders = b.backorders as Backorders;
  if (item.manage_stock) {
    if (b.stock_quantity !== undefined) item.stock_quantity = b.stock_quantity as number;
    item.stock_status = derivedStatus(item.stock_quantity ?? 0, item.backorders);
  } else {
    item.backorders = 'no';
    item.stock_quantity = null;
  }
  return view();
}

function derivedStatus(qty: number, backorders: Backorders): StockStatus {
  if (qty > 0) return 'instock';
  return backorders === 'no' ? 'outofstock' : 'onbackorder';
}

function faultReply(kind: FaultKind, fault: FaultOptions): Reply {
  switch (kind) {
    case 'rate-limit':
      return {
        ...wpError(429, 'rest_too_many_requests', 'Too many requests.'),
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      };
    case 'unauthorized':
      return wpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
    case 'forbidden':
      return wpError(403, 'rest_forbidden', 'Sorry, you are not allowed to do that.');
    case 'locked':
      return wpError(423, 'rest_locked', 'The site is locked.');
    case 'server-error':
      return wpError(fault.status ?? 500, 'internal_server_error', 'There has been a critical error on this website.');
    case 'malformed':
      // A caching plugin answering the API with a page.
      return { status: 200, body: '<!doctype html><html><body>Cached page</body></html>' };
    case 'throttled':
      return wpError(429, 'rest_too_many_requests', 'Too many requests.');
    default:
      throw new Error(`fault ${kind} is handled by the server`);
  }
}
