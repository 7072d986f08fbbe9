// What a channel snapshot says, for the two places that must read one without the client: a worker that
// restarts after being killed mid-action (did the write land?), and the listing's state as Oversell Guard
// now knows it (written to `latest`, so reconcile sees the pause and later suggests resuming).
import type { ChannelSnapshot } from '../channels';
import type { AmazonSnapshot } from '../channels/amazon-schemas';
import type { PauseStrategy } from '../channels/types';
import { exact } from '../extract/stock';
import type { ListingStatus, Stock } from '../model';

/** True when the listing is as a pause with this strategy leaves it (nothing of `before` can sell). */
export function pauseTookEffect(strategy: PauseStrategy, before: ChannelSnapshot, now: ChannelSnapshot): boolean {
  if (before.channel === 'shopify' && now.channel === 'shopify') {
    if (strategy === 'deactivate') return now.productStatus === 'DRAFT' || !LIVE.has(before.productStatus);
    return before.levels
      .filter((l) => l.available > 0)
      .every((l) => (now.levels.find((n) => n.locationId === l.locationId)?.available ?? 0) <= 0);
  }
  if (before.channel === 'woocommerce' && now.channel === 'woocommerce') {
    if (strategy === 'deactivate') return now.status !== 'publish' || before.status !== 'publish';
    return now.manageStock === true && (now.stockQuantity ?? 0) <= 0 && now.backorders === 'no';
  }
  // eBay: every listing of the SKU shows at most its ship-to-home quantity.
  if (before.channel === 'ebay' && now.channel === 'ebay') return now.shipToHome === 0;
  if (before.channel === 'etsy' && now.channel === 'etsy') return now.state !== 'active' || before.state !== 'active';
  if (before.channel === 'amazon' && now.channel === 'amazon') return ownQuantity(now) === 0;
  return false;
}

/** True when the listing is back as `before` in every field the pause changed. */
export function resumeTookEffect(strategy: PauseStrategy, before: ChannelSnapshot, now: ChannelSnapshot): boolean {
  if (before.channel === 'shopify' && now.channel === 'shopify') {
    if (strategy === 'deactivate') return now.productStatus === before.productStatus;
    return before.levels
      .filter((l) => l.available > 0)
      .every((l) => now.levels.find((n) => n.locationId === l.locationId)?.available === l.available);
  }
  if (before.channel === 'woocommerce' && now.channel === 'woocommerce') {
    if (strategy === 'deactivate') return now.status === before.status;
    if (now.manageStock !== before.manageStock) return false;
    if (before.manageStock === true)
      return now.stockQuantity === before.stockQuantity && now.backorders === before.backorders;
    return before.manageStock === 'parent' || now.stockStatus === before.stockStatus;
  }
  if (before.channel === 'ebay' && now.channel === 'ebay')
    return (
      now.shipToHome === before.shipToHome &&
      before.offers
        .filter((o) => (o.availableQuantity ?? 0) > 0)
        .every((o) => now.offers.find((n) => n.offerId === o.offerId)?.availableQuantity === o.availableQuantity)
    );
  if (before.channel === 'etsy' && now.channel === 'etsy') return now.state === before.state;
  if (before.channel === 'amazon' && now.channel === 'amazon') return ownQuantity(now) === ownQuantity(before);
  return false;
}

const LIVE = new Set(['ACTIVE', 'UNLISTED']);

const SHOPIFY_STATUS: Record<string, ListingStatus> = {
  ACTIVE: 'active',
  UNLISTED: 'active',
  DRAFT: 'draft',
  ARCHIVED: 'archived',
};
const WOO_STATUS: Record<string, ListingStatus> = {
  publish: 'active',
  draft: 'draft',
  pending: 'draft',
  private: 'inactive',
  future: 'inactive',
  trash: 'archived',
};

const EBAY_STATUS: Record<string, ListingStatus> = {
  ACTIVE: 'active',
  OUT_OF_STOCK: 'out_of_stock',
  INACTIVE: 'inactive',
  NOT_LISTED: 'draft',
  ENDED: 'archived',
  EBAY_ENDED: 'archived',
};
const ETSY_STATUS: Record<string, ListingStatus> = {
  active: 'active',
  inactive: 'inactive',
  draft: 'draft',
  sold_out: 'out_of_stock',
  expired: 'archived',
};

/**
 * The listing's stock and status as the channel's API shows them: what a page reading would have said. `stock` is
 * absent where the API answers for more than this listing variant (an Etsy listing with variations), so the page's
 * count stays; null when the snapshot does not say where the listing stands (its page reading stays the newest).
 */
export function listingStateOf(snap: ChannelSnapshot): { stock?: Stock; status: ListingStatus } | null {
  switch (snap.channel) {
    case 'shopify': {
      // Untracked, or selling past zero: the quantity does not limit sales, so it is no count.
      const counts = snap.tracked && snap.inventoryPolicy === 'DENY';
      const total = snap.levels.reduce((sum, l) => sum + Math.max(0, l.available), 0);
      return { stock: counts ? exact(total) : { kind: 'inStock' }, status: SHOPIFY_STATUS[snap.productStatus] };
    }
    case 'woocommerce': {
      const status = WOO_STATUS[snap.status];
      if (snap.manageStock !== false) {
        const qty = Math.max(0, snap.stockQuantity ?? 0);
        // At 0 with backorders allowed it still takes orders.
        return { stock: qty === 0 && snap.backorders !== 'no' ? { kind: 'inStock' } : exact(qty), status };
      }
      return { stock: snap.stockStatus === 'outofstock' ? { kind: 'outOfStock' } : { kind: 'inStock' }, status };
    }
    case 'ebay': {
      const offer = snap.offers.find((o) => o.listingId === snap.itemId);
      const status = EBAY_STATUS[offer?.listingStatus ?? ''];
      if (!offer || !status) return null;
      // The listing shows the smaller of the SKU's ship-to-home quantity and its offer's own cap.
      return { stock: exact(Math.min(snap.shipToHome, offer.availableQuantity ?? snap.shipToHome)), status };
    }
    case 'etsy': {
      const status = ETSY_STATUS[snap.state];
      if (!status) return null;
      return snap.hasVariations || snap.quantity === null ? { status } : { stock: exact(snap.quantity), status };
    }
    case 'amazon': {
      const own = ownQuantity(snap);
      // FBA stock is Amazon's to sell: the seller's own quantity is not what buyers can order.
      const fba = snap.fulfillment.some((f) => f.channelCode !== 'DEFAULT');
      const status: ListingStatus = snap.statuses.includes('BUYABLE') ? 'active' : 'inactive';
      return own === null || fba ? { status } : { stock: exact(own), status };
    }
  }
}

/** The seller's own (not FBA) quantity of an Amazon SKU, or null when it has none. */
const ownQuantity = (snap: AmazonSnapshot) =>
  snap.fulfillment.find((f) => f.channelCode === 'DEFAULT')?.quantity ?? null;
