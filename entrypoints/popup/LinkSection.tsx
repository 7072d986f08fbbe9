// The quick link form under the problems, with what it needs read only when it is shown (after the list).
import { useLiveQuery } from 'dexie-react-hooks';
import { LinkForm } from '@/components/LinkForm';
import { loadRecent } from '@/components/queries';
import { getDb, type LinkRow } from '@/lib/db';
import { t } from '@/lib/i18n';

export function LinkSection({ linkCount }: { linkCount: number }) {
  const db = getDb();
  const listings = useLiveQuery(() => loadRecent(db, 'listing'), []);
  const suppliers = useLiveQuery(() => loadRecent(db, 'supplier'), []);
  // Only the links of the listings offered: LinkForm asks whether the chosen one already has suppliers.
  const links = useLiveQuery(async () => {
    if (!listings) return undefined;
    const rows = await db.links.bulkGet(listings.map((l) => l.key));
    return new Map(rows.filter((r): r is LinkRow => r !== undefined).map((r) => [r.listingKey, r]));
  }, [listings]);
  if (!listings || !suppliers || !links) return null;
  if (listings.length > 0 && suppliers.length > 0)
    return <LinkForm listings={listings} suppliers={suppliers} links={links} />;
  if (linkCount === 0 && listings.length + suppliers.length > 0)
    return <p className="muted">{listings.length === 0 ? t('needListing') : t('needSupplier')}</p>;
  return null;
}
