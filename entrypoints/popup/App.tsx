import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LinkForm } from '@/components/LinkForm';
import { PAGE_SIZE, ProblemList } from '@/components/ProblemList';
import { loadProblemPage, loadRecent, type ShownSeverity } from '@/components/queries';
import { RecheckStatus } from '@/components/RecheckStatus';
import { TabCard } from '@/components/TabCard';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { RefreshMessage } from '@/lib/messages';

export function App() {
  const db = getDb();
  const now = useNow(30_000);
  useEffect(() => {
    // Staleness depends on the clock: ask the worker for fresh assessments each time the popup opens.
    void browser.runtime.sendMessage({ type: 'refresh' } satisfies RefreshMessage).catch(() => {});
  }, []);
  const [limit, setLimit] = useState({ critical: PAGE_SIZE, warning: PAGE_SIZE, info: PAGE_SIZE });
  const page = useLiveQuery(() => loadProblemPage(db, limit), [limit]);
  const listings = useLiveQuery(() => loadRecent(db, 'listing'), []);
  const suppliers = useLiveQuery(() => loadRecent(db, 'supplier'), []);
  const links = useLiveQuery(async () => new Map((await db.links.toArray()).map((l) => [l.listingKey, l])), []);
  const loading = page === undefined || listings === undefined || suppliers === undefined || links === undefined;
  const problems = page ? page.counts.critical + page.counts.warning + page.counts.info : 0;
  const showMore = (severity: ShownSeverity) => setLimit((l) => ({ ...l, [severity]: l[severity] + PAGE_SIZE }));

  return (
    <main>
      <header className="top">
        <h1>Oversell Guard</h1>
        {!loading && (
          <p className="summary" role="status">
            {problems > 0
              ? t('summaryProblems', [problems])
              : links.size > 0
                ? t('summaryAllWell', [links.size])
                : t('summaryNothingLinked')}
          </p>
        )}
      </header>
      <TabCard />
      {loading ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          {links.size === 0 && listings.length + suppliers.length === 0 && <EmptyState />}
          <ProblemList page={page} now={now} onShowMore={showMore} />
          <RecheckStatus now={now} />
          {page.unlinked > 0 && <p className="muted">{t('unlinkedCount', [page.unlinked])}</p>}
          {listings.length > 0 && suppliers.length > 0 && (
            <LinkForm listings={listings} suppliers={suppliers} links={links} />
          )}
          {links.size === 0 && listings.length + suppliers.length > 0 && (
            <p className="muted">
              {listings.length === 0 ? t('needListing') : suppliers.length === 0 ? t('needSupplier') : ''}
            </p>
          )}
        </>
      )}
    </main>
  );
}

function EmptyState() {
  return (
    <section className="empty" aria-label={t('emptyTitle')}>
      <h2>{t('emptyTitle')}</h2>
      <ol>
        <li>{t('emptyStep1')}</li>
        <li>{t('emptyStep2')}</li>
        <li>{t('emptyStep3')}</li>
      </ol>
      <p className="muted">{t('emptyPrivacy')}</p>
    </section>
  );
}

/** "seen N min ago" stays true while the popup is open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
