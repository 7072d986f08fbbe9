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
  const parts: string[] = [];
  const moved = (a: unknown, b: unknown) => a !== b && a !== undefined && b !== undefined;
  if (before.channel === 'shopify') {
    for (const level of before.levels ?? []) {
      const now = after.levels?.find((l) => l.locationId === level.locationId)?.available;
      if (moved(level.available, now)) parts.push(`${level.locationName} ${level.available} → ${now}`);
    }
    if (moved(before.productStatus, after.productStatus))
      parts.push(t('actionChangeStatus', [String(before.productStatus), String(after.productStatus)]));
  } else {
    if (moved(before.stockQuantity, after.stockQuantity))
      parts.push(t('actionChangeStock', [String(before.stockQuantity), String(after.stockQuantity)]));
    if (moved(before.backorders, after.backorders))
      parts.push(t('actionChangeBackorders', [String(before.backorders), String(after.backorders)]));
    if (moved(before.status, after.status))
      parts.push(t('actionChangeStatus', [String(before.status), String(after.status)]));
  }
  return parts.join(' · ');
}

/** The fields of lib/channels snapshots this page reads (typed loosely: the popup does not load zod). */
interface Snapshot {
  channel: string;
  levels?: { locationId: string; locationName: string; available: number }[];
  productStatus?: string;
  stockQuantity?: number | null;
  backorders?: string;
  status?: string;
}
