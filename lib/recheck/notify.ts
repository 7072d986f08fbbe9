// A notification when a link turns critical: one per link per change (the assessment's status changed, so
// a repeat reading says nothing new), and one summary instead of a stack when several are showing.
import type { OversellDb } from '../db';
import type { Assessment, Settings } from '../model';

export const CRITICAL_PREFIX = 'critical:';
export const GROUP_ID = 'critical:group';
/** More than this many showing at once become one summary notification. */
export const GROUP_OVER = 3;

export interface Notifier {
  shown: () => Promise<string[]>;
  show: (id: string, title: string, message: string) => Promise<void>;
  clear: (id: string) => Promise<void>;
}

export interface Phrases {
  title: string;
  /** "{listing}: {status}" */
  one: (label: string, status: Assessment['status']) => string;
  groupTitle: (count: number) => string;
  groupMessage: (labels: string[], more: number) => string;
}

/** Assessments that turned critical and that the seller alerts on. */
export const turnedCritical = (changed: readonly Assessment[], settings: Settings) =>
  changed.filter((a) => a.severity === 'critical' && settings.alertStatuses.includes(a.status));

export async function notifyCritical(
  db: OversellDb,
  changed: readonly Assessment[],
  settings: Settings,
  notifier: Notifier,
  phrases: Phrases,
): Promise<void> {
  const turned = turnedCritical(changed, settings);
  if (turned.length === 0) return;
  const labels = await listingLabels(
    db,
    turned.map((a) => a.listingKey),
  );
  const showing = (await notifier.shown()).filter((id) => id.startsWith(CRITICAL_PREFIX));
  const singles = new Set([
    ...showing.filter((id) => id !== GROUP_ID),
    ...turned.map((a) => CRITICAL_PREFIX + a.listingKey),
  ]);
  if (!showing.includes(GROUP_ID) && singles.size <= GROUP_OVER) {
    // The same id replaces a link's older notification instead of stacking a second one for it.
    for (const [i, a] of turned.entries())
      await notifier.show(CRITICAL_PREFIX + a.listingKey, phrases.title, phrases.one(labels[i], a.status));
    return;
  }
  for (const id of showing) if (id !== GROUP_ID) await notifier.clear(id);
  const critical = await db.assessments.where('severity').equals('critical').count();
  await notifier.show(
    GROUP_ID,
    phrases.groupTitle(critical),
    phrases.groupMessage(labels.slice(0, GROUP_OVER), Math.max(0, labels.length - GROUP_OVER)),
  );
}

/** "Trail Backpack / Blue / M" for each listing key (the key itself when the listing was never read). */
async function listingLabels(db: OversellDb, keys: string[]): Promise<string[]> {
  const rows = await db.latest.bulkGet(keys);
  return keys.map((key, i) => {
    const row = rows[i];
    if (!row) return key;
    return row.label && row.label !== row.productTitle ? `${row.productTitle} / ${row.label}` : row.productTitle;
  });
}
