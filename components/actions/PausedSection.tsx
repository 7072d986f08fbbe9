// "Paused by Oversell Guard": the listings it holds paused. A paused listing stops being a problem (its channel
// now shows nothing to sell), so it leaves the problem list; here it keeps its Resume button and action log.
import { useLiveQuery } from 'dexie-react-hooks';
import { actionStateOf } from '@/lib/actions/state';
import { type ActionRow, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { PauseButton } from './PauseButton';

export function PausedSection({ now }: { now: number }) {
  const db = getDb();
  const paused = useLiveQuery(async () => {
    const byListing = new Map<string, ActionRow[]>();
    for (const row of await db.actions.toArray())
      byListing.set(row.listingKey, [...(byListing.get(row.listingKey) ?? []), row]);
    const keys = [...byListing].filter(([, rows]) => actionStateOf(rows).paused).map(([key]) => key);
    const listings = await db.latest.bulkGet(keys);
    return keys.map((key, i) => ({ key, listing: listings[i] }));
  }, []);
  if (!paused?.length) return null;
  return (
    <section className="group paused-group" aria-labelledby="paused-title">
      <h2 id="paused-title">
        {t('pausedTitle')} <span className="count">{paused.length}</span>
      </h2>
      {paused.map(({ key, listing }) => (
        <article key={key} className="problem" data-paused-listing={key} aria-label={listing?.productTitle ?? key}>
          <p className="problem-listing">
            <strong>{listing ? `${listing.productTitle} · ${listing.label}` : key}</strong>
          </p>
          <div className="actions">
            <PauseButton listingKey={key} now={now} />
          </div>
        </article>
      ))}
    </section>
  );
}
