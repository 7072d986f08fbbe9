import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { Filters } from '@/components/problems/Filters';
import { ProblemList } from '@/components/problems/ProblemList';
import type { SetAsideChoice } from '@/components/problems/RowActions';
import { SetAsideNotice } from '@/components/problems/SetAsideNotice';
import {
  type FirstScreen,
  loadProblemHead,
  loadProblemKeys,
  loadStoreCounts,
  NO_FILTER,
  type ProblemFilter,
  type ProblemRow,
  shownProblems,
} from '@/components/queries';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { RefreshMessage } from '@/lib/messages';

// Not needed for the first paint of the problem list: loaded once it is on screen (the adapter registry,
// the linking flow, the re-check section and zod live in these chunks).
const TabCard = lazy(() => import('@/components/TabCard').then((m) => ({ default: m.TabCard })));
const RecheckStatus = lazy(() => import('@/components/RecheckStatus').then((m) => ({ default: m.RecheckStatus })));
const FreshnessLine = lazy(() =>
  import('@/components/problems/FreshnessLine').then((m) => ({ default: m.FreshnessLine })),
);
const LinkSection = lazy(() => import('./LinkSection').then((m) => ({ default: m.LinkSection })));
const PauseAllCritical = lazy(() =>
  import('@/components/actions/PauseAllCritical').then((m) => ({ default: m.PauseAllCritical })),
);
const PausedSection = lazy(() =>
  import('@/components/actions/PausedSection').then((m) => ({ default: m.PausedSection })),
);

export function App({ firstScreen }: { firstScreen?: FirstScreen }) {
  const db = getDb();
  const now = useNow(30_000);
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER);
  const search = useDebounced(filter.search, 200);
  const [showSetAside, setShowSetAside] = useState(false);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<{ row: ProblemRow; choice: SetAsideChoice } | null>(null);
  // The first screen from a few rows read before rendering (main.tsx), then every key and count: that read starts
  // once the first screen is painted (on this 2-core machine it would compete with the paint), ahead of the refresh.
  const keys = useLiveQuery(
    async () => (ready ? loadProblemKeys(db, { ...filter, search }) : undefined),
    [ready, filter.site, filter.status, search],
  );
  const full = useMemo(
    () => keys && shownProblems(keys, filter.channel, now, showSetAside),
    [keys, filter.channel, now, showSetAside],
  );
  const head = useLiveQuery(
    async () => (full || firstScreen ? undefined : loadProblemHead(db, now)),
    [full === undefined, now],
  );
  const index = full ?? head ?? firstScreen?.head;
  const counts = useLiveQuery(async () => (ready ? loadStoreCounts(db) : undefined), [ready]);
  const onFirstPaint = useCallback(() => setReady(true), []);
  const onSetAside = useCallback((row: ProblemRow, choice: SetAsideChoice) => setNotice({ row, choice }), []);

  useEffect(() => {
    if (index && Object.values(index.keys).every((k) => k.length === 0)) setReady(true);
  }, [index]);
  useEffect(() => {
    // Staleness depends on the clock: fresh assessments each time the popup opens. Sent after the index read above
    // has started (a query starts as its hook renders, an effect runs after), because the worker's reassessment
    // holds the database while it runs (seconds at 10,000 links).
    if (ready) void browser.runtime.sendMessage({ type: 'refresh' } satisfies RefreshMessage).catch(() => {});
  }, [ready]);

  const loading = index === undefined;
  const filtered = Boolean(search || filter.channel || filter.site || filter.status);
  const shown = index ? Object.values(index.keys).reduce((n, k) => n + k.length, 0) : 0;

  return (
    <main>
      <header className="top">
        <h1>Oversell Guard</h1>
        {index?.complete && counts && (
          <p className="summary" role="status">
            {index.open > 0
              ? t('summaryProblems', [index.open])
              : counts.links > 0
                ? t('summaryAllWell', [counts.links])
                : t('summaryNothingLinked')}
          </p>
        )}
      </header>
      {ready && (
        <Suspense fallback={null}>
          <FreshnessLine now={now} />
          <TabCard />
        </Suspense>
      )}
      {loading ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          {counts?.links === 0 && !counts.seenAny && <EmptyState />}
          {index.complete && (index.open > 0 || index.setAside > 0 || filtered) && (
            <Filters
              filter={filter}
              onChange={setFilter}
              channels={index.channels}
              setAside={index.setAside}
              showSetAside={showSetAside}
              onShowSetAside={setShowSetAside}
              ready={ready}
            />
          )}
          {notice && (
            <SetAsideNotice
              key={`${notice.row.assessment.listingKey}:${notice.choice}`}
              {...notice}
              onDone={() => setNotice(null)}
            />
          )}
          {filtered && shown === 0 && <p className="muted no-match">{t('filterNoMatch')}</p>}
          {ready && (
            <Suspense fallback={null}>
              <PauseAllCritical />
            </Suspense>
          )}
          <ProblemList
            index={index}
            now={now}
            initialRows={firstScreen?.rows}
            onFirstPaint={onFirstPaint}
            onSetAside={onSetAside}
          />
          {ready && (
            <Suspense fallback={null}>
              <PausedSection now={now} />
              <RecheckStatus now={now} />
              {index.unlinked > 0 && <p className="muted">{t('unlinkedCount', [index.unlinked])}</p>}
              {counts && <LinkSection linkCount={counts.links} />}
            </Suspense>
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

/** Typing in the search box reads the listings once the seller pauses, not on every key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}
