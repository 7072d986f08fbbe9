// Shopify: pause one variant by setting `available` to 0 at every location that stocks it (absolute,
// compare-and-swap with changeFromQuantity, idempotency key), or by setting its product to Draft; resume
// restores the snapshot exactly, after checking nothing changed while it was paused.
import { ChannelError, type ChannelWords, settle } from './error';
import { resolveTransport } from './http';
import { badKey, NUMERIC_ID, splitListingKey } from './listing-key';
import { SHOPIFY, ShopifyApi } from './shopify-api';
import {
  ProductUpdateDataSchema,
  SetQuantitiesDataSchema,
  SHOP_HANDLE,
  ShopDataSchema,
  type ShopifyCredentials,
  ShopifyCredentialsSchema,
  type ShopifySnapshot,
  ShopifySnapshotSchema,
  type ShopifyUserError,
  VariantByIdDataSchema,
} from './shopify-schemas';
import type { Channel, ChannelOptions, ListingRef, PauseStrategy } from './types';

const VARIANT_QUERY = `query VariantState($id: ID!) {
  productVariant(id: $id) {
    id sku inventoryPolicy
    product { id status }
    inventoryItem {
      id tracked
      inventoryLevels(first: 50) {
        pageInfo { hasNextPage }
        nodes { location { id name } quantities(names: ["available"]) { name quantity } }
      }
    }
  }
}`;

// The key is inlined: it is ours ([a-z0-9-] only) and Shopify's examples pass it as a literal.
const setQuantitiesMutation = (key: string) => `mutation SetAvailable($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) @idempotent(key: "${key}") { userErrors { code field message } }
}`;

const PRODUCT_STATUS_MUTATION = `mutation SetProductStatus($product: ProductUpdateInput!) {
  productUpdate(product: $product) { product { id status } userErrors { field message } }
}`;

const SHOP_QUERY = 'query ShopName { shop { name } }';

const LIVE_STATUSES = new Set(['ACTIVE', 'UNLISTED']);

export function createShopifyChannel(options: ChannelOptions = {}): Channel<ShopifySnapshot> {
  const api = new ShopifyApi(resolveTransport(options));
  const now = () => api.transport.now();
  return {
    id: 'shopify',
    name: SHOPIFY,
    pauseStrategies: ['quantity-zero', 'deactivate'],
    parseKey: (listingKey) => {
      try {
        return { ok: true, value: parseShopifyKey(listingKey) };
      } catch (err) {
        return { ok: false, error: (err as ChannelError).toFailure() };
      }
    },
    testConnection: (credentials) =>
      settle(SHOPIFY, async () => {
        const creds = readCredentials(credentials);
        const data = await api.graphql(creds, { query: SHOP_QUERY, idempotent: true, data: ShopDataSchema });
        return { storeName: data.shop.name };
      }),
    snapshot: (ref, credentials) =>
      settle(SHOPIFY, async () => readVariant(api, readCredentials(credentials, ref), ref, now())),
    pause: (ref, snapshot, strategy, credentials) =>
      settle(SHOPIFY, async () => {
        const creds = readCredentials(credentials, ref);
        const before = readSnapshot(snapshot, ref);
        const notes =
          strategy === 'deactivate'
            ? await setDraft(api, creds, ref, before, now())
            : await zeroAvailable(api, creds, before);
        return { strategy, before, after: await readVariant(api, creds, ref, now()), notes };
      }),
    resume: (ref, paused, credentials) =>
      settle(SHOPIFY, async () => {
        const creds = readCredentials(credentials, ref);
        const before = readSnapshot(paused.before, ref);
        const current = await readVariant(api, creds, ref, now());
        const notes = await restore(api, creds, paused.strategy, before, current);
        const after = await readVariant(api, creds, ref, now());
        const differs = restoredDifferences(paused.strategy, before, after);
        if (differs) notes.push({ key: 'channelNoteRestoredDiffers', subs: [SHOPIFY, differs] });
        return { after, notes };
      }),
  };
}

export function parseShopifyKey(listingKey: string): ListingRef {
  const [shop, productId, variantId] = splitListingKey(listingKey, 'shopify', SHOPIFY);
  const store = shop.toLowerCase();
  if (!SHOP_HANDLE.test(store) || !NUMERIC_ID.test(productId) || !NUMERIC_ID.test(variantId))
    throw badKey(SHOPIFY, listingKey);
  return { channel: 'shopify', listingKey, store, productId, variantId };
}

function readCredentials(credentials: unknown, ref?: ListingRef): ShopifyCredentials {
  const parsed = ShopifyCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ChannelError('auth', 'channelErrorBadCredentials', [SHOPIFY]);
  if (ref && parsed.data.shop !== ref.store)
    throw new ChannelError('refused', 'channelErrorOtherStore', [SHOPIFY, parsed.data.shop, ref.store]);
  return parsed.data;
}

function readSnapshot(snapshot: unknown, ref: ListingRef): ShopifySnapshot {
  const parsed = ShopifySnapshotSchema.safeParse(snapshot);
  if (!parsed.success || parsed.data.variantId !== `gid://shopify/ProductVariant/${ref.variantId}`)
    throw new ChannelError('refused', 'channelErrorBadSnapshot', [SHOPIFY]);
  return parsed.data;
}

async function readVariant(
  api: ShopifyApi,
  creds: ShopifyCredentials,
  ref: ListingRef,
  takenAt: number,
): Promise<ShopifySnapshot> {
  const data = await api.graphql(creds, {
    query: VARIANT_QUERY,
    variables: { id: `gid://shopify/ProductVariant/${ref.variantId}` },
    idempotent: true,
    data: VariantByIdDataSchema,
  });
  const v = data.productVariant;
  // A variant moved to another product is not the listing the key names.
  if (!v || v.product.id !== `gid://shopify/Product/${ref.productId}`)
    throw new ChannelError('not-found', 'channelErrorNotFound', [SHOPIFY], { detail: ref.listingKey });
  if (v.inventoryItem.inventoryLevels.pageInfo.hasNextPage)
    throw new ChannelError('refused', 'channelErrorTooManyLocations', [SHOPIFY]);
  return {
    channel: 'shopify',
    shop: creds.shop,
    productId: v.product.id,
    variantId: v.id,
    sku: v.sku,
    takenAt,
    productStatus: v.product.status,
    inventoryPolicy: v.inventoryPolicy,
    inventoryItemId: v.inventoryItem.id,
    tracked: v.inventoryItem.tracked,
    levels: v.inventoryItem.inventoryLevels.nodes.map((node) => {
      const available = node.quantities.find((q) => q.name === 'available');
      if (!available)
        throw new ChannelError('unexpected', 'channelErrorUnexpected', [SHOPIFY, 'no available quantity'], {
          detail: node.location.id,
        });
      return { locationId: node.location.id, locationName: node.location.name, available: available.quantity };
    }),
  };
}

/** The locations pause sets to 0: those with something to sell (0 or oversold levels are left as they are). */
const stockedLevels = (snap: ShopifySnapshot) => snap.levels.filter((l) => l.available > 0);

async function zeroAvailable(api: ShopifyApi, creds: ShopifyCredentials, before: ShopifySnapshot) {
  // Quantity 0 stops nothing when Shopify does not count this variant or sells it past zero.
  if (!before.tracked) throw new ChannelError('refused', 'channelErrorUntracked', [SHOPIFY]);
  if (before.inventoryPolicy === 'CONTINUE')
    throw new ChannelError('refused', 'channelErrorContinueSelling', [SHOPIFY]);
  const stocked = stockedLevels(before);
  if (stocked.length === 0) return [nothingToChange()];
  await setAvailable(
    api,
    creds,
    before,
    stocked.map((l) => ({ locationId: l.locationId, from: l.available, to: 0 })),
    'pause',
  );
  return [];
}

async function setDraft(
  api: ShopifyApi,
  creds: ShopifyCredentials,
  ref: ListingRef,
  before: ShopifySnapshot,
  now: number,
): Promise<ChannelWords[]> {
  if (!LIVE_STATUSES.has(before.productStatus)) return [nothingToChange()];
  // productUpdate has no compare-and-swap: read first so resume never restores a status someone since changed.
  const current = await readVariant(api, creds, ref, now);
  if (current.productStatus !== before.productStatus)
    throw conflict('pause', `status ${before.productStatus} → ${current.productStatus}`);
  await setProductStatus(api, creds, before.productId, 'DRAFT', 'pause');
  return [{ key: 'channelNoteWholeProduct', subs: [SHOPIFY] }];
}

async function restore(
  api: ShopifyApi,
  creds: ShopifyCredentials,
  strategy: PauseStrategy,
  before: ShopifySnapshot,
  current: ShopifySnapshot,
): Promise<ChannelWords[]> {
  if (strategy === 'deactivate') {
    if (!LIVE_STATUSES.has(before.productStatus)) return [nothingToChange()];
    if (current.productStatus !== 'DRAFT') throw conflict('resume', `status DRAFT → ${current.productStatus}`);
    await setProductStatus(api, creds, before.productId, before.productStatus, 'resume');
    return [];
  }
  const written = stockedLevels(before);
  const changed = written.flatMap((l) => {
    const now = current.levels.find((c) => c.locationId === l.locationId);
    return now?.available === 0 ? [] : [`${l.locationName}: 0 → ${now ? now.available : 'removed'}`];
  });
  if (changed.length > 0) throw conflict('resume', changed.join('; '));
  if (written.length === 0) return [nothingToChange()];
  await setAvailable(
    api,
    creds,
    before,
    written.map((l) => ({ locationId: l.locationId, from: 0, to: l.available })),
    'resume',
  );
  return [];
}

async function setAvailable(
  api: ShopifyApi,
  creds: ShopifyCredentials,
  snap: ShopifySnapshot,
  changes: { locationId: string; from: number; to: number }[],
  op: 'pause' | 'resume',
): Promise<void> {
  // One key per call: resent as is when an answer is lost, so Shopify applies the write once.
  const key = `oversell-guard-${op}-${crypto.randomUUID()}`;
  const data = await api.graphql(creds, {
    query: setQuantitiesMutation(key),
    variables: {
      input: {
        name: 'available',
        reason: 'correction',
        quantities: changes.map((c) => ({
          inventoryItemId: snap.inventoryItemId,
          locationId: c.locationId,
          quantity: c.to,
          changeFromQuantity: c.from,
        })),
      },
    },
    idempotent: true,
    data: SetQuantitiesDataSchema,
  });
  const userErrors = data.inventorySetQuantities?.userErrors ?? [];
  if (userErrors.length > 0) throw fromUserErrors(userErrors, op);
}

async function setProductStatus(
  api: ShopifyApi,
  creds: ShopifyCredentials,
  productId: string,
  status: string,
  op: 'pause' | 'resume',
) {
  // Setting an absolute status twice is harmless, so a lost answer may be resent.
  const data = await api.graphql(creds, {
    query: PRODUCT_STATUS_MUTATION,
    variables: { product: { id: productId, status } },
    idempotent: true,
    data: ProductUpdateDataSchema,
  });
  const userErrors = data.productUpdate?.userErrors ?? [];
  if (userErrors.length > 0) throw fromUserErrors(userErrors, op);
}

function fromUserErrors(errors: ShopifyUserError[], op: 'pause' | 'resume'): ChannelError {
  const stale = errors.find((e) => e.code === 'CHANGE_FROM_QUANTITY_STALE' || e.code === 'COMPARE_QUANTITY_STALE');
  if (stale) return conflict(op, stale.message);
  const first = errors[0];
  const detail = `${first.code ?? 'USER_ERROR'}: ${first.message}`;
  if (first.code === 'IDEMPOTENCY_CONCURRENT_REQUEST')
    return new ChannelError('throttled', 'channelErrorThrottled', [SHOPIFY, '1'], { retryAfterMs: 1000, detail });
  return new ChannelError('refused', 'channelErrorRefusedByChannel', [SHOPIFY, first.message.slice(0, 300)], {
    detail,
  });
}

function conflict(op: 'pause' | 'resume', what: string): ChannelError {
  const key = op === 'pause' ? 'channelErrorPauseConflict' : 'channelErrorResumeConflict';
  return new ChannelError('conflict', key, [SHOPIFY, what.slice(0, 300)], { detail: what });
}

const nothingToChange = (): ChannelWords => ({ key: 'channelNoteNothingToChange', subs: [SHOPIFY] });

/** What resume restored but Shopify holds otherwise (read back), in a line; null when all is as before. */
function restoredDifferences(strategy: PauseStrategy, before: ShopifySnapshot, after: ShopifySnapshot): string | null {
  if (strategy === 'deactivate')
    return before.productStatus === after.productStatus ? null : `status ${after.productStatus}`;
  const off = stockedLevels(before).flatMap((l) => {
    const now = after.levels.find((a) => a.locationId === l.locationId)?.available;
    return now === l.available ? [] : [`${l.locationName} ${now ?? '-'} (was ${l.available})`];
  });
  return off.length > 0 ? off.join('; ') : null;
}
