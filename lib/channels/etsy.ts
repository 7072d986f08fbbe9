// Etsy: pause a listing by setting its state to inactive (PATCH updateListing, state=inactive), resume by setting it
// active again. Etsy pauses a listing whole, every variation with it; quantity 0 is no pause there (the listing
// sells out and restocking costs a renewal fee). Etsy has no compare-and-swap: both read first and refuse when the
// state moved; a listing that expired while paused is not renewed behind the seller's back.
import { ChannelError, type ChannelWords, settle } from './error';
import { APPLICATION, ETSY, EtsyApi } from './etsy-api';
import {
  ETSY_LISTING_ID,
  type EtsyCredentials,
  EtsyCredentialsSchema,
  type EtsyListing,
  EtsyListingSchema,
  EtsyShopSchema,
  type EtsySnapshot,
  EtsySnapshotSchema,
} from './etsy-schemas';
import { resolveTransport } from './http';
import { badKey, splitKeyParts } from './listing-key';
import type { Channel, ChannelOptions, ListingRef } from './types';

export function createEtsyChannel(options: ChannelOptions = {}): Channel<EtsySnapshot> {
  const api = new EtsyApi(resolveTransport(options), async (renewed) => {
    // The token in hand still works: a connection that could not be stored is logged, the pause goes on.
    await options.saveCredentials?.('etsy', renewed).catch((err) => console.error('[oversell-guard] Etsy', err));
  });
  const now = () => api.transport.now();
  const read = (creds: EtsyCredentials, ref: ListingRef) => readListing(api, creds, ref, now());
  return {
    id: 'etsy',
    name: ETSY,
    pauseStrategies: ['deactivate'],
    parseKey: (listingKey) => {
      try {
        return { ok: true, value: parseEtsyKey(listingKey) };
      } catch (err) {
        return { ok: false, error: (err as ChannelError).toFailure() };
      }
    },
    testConnection: (credentials) =>
      settle(ETSY, async () => {
        const creds = readCredentials(credentials);
        const shop = await api.request(creds, {
          method: 'GET',
          path: `${APPLICATION}/shops/${creds.shopId}`,
          data: EtsyShopSchema,
        });
        return { storeName: shop.shop_name };
      }),
    snapshot: (ref, credentials) => settle(ETSY, async () => read(readCredentials(credentials), ref)),
    pause: (ref, snapshot, strategy, credentials) =>
      settle(ETSY, async () => {
        if (strategy !== 'deactivate') throw new ChannelError('refused', 'channelErrorEtsyQuantityZero', [ETSY]);
        const creds = readCredentials(credentials);
        const before = readSnapshot(snapshot, ref, creds);
        if (before.state !== 'active')
          return { strategy, before, after: await read(creds, ref), notes: [nothingToChange()] };
        const current = await read(creds, ref);
        if (current.state !== 'active') throw conflict('channelErrorPauseConflict', `state active → ${current.state}`);
        const after = await setState(api, creds, ref, 'inactive', now());
        return { strategy, before, after, notes: pauseNotes(ref, before) };
      }),
    resume: (ref, paused, credentials) =>
      settle(ETSY, async () => {
        const creds = readCredentials(credentials);
        const before = readSnapshot(paused.before, ref, creds);
        const current = await read(creds, ref);
        if (paused.strategy !== 'deactivate' || before.state !== 'active')
          return { after: current, notes: [nothingToChange()] };
        // Re-activating an expired listing renews it, and Etsy charges for that: the seller decides, not us.
        if (current.state === 'expired' || (current.endsAt !== null && current.endsAt <= now()))
          throw new ChannelError('refused', 'channelErrorEtsyExpired', [ETSY]);
        if (current.state !== 'inactive')
          throw conflict('channelErrorResumeConflict', `state inactive → ${current.state}`);
        const after = await setState(api, creds, ref, 'active', now());
        const differs = after.state === before.state ? null : `state ${after.state}`;
        return { after, notes: differs ? [{ key: 'channelNoteRestoredDiffers', subs: [ETSY, differs] }] : [] };
      }),
  };
}

/** `etsy-listing:<listing_id>:default` or `etsy-listing:<listing_id>:<option values>`. */
export function parseEtsyKey(listingKey: string): ListingRef {
  const [listingId, variant] = splitKeyParts(listingKey, 'etsy-listing', ETSY, 2);
  if (!ETSY_LISTING_ID.test(listingId)) throw badKey(ETSY, listingKey);
  return {
    channel: 'etsy',
    listingKey,
    store: '',
    productId: listingId,
    variantId: variant === 'default' ? null : variant,
  };
}

function readCredentials(credentials: unknown): EtsyCredentials {
  const parsed = EtsyCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ChannelError('auth', 'channelErrorBadCredentials', [ETSY]);
  return parsed.data;
}

function readSnapshot(snapshot: unknown, ref: ListingRef, creds: EtsyCredentials): EtsySnapshot {
  const parsed = EtsySnapshotSchema.safeParse(snapshot);
  if (!parsed.success || parsed.data.listingId !== ref.productId || parsed.data.shopId !== creds.shopId)
    throw new ChannelError('refused', 'channelErrorBadSnapshot', [ETSY]);
  return parsed.data;
}

async function readListing(api: EtsyApi, creds: EtsyCredentials, ref: ListingRef, takenAt: number) {
  const listing = await api.request(creds, {
    method: 'GET',
    path: `${APPLICATION}/listings/${ref.productId}`,
    data: EtsyListingSchema,
  });
  return toSnapshot(listing, creds, takenAt);
}

async function setState(api: EtsyApi, creds: EtsyCredentials, ref: ListingRef, state: string, takenAt: number) {
  const listing = await api.request(creds, {
    method: 'PATCH',
    path: `${APPLICATION}/shops/${creds.shopId}/listings/${ref.productId}`,
    form: { state },
    data: EtsyListingSchema,
  });
  return toSnapshot(listing, creds, takenAt);
}

function toSnapshot(listing: EtsyListing, creds: EtsyCredentials, takenAt: number): EtsySnapshot {
  // Another shop's listing (a key read while signed in to another shop) is not this connection's to change.
  if (String(listing.shop_id) !== creds.shopId)
    throw new ChannelError('refused', 'channelErrorOtherStore', [ETSY, creds.shopId, String(listing.shop_id)]);
  return {
    channel: 'etsy',
    shopId: creds.shopId,
    listingId: String(listing.listing_id),
    takenAt,
    state: listing.state,
    quantity: listing.quantity ?? null,
    endsAt: listing.ending_timestamp ? listing.ending_timestamp * 1000 : null,
    hasVariations: listing.has_variations ?? false,
  };
}

function pauseNotes(ref: ListingRef, before: EtsySnapshot): ChannelWords[] {
  const notes: ChannelWords[] = [];
  if (ref.variantId !== null || before.hasVariations) notes.push({ key: 'channelNoteWholeProduct', subs: [ETSY] });
  if (before.endsAt !== null)
    notes.push({ key: 'channelNoteEtsyExpiry', subs: [ETSY, new Date(before.endsAt).toISOString().slice(0, 10)] });
  return notes;
}

function conflict(key: 'channelErrorPauseConflict' | 'channelErrorResumeConflict', what: string): ChannelError {
  return new ChannelError('conflict', key, [ETSY, what], { detail: what });
}

const nothingToChange = (): ChannelWords => ({ key: 'channelNoteNothingToChange', subs: [ETSY] });
