// Amazon: pause a seller-fulfilled SKU by setting its DEFAULT fulfilment quantity to 0 with one Listings Items
// patch, resume by setting the snapshot's quantity back. The patch is a JSON-patch `merge` of the quantity alone, so
// the handling time and restock date stay as the seller set them. FBA stock is Amazon's to sell: quantity 0 on
// the seller's own channel would not stop it, so FBA listings are refused. Amazon applies an accepted patch within
// minutes: a read-back that does not show it yet says so instead of calling it a conflict.
import { AMAZON, AmazonApi, type Region, regionOf } from './amazon-api';
import {
  type AmazonCredentials,
  AmazonCredentialsSchema,
  AmazonSkuSchema,
  type AmazonSnapshot,
  AmazonSnapshotSchema,
  ListingsItemSchema,
  MARKETPLACE_ID,
  ParticipationsSchema,
  SubmissionSchema,
} from './amazon-schemas';
import { ChannelError, type ChannelWords, settle } from './error';
import { resolveTransport } from './http';
import { badKey, splitListingKey } from './listing-key';
import type { Channel, ChannelOptions, ListingRef } from './types';

const ITEMS = '/listings/2021-08-01/items';
const OWN = 'DEFAULT';

export function createAmazonChannel(options: ChannelOptions = {}): Channel<AmazonSnapshot> {
  const api = new AmazonApi(resolveTransport(options));
  const read = (creds: AmazonCredentials, ref: ListingRef) => readItem(api, creds, ref, api.transport.now());
  return {
    id: 'amazon',
    name: AMAZON,
    pauseStrategies: ['quantity-zero'],
    parseKey: (listingKey) => {
      try {
        return { ok: true, value: parseAmazonKey(listingKey) };
      } catch (err) {
        return { ok: false, error: (err as ChannelError).toFailure() };
      }
    },
    testConnection: (credentials) =>
      settle(AMAZON, async () => {
        const creds = readCredentials(credentials);
        const { payload } = await api.request(creds, {
          method: 'GET',
          region: creds.region,
          path: '/sellers/v1/marketplaceParticipations',
          data: ParticipationsSchema,
        });
        const named = payload.find((p) => p.participation.isParticipating && p.storeName);
        return { storeName: named?.storeName ?? creds.sellerId };
      }),
    snapshot: (ref, credentials) => settle(AMAZON, async () => read(readCredentials(credentials), ref)),
    pause: (ref, snapshot, strategy, credentials) =>
      settle(AMAZON, async () => {
        // The Listings API can set a quantity or delete a listing; nothing in between can be undone exactly.
        if (strategy !== 'quantity-zero') throw new ChannelError('refused', 'channelErrorAmazonNoDeactivate', [AMAZON]);
        const creds = readCredentials(credentials);
        const before = readSnapshot(snapshot, ref, creds);
        const own = pausableQuantity(before);
        if (own === 0) return { strategy, before, after: await read(creds, ref), notes: [nothingToChange()] };
        const current = await read(creds, ref);
        const now = ownQuantity(current);
        if (now !== own) throw conflict('channelErrorPauseConflict', `quantity ${own} → ${now ?? '-'}`);
        await setQuantity(api, creds, before, 0);
        const after = await read(creds, ref);
        return { strategy, before, after, notes: ownQuantity(after) === 0 ? [] : [pending()] };
      }),
    resume: (ref, paused, credentials) =>
      settle(AMAZON, async () => {
        const creds = readCredentials(credentials);
        const before = readSnapshot(paused.before, ref, creds);
        const current = await read(creds, ref);
        const own = ownQuantity(before);
        if (paused.strategy !== 'quantity-zero' || !own) return { after: current, notes: [nothingToChange()] };
        const now = ownQuantity(current);
        // The pause never showed (still processing) or someone set the same quantity back: nothing to restore.
        if (now === own) return { after: current, notes: [nothingToChange()] };
        if (now !== 0) throw conflict('channelErrorResumeConflict', `quantity 0 → ${now ?? '-'}`);
        await setQuantity(api, creds, before, own);
        const after = await read(creds, ref);
        return { after, notes: ownQuantity(after) === own ? [] : [pending()] };
      }),
  };
}

/** `amazon-listing:<marketplace id>:<parent SKU, or the SKU>:<SKU>`, SKUs percent-encoded. */
export function parseAmazonKey(listingKey: string): ListingRef {
  const [marketplaceId, parentSku, sku] = splitListingKey(listingKey, 'amazon-listing', AMAZON);
  if (!MARKETPLACE_ID.test(marketplaceId) || !AmazonSkuSchema.safeParse(sku).success) throw badKey(AMAZON, listingKey);
  if (!regionOf(marketplaceId))
    throw new ChannelError('refused', 'channelErrorAmazonMarketplace', [AMAZON, marketplaceId]);
  return { channel: 'amazon', listingKey, store: marketplaceId, productId: parentSku, variantId: sku, sku };
}

function readCredentials(credentials: unknown): AmazonCredentials {
  const parsed = AmazonCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ChannelError('auth', 'channelErrorBadCredentials', [AMAZON]);
  return parsed.data;
}

function readSnapshot(snapshot: unknown, ref: ListingRef, creds: AmazonCredentials): AmazonSnapshot {
  const parsed = AmazonSnapshotSchema.safeParse(snapshot);
  const ok =
    parsed.success &&
    parsed.data.marketplaceId === ref.store &&
    parsed.data.sku === ref.sku &&
    parsed.data.sellerId === creds.sellerId;
  if (!ok) throw new ChannelError('refused', 'channelErrorBadSnapshot', [AMAZON]);
  return parsed.data;
}

const itemPath = (creds: AmazonCredentials, sku: string) =>
  `${ITEMS}/${encodeURIComponent(creds.sellerId)}/${encodeURIComponent(sku)}`;

async function readItem(
  api: AmazonApi,
  creds: AmazonCredentials,
  ref: ListingRef,
  takenAt: number,
): Promise<AmazonSnapshot> {
  const sku = ref.sku ?? '';
  const query = new URLSearchParams({ marketplaceIds: ref.store, includedData: 'summaries,fulfillmentAvailability' });
  const item = await api.request(creds, {
    method: 'GET',
    region: regionOf(ref.store) as Region,
    path: `${itemPath(creds, sku)}?${query}`,
    data: ListingsItemSchema,
  });
  const summary = item.summaries.find((s) => s.marketplaceId === ref.store);
  // The SKU exists for the seller, but not in this marketplace.
  if (!summary) throw new ChannelError('not-found', 'channelErrorNotFound', [AMAZON], { detail: ref.listingKey });
  return {
    channel: 'amazon',
    sellerId: creds.sellerId,
    marketplaceId: ref.store,
    sku,
    takenAt,
    productType: summary.productType,
    statuses: summary.status.slice(0, 10),
    fulfillment: item.fulfillmentAvailability
      .slice(0, 10)
      .map((f) => ({ channelCode: f.fulfillmentChannelCode, quantity: f.quantity ?? null })),
  };
}

const ownQuantity = (snap: AmazonSnapshot) => snap.fulfillment.find((f) => f.channelCode === OWN)?.quantity ?? null;

/** The seller's own quantity that pause sets to 0; throws when quantity 0 would not stop sales. */
function pausableQuantity(snap: AmazonSnapshot): number {
  const fba = snap.fulfillment.find((f) => f.channelCode !== OWN);
  if (fba) throw new ChannelError('refused', 'channelErrorAmazonFba', [AMAZON, fba.channelCode]);
  const own = ownQuantity(snap);
  if (own === null) throw new ChannelError('refused', 'channelErrorAmazonNoQuantity', [AMAZON]);
  return own;
}

async function setQuantity(api: AmazonApi, creds: AmazonCredentials, snap: AmazonSnapshot, quantity: number) {
  const query = new URLSearchParams({ marketplaceIds: snap.marketplaceId });
  const submission = await api.request(creds, {
    method: 'PATCH',
    region: regionOf(snap.marketplaceId) as Region,
    path: `${itemPath(creds, snap.sku)}?${query}`,
    body: {
      productType: snap.productType,
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: OWN, quantity }],
        },
      ],
    },
    data: SubmissionSchema,
  });
  if (submission.status === 'INVALID') {
    const errors = submission.issues.filter((i) => i.severity === 'ERROR');
    const said = (errors.length > 0 ? errors : submission.issues).map((i) => i.message).join(' ') || 'INVALID';
    const detail = submission.issues.map((i) => `${i.severity} ${i.code}`).join('; ');
    throw new ChannelError('refused', 'channelErrorRefusedByChannel', [AMAZON, said.slice(0, 300)], { detail });
  }
}

function conflict(key: 'channelErrorPauseConflict' | 'channelErrorResumeConflict', what: string): ChannelError {
  return new ChannelError('conflict', key, [AMAZON, what], { detail: what });
}

const pending = (): ChannelWords => ({ key: 'channelNoteAmazonPending', subs: [AMAZON] });
const nothingToChange = (): ChannelWords => ({ key: 'channelNoteNothingToChange', subs: [AMAZON] });
