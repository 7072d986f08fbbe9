// What a channel snapshot says, for the two places that must read one without the client: a worker that
// restarts after being killed mid-action (did the write land?), and the listing's state as Oversell Guard
// now knows it (written to `latest`, so reconcile sees the pause and later suggests resuming).
import type { ChannelSnapshot } from '../channels';
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

/**
 * The listing's stock and status as the channel's API shows them: what a page reading would have said; null for a
 * channel whose snapshot this does not read yet (its page reading stays the newest word).
 */
export function listingStateOf(snap: ChannelSnapshot): { stock: Stock; status: ListingStatus } | null {
  if (snap.channel === 'shopify') {
    // Untracked, or selling past zero: the quantity does not limit sales, so it is no count.
    const counts = snap.tracked && snap.inventoryPolicy === 'DENY';
    const total = snap.levels.reduce((sum, l) => sum + Math.max(0, l.available), 0);
    return { stock: counts ? exact(total) : { kind: 'inStock' }, status: SHOPIFY_STATUS[snap.productStatus] };
  }
  if (snap.channel !== 'woocommerce') return null;
  const status = WOO_STATUS[snap.status];
  if (snap.manageStock !== false) {
    const qty = Math.max(0, snap.stockQuantity ?? 0);
    // At 0 with backorders allowed it still takes orders.
    return { stock: qty === 0 && snap.backorders !== 'no' ? { kind: 'inStock' } : exact(qty), status };
  }
  return { stock: snap.stockStatus === 'outofstock' ? { kind: 'outOfStock' } : { kind: 'inStock' }, status };
}
