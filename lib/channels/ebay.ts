// eBay: pause one SKU of a listing made through the Inventory API by writing 0 to its ship-to-home quantity and to
// every published offer's own cap in one bulkUpdatePriceQuantity call; resume writes the snapshot's quantities back.
// eBay has no compare-and-swap, so both read first and refuse when the quantities moved. eBay cannot hide a listing
// without ending it (withdrawing an offer ends it), and ends one at quantity 0 unless out-of-stock control is on.

import { EBAY, EbayApi, INVENTORY } from './ebay-api';
import { type BulkRequest, bulkUpdate, notInventoryApi } from './ebay-bulk';
import {
  EBAY_ITEM_ID,
  type EbayCredentials,
  EbayCredentialsSchema,
  EbaySkuSchema,
  type EbaySnapshot,
  EbaySnapshotSchema,
  InventoryItemSchema,
  InventoryPageSchema,
  OffersSchema,
} from './ebay-schemas';
import { ChannelError, type ChannelWords, settle } from './error';
import { resolveTransport } from './http';
import { badKey, splitKeyParts } from './listing-key';
import type { Channel, ChannelOptions, ListingRef, ListingSeen } from './types';

const ENDED = new Set(['ENDED', 'EBAY_ENDED']);

export function createEbayChannel(options: ChannelOptions = {}): Channel<EbaySnapshot> {
  const api = new EbayApi(resolveTransport(options));
  const read = (creds: EbayCredentials, ref: ListingRef) => readSku(api, creds, ref, api.transport.now());
  return {
    id: 'ebay',
    name: EBAY,
    pauseStrategies: ['quantity-zero'],
    parseKey: (listingKey, seen) => {
      try {
        return { ok: true, value: parseEbayKey(listingKey, seen) };
      } catch (err) {
        return { ok: false, error: (err as ChannelError).toFailure() };
      }
    },
    testConnection: (credentials) =>
      settle(EBAY, async () => {
        const creds = readCredentials(credentials);
        await api.request(creds, {
          method: 'GET',
          path: `${INVENTORY}/inventory_item?limit=1`,
          data: InventoryPageSchema,
        });
        return { storeName: EBAY };
      }),
    snapshot: (ref, credentials) => settle(EBAY, async () => read(readCredentials(credentials), ref)),
    pause: (ref, snapshot, strategy, credentials) =>
      settle(EBAY, async () => {
        // Withdrawing an offer ends the listing: eBay has no "hidden" state to return from.
        if (strategy !== 'quantity-zero') throw new ChannelError('refused', 'channelErrorEbayNoDeactivate', [EBAY]);
        const creds = readCredentials(credentials);
        const before = readSnapshot(snapshot, ref);
        if (!creds.outOfStockControl) throw new ChannelError('refused', 'channelErrorEbayOutOfStockControl', [EBAY]);
        const notes = otherSites(before);
        const write = pauseWrite(before);
        if (!write) return { strategy, before, after: await read(creds, ref), notes: [nothingToChange(), ...notes] };
        const moved = differences(before, await read(creds, ref));
        if (moved) throw conflict('channelErrorPauseConflict', moved);
        const after = await writeAndRead(api, creds, write, before, () => read(creds, ref));
        // The seller said out-of-stock control is on; if eBay ended the listing anyway, say what that means.
        if (ended(after)) notes.unshift({ key: 'channelNoteEbayEnded', subs: [EBAY] });
        return { strategy, before, after, notes };
      }),
    resume: (ref, paused, credentials) =>
      settle(EBAY, async () => {
        const creds = readCredentials(credentials);
        const before = readSnapshot(paused.before, ref);
        const current = await read(creds, ref);
        const write = pauseWrite(before);
        if (paused.strategy !== 'quantity-zero' || !write) return { after: current, notes: [nothingToChange()] };
        if (ended(current)) throw new ChannelError('refused', 'channelErrorListingEnded', [EBAY]);
        const moved = notAsPauseLeft(write, current);
        if (moved) throw conflict('channelErrorResumeConflict', moved);
        const after = await writeAndRead(api, creds, restoreWrite(before, write), current, () => read(creds, ref));
        const differs = differences(before, after);
        return { after, notes: differs ? [{ key: 'channelNoteRestoredDiffers', subs: [EBAY, differs] }] : [] };
      }),
  };
}

/** Sends the write and reads the SKU back; a write eBay refused in part says what it changed (from `from`). */
async function writeAndRead(
  api: EbayApi,
  creds: EbayCredentials,
  request: BulkRequest,
  from: EbaySnapshot,
  read: () => Promise<EbaySnapshot>,
): Promise<EbaySnapshot> {
  const failed = await bulkUpdate(api, creds, request);
  const after = await read();
  if (failed) throw failed.error(differences(from, after));
  return after;
}

/**
 * `ebay-listing:<itemId>:default` or `ebay-listing:<itemId>:<variation SKU, or its option values>`. The Inventory
 * API works by SKU, so a listing needs the SKU (custom label) Seller Hub showed for it. A variation's key names its
 * SKU only when every variation of the listing showed one; so once the listing was read (`seen`), what it showed
 * decides, and the key is read as a SKU only for a listing never seen.
 */
export function parseEbayKey(listingKey: string, seen?: ListingSeen): ListingRef {
  if (listingKey.startsWith('ebay-listing:draft-')) throw new ChannelError('refused', 'channelErrorEbayDraft', [EBAY]);
  const [itemId, variant] = splitKeyParts(listingKey, 'ebay-listing', EBAY, 2);
  if (!EBAY_ITEM_ID.test(itemId)) throw badKey(EBAY, listingKey);
  const shown = EbaySkuSchema.safeParse(seen?.sku);
  const fromKey = !seen && variant !== 'default' && variant.length <= 50 ? variant : null;
  const sku = shown.success ? shown.data : fromKey;
  if (!sku) throw new ChannelError('refused', 'channelErrorEbayNeedsSku', [EBAY]);
  return {
    channel: 'ebay',
    listingKey,
    store: '',
    productId: itemId,
    variantId: variant === 'default' ? null : variant,
    sku,
  };
}

function readCredentials(credentials: unknown): EbayCredentials {
  const parsed = EbayCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ChannelError('auth', 'channelErrorBadCredentials', [EBAY]);
  return parsed.data;
}

function readSnapshot(snapshot: unknown, ref: ListingRef): EbaySnapshot {
  const parsed = EbaySnapshotSchema.safeParse(snapshot);
  if (!parsed.success || parsed.data.itemId !== ref.productId || parsed.data.sku !== ref.sku)
    throw new ChannelError('refused', 'channelErrorBadSnapshot', [EBAY]);
  return parsed.data;
}

async function readSku(api: EbayApi, creds: EbayCredentials, ref: ListingRef, takenAt: number): Promise<EbaySnapshot> {
  const sku = ref.sku ?? '';
  const path = `${INVENTORY}/inventory_item/${encodeURIComponent(sku)}`;
  const item = await api
    .request(creds, { method: 'GET', path, data: InventoryItemSchema })
    .catch((err) =>
      Promise.reject(err instanceof ChannelError && err.code === 'not-found' ? notInventoryApi(sku) : err),
    );
  const page = await api
    .request(creds, { method: 'GET', path: `${INVENTORY}/offer?sku=${encodeURIComponent(sku)}`, data: OffersSchema })
    .catch((err) =>
      err instanceof ChannelError && err.code === 'not-found' ? { offers: [], next: undefined } : Promise.reject(err),
    );
  if (page.next)
    throw new ChannelError('unexpected', 'channelErrorUnexpected', [EBAY, 'more offers than one page'], {
      detail: sku,
    });
  const published = page.offers.filter((o) => o.status === 'PUBLISHED' && o.sku === sku);
  // A SKU of the Inventory API that is not behind this listing: the listing itself was made elsewhere.
  if (!published.some((o) => o.listing?.listingId === ref.productId)) throw notInventoryApi(sku);
  return {
    channel: 'ebay',
    itemId: ref.productId,
    sku,
    takenAt,
    shipToHome: item.availability.shipToLocationAvailability.quantity,
    offers: published.map((o) => ({
      offerId: o.offerId,
      marketplaceId: o.marketplaceId,
      listingId: o.listing?.listingId ?? null,
      listingStatus: o.listing?.listingStatus ?? null,
      availableQuantity: o.availableQuantity ?? null,
    })),
  };
}

/**
 * The one write that pauses, or null when the listing already shows 0. A listing shows the smaller of the SKU's
 * ship-to-home quantity and its offer's own cap: the quantity goes to 0, and so does every cap above 0, so resume
 * can restore both exactly (an offer without a cap is left without one).
 */
function pauseWrite(before: EbaySnapshot): BulkRequest | null {
  if (before.shipToHome === 0) return null;
  const capped = before.offers.filter((o) => (o.availableQuantity ?? 0) > 0);
  return {
    sku: before.sku,
    shipToLocationAvailability: { quantity: 0 },
    offers: capped.map((o) => ({ offerId: o.offerId, availableQuantity: 0 })),
  };
}

function restoreWrite(before: EbaySnapshot, paused: BulkRequest): BulkRequest {
  const capOf = (offerId: string) => before.offers.find((o) => o.offerId === offerId)?.availableQuantity ?? 0;
  return {
    sku: before.sku,
    shipToLocationAvailability: { quantity: before.shipToHome },
    offers: paused.offers.map((o) => ({ offerId: o.offerId, availableQuantity: capOf(o.offerId) })),
  };
}

const ended = (snap: EbaySnapshot) =>
  snap.offers.some((o) => o.listingId === snap.itemId && ENDED.has(o.listingStatus ?? ''));

/** The quantities of `a` that differ in `b`, as `what a → b`; null when none. */
function differences(a: EbaySnapshot, b: EbaySnapshot): string | null {
  const moved = a.shipToHome === b.shipToHome ? [] : [`quantity ${a.shipToHome} → ${b.shipToHome}`];
  for (const offer of a.offers) {
    const now = b.offers.find((o) => o.offerId === offer.offerId);
    if (now?.availableQuantity !== offer.availableQuantity)
      moved.push(
        `${offer.marketplaceId} ${offer.availableQuantity ?? '-'} → ${now ? (now.availableQuantity ?? '-') : 'withdrawn'}`,
      );
  }
  return moved.length > 0 ? moved.join('; ') : null;
}

/** What is not as pause left it (a sale cannot raise a quantity: someone edited it); null when untouched. */
function notAsPauseLeft(paused: BulkRequest, current: EbaySnapshot): string | null {
  const moved = current.shipToHome === 0 ? [] : [`quantity 0 → ${current.shipToHome}`];
  for (const { offerId } of paused.offers) {
    const now = current.offers.find((o) => o.offerId === offerId);
    if (now?.availableQuantity !== 0)
      moved.push(`${now?.marketplaceId ?? offerId} 0 → ${now?.availableQuantity ?? 'withdrawn'}`);
  }
  return moved.length > 0 ? moved.join('; ') : null;
}

/** The SKU is on other eBay sites too: they share its ship-to-home quantity, so they pause with it. */
function otherSites(before: EbaySnapshot): ChannelWords[] {
  const others = before.offers.filter((o) => o.listingId !== before.itemId).length;
  return others > 0 ? [{ key: 'channelNoteEbayOtherSites', subs: [EBAY, String(others)] }] : [];
}

function conflict(key: 'channelErrorPauseConflict' | 'channelErrorResumeConflict', what: string): ChannelError {
  return new ChannelError('conflict', key, [EBAY, what.slice(0, 300)], { detail: what });
}

const nothingToChange = (): ChannelWords => ({ key: 'channelNoteNothingToChange', subs: [EBAY] });
