// WooCommerce: pause a simple product or a variation with one absolute PUT ({manage_stock: true,
// stock_quantity: 0, backorders: 'no'}, or draft / private), resume by restoring the snapshot's stock fields
// exactly. WooCommerce has no compare-and-swap, so both read first and refuse when the state moved.
import type { z } from 'zod';
import { ChannelError, type ChannelWords, settle } from './error';
import { resolveTransport } from './http';
import { badKey, NUMERIC_ID, splitListingKey } from './listing-key';
import type { Channel, ChannelOptions, ListingRef, PauseStrategy } from './types';
import { WOO, WooApi } from './woocommerce-api';
import {
  type WooCredentials,
  WooCredentialsSchema,
  WooProductListSchema,
  WooProductSchema,
  type WooSnapshot,
  WooSnapshotSchema,
  WooVariationSchema,
} from './woocommerce-schemas';

/** Product types whose own stock sells nothing: the variations (or linked products) do. */
const NO_STOCK_OF_ITS_OWN = new Set(['variable', 'grouped', 'external']);

export function createWooCommerceChannel(options: ChannelOptions = {}): Channel<WooSnapshot> {
  const api = new WooApi(resolveTransport(options));
  const now = () => api.transport.now();
  const read = (creds: WooCredentials, ref: ListingRef) => readListing(api, creds, ref, now());
  return {
    id: 'woocommerce',
    name: WOO,
    pauseStrategies: ['quantity-zero', 'deactivate'],
    parseKey: (listingKey) => {
      try {
        return { ok: true, value: parseWooKey(listingKey) };
      } catch (err) {
        return { ok: false, error: (err as ChannelError).toFailure() };
      }
    },
    testConnection: (credentials) =>
      settle(WOO, async () => {
        const creds = readCredentials(credentials);
        await api.request(creds, undefined, {
          method: 'GET',
          path: '/products?per_page=1',
          data: WooProductListSchema,
        });
        return { storeName: new URL(creds.siteUrl).host };
      }),
    snapshot: (ref, credentials) => settle(WOO, async () => read(readCredentials(credentials), ref)),
    pause: (ref, snapshot, strategy, credentials) =>
      settle(WOO, async () => {
        const creds = readCredentials(credentials);
        const before = readSnapshot(snapshot, ref);
        const write = pauseWrite(before, strategy);
        if (!write) return { strategy, before, after: await read(creds, ref), notes: [nothingToChange()] };
        const current = await read(creds, ref);
        const moved = differences(before, current);
        if (moved) throw conflict('channelErrorPauseConflict', moved);
        const after = await put(api, creds, ref, write, now());
        return { strategy, before, after, notes: pauseNotes(before, strategy) };
      }),
    resume: (ref, paused, credentials) =>
      settle(WOO, async () => {
        const creds = readCredentials(credentials);
        const before = readSnapshot(paused.before, ref);
        const current = await read(creds, ref);
        if (!pauseWrite(before, paused.strategy)) return { after: current, notes: [nothingToChange()] };
        const moved = notAsPauseLeft(before, paused.strategy, current);
        if (moved) throw conflict('channelErrorResumeConflict', moved);
        const after = await put(api, creds, ref, restoreWrite(before, paused.strategy), now());
        const differs = differences(before, after);
        return { after, notes: differs ? [{ key: 'channelNoteRestoredDiffers', subs: [WOO, differs] }] : [] };
      }),
  };
}

export function parseWooKey(listingKey: string): ListingRef {
  const [host, productId, variant] = splitListingKey(listingKey, 'woocommerce', WOO);
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || !NUMERIC_ID.test(productId)) throw badKey(WOO, listingKey);
  if (variant !== 'default' && !NUMERIC_ID.test(variant)) throw badKey(WOO, listingKey);
  return {
    channel: 'woocommerce',
    listingKey,
    store: host.toLowerCase(),
    productId,
    variantId: variant === 'default' ? null : variant,
  };
}

function readCredentials(credentials: unknown): WooCredentials {
  const parsed = WooCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ChannelError('auth', 'channelErrorBadCredentials', [WOO]);
  return parsed.data;
}

function readSnapshot(snapshot: unknown, ref: ListingRef): WooSnapshot {
  const parsed = WooSnapshotSchema.safeParse(snapshot);
  const ok =
    parsed.success &&
    String(parsed.data.productId) === ref.productId &&
    (parsed.data.variationId === null ? null : String(parsed.data.variationId)) === ref.variantId;
  if (!ok) throw new ChannelError('refused', 'channelErrorBadSnapshot', [WOO]);
  return parsed.data;
}

const listingPath = (ref: ListingRef) =>
  ref.variantId === null ? `/products/${ref.productId}` : `/products/${ref.productId}/variations/${ref.variantId}`;

async function readListing(api: WooApi, creds: WooCredentials, ref: ListingRef, takenAt: number): Promise<WooSnapshot> {
  if (ref.variantId === null) {
    const p = await api.request(creds, ref, { method: 'GET', path: listingPath(ref), data: WooProductSchema });
    return toSnapshot(ref, p.type, p, takenAt);
  }
  const v = await api.request(creds, ref, { method: 'GET', path: listingPath(ref), data: WooVariationSchema });
  return toSnapshot(ref, 'variation', v, takenAt);
}

async function put(api: WooApi, creds: WooCredentials, ref: ListingRef, body: object, takenAt: number) {
  if (ref.variantId === null) {
    const p = await api.request(creds, ref, { method: 'PUT', path: listingPath(ref), body, data: WooProductSchema });
    return toSnapshot(ref, p.type, p, takenAt);
  }
  const v = await api.request(creds, ref, { method: 'PUT', path: listingPath(ref), body, data: WooVariationSchema });
  return toSnapshot(ref, 'variation', v, takenAt);
}

type StockView = z.infer<typeof WooVariationSchema>;

function toSnapshot(ref: ListingRef, type: string, v: StockView, takenAt: number): WooSnapshot {
  return {
    channel: 'woocommerce',
    host: ref.store,
    productId: Number(ref.productId),
    variationId: ref.variantId === null ? null : v.id,
    type,
    takenAt,
    status: v.status,
    manageStock: v.manage_stock,
    stockQuantity: v.stock_quantity,
    stockStatus: v.stock_status,
    backorders: v.backorders,
  };
}

const pausedStatus = (snap: WooSnapshot) => (snap.variationId === null ? 'draft' : 'private');

/** The one PUT that pauses, or null when the listing already cannot sell that way. */
function pauseWrite(before: WooSnapshot, strategy: PauseStrategy): object | null {
  if (strategy === 'deactivate') return before.status === 'publish' ? { status: pausedStatus(before) } : null;
  if (NO_STOCK_OF_ITS_OWN.has(before.type))
    throw new ChannelError('refused', 'channelErrorNoStockOfItsOwn', [WOO, before.type]);
  // WooCommerce itself counts an empty managed quantity as 0 (wc_stock_amount).
  const alreadyZero = before.manageStock === true && (before.stockQuantity ?? 0) <= 0 && before.backorders === 'no';
  return alreadyZero ? null : { manage_stock: true, stock_quantity: 0, backorders: 'no' };
}

function restoreWrite(before: WooSnapshot, strategy: PauseStrategy): object {
  if (strategy === 'deactivate') return { status: before.status };
  if (before.manageStock === true)
    return { manage_stock: true, stock_quantity: before.stockQuantity ?? 0, backorders: before.backorders };
  // Back to the product's stock: the variation shows `parent` again.
  if (before.manageStock === 'parent') return { manage_stock: false };
  return { manage_stock: false, stock_status: before.stockStatus };
}

function pauseNotes(before: WooSnapshot, strategy: PauseStrategy): ChannelWords[] {
  if (strategy === 'deactivate') return [];
  const notes: ChannelWords[] = [];
  if (before.backorders !== 'no') notes.push({ key: 'channelNoteBackordersOff', subs: [WOO] });
  if (before.manageStock === false) notes.push({ key: 'channelNoteStockManagementOn', subs: [WOO] });
  if (before.manageStock === 'parent') notes.push({ key: 'channelNoteParentStock', subs: [WOO] });
  return notes;
}

/**
 * The fields that say how the listing sells, as far as this snapshot owns them: a variation on its product's
 * stock shows the product's quantity, which other variations' sales move, so only its own fields count.
 */
function ownFields(snap: WooSnapshot) {
  if (snap.manageStock === true) return ['status', 'manageStock', 'stockQuantity', 'backorders'] as const;
  if (snap.manageStock === 'parent') return ['status', 'manageStock'] as const;
  return ['status', 'manageStock', 'stockStatus', 'backorders'] as const;
}

/** Fields of `a` whose values differ in `b`, as `field a → b`; null when none. */
function differences(a: WooSnapshot, b: WooSnapshot): string | null {
  const moved = ownFields(a)
    .filter((f) => a[f] !== b[f])
    .map((f) => `${f} ${a[f]} → ${b[f]}`);
  return moved.length > 0 ? moved.join('; ') : null;
}

/** What is not as pause left it (someone edited the listing in between); null when untouched. */
function notAsPauseLeft(before: WooSnapshot, strategy: PauseStrategy, current: WooSnapshot): string | null {
  if (strategy === 'deactivate') {
    const expected = pausedStatus(before);
    return current.status === expected ? null : `status ${expected} → ${current.status}`;
  }
  const moved = [
    current.manageStock === true ? null : `manageStock true → ${current.manageStock}`,
    current.stockQuantity === 0 ? null : `stockQuantity 0 → ${current.stockQuantity}`,
    current.backorders === 'no' ? null : `backorders no → ${current.backorders}`,
  ].filter((m) => m !== null);
  return moved.length > 0 ? moved.join('; ') : null;
}

function conflict(key: 'channelErrorPauseConflict' | 'channelErrorResumeConflict', what: string): ChannelError {
  return new ChannelError('conflict', key, [WOO, what.slice(0, 300)], { detail: what });
}

const nothingToChange = (): ChannelWords => ({ key: 'channelNoteNothingToChange', subs: [WOO] });
