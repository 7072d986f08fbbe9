// Words stored on an action row or sent in a reply (a message key and its substitutions), in the UI's language.
// Substitutions come from store APIs: React renders them as text, never as HTML.
import type { ActionRow, ActionWords } from '@/lib/db';
import { t } from '@/lib/i18n';

export const say = (words: ActionWords): string => t(words.key, words.subs);

/** "Warehouse 7 → 0 · Shop floor 3 → 0": what the action changed on the channel, from its two snapshots. */
export function describeChange(row: Pick<ActionRow, 'before' | 'after'>): string {
  const before = row.before as Snapshot | undefined;
  const after = row.after as Snapshot | undefined;
  if (!before || !after || before.channel !== after.channel) return '';
  return changesOf(before, after).join(' · ');
}

const moved = (a: unknown, b: unknown) => a !== b && a !== undefined && b !== undefined;
const stock = (a: unknown, b: unknown) => (moved(a, b) ? [t('actionChangeStock', [String(a), String(b)])] : []);
const status = (a: unknown, b: unknown) => (moved(a, b) ? [t('actionChangeStatus', [String(a), String(b)])] : []);

function changesOf(before: Snapshot, after: Snapshot): string[] {
  switch (before.channel) {
    case 'shopify':
      return [
        ...(before.levels ?? []).flatMap((level) => {
          const now = after.levels?.find((l) => l.locationId === level.locationId)?.available;
          return moved(level.available, now) ? [`${level.locationName} ${level.available} → ${now}`] : [];
        }),
        ...status(before.productStatus, after.productStatus),
      ];
    case 'ebay':
      return [
        ...stock(before.shipToHome, after.shipToHome),
        // An offer's own cap on one eBay site ("EBAY_US 5 → 0").
        ...(before.offers ?? []).flatMap((offer) => {
          const now = after.offers?.find((o) => o.offerId === offer.offerId)?.availableQuantity;
          const was = offer.availableQuantity;
          return moved(was, now) && was !== null && now !== null ? [`${offer.marketplaceId} ${was} → ${now}`] : [];
        }),
      ];
    case 'etsy':
      return status(before.state, after.state);
    case 'amazon': {
      const own = (s: Snapshot) => s.fulfillment?.find((f) => f.channelCode === 'DEFAULT')?.quantity;
      return stock(own(before), own(after));
    }
    default:
      return [
        ...stock(before.stockQuantity, after.stockQuantity),
        ...(moved(before.backorders, after.backorders)
          ? [t('actionChangeBackorders', [String(before.backorders), String(after.backorders)])]
          : []),
        ...status(before.status, after.status),
      ];
  }
}

/** The fields of lib/channels snapshots this page reads (typed loosely: the popup does not load zod). */
interface Snapshot {
  channel: string;
  levels?: { locationId: string; locationName: string; available: number }[];
  productStatus?: string;
  stockQuantity?: number | null;
  backorders?: string;
  status?: string;
  /** eBay */
  shipToHome?: number;
  offers?: { offerId: string; marketplaceId: string; availableQuantity: number | null }[];
  /** Etsy */
  state?: string;
  /** Amazon */
  fulfillment?: { channelCode: string; quantity: number | null }[];
}
