import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, getMany, type LinkRow } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import type { Observation } from '@/lib/model';
import { LinkCsvTools } from './LinkCsvTools';
import { LinkEditor } from './LinkEditor';
import { LinksTable } from './LinksTable';
import { type LinkView, viewLinks } from './links-view';

/** Rows shown at first and added by "Show more": a store with 10,000 links still opens at once. */
const PAGE = 100;

/** Every link: search, sort, edit, delete; CSV in and out. */
export function LinksSection() {
  const db = getDb();
  const data = useLiveQuery(async () => {
    const links = await db.links.toArray();
    const keys = [...new Set(links.flatMap((l) => [l.listingKey, ...l.offerKeys]))];
    const rows = await getMany(db.latest, keys);
    return { links, seen: new Map<string, Observation | undefined>(keys.map((k, i) => [k, rows[i]])) };
  }, []);
  const [view, setView] = useState<LinkView>({ query: '', sort: 'updated', descending: true });
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<LinkRow | null>(null);
  const rows = data ? viewLinks(data.links, data.seen, view, uiLocale()) : [];

  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">
        {t('linksTitle')} {data && <span className="count">{data.links.length}</span>}
      </h2>
      <LinkCsvTools links={data?.links ?? []} />
      <div className="toolbar">
        <label className="search">
          {t('linksSearch')}
          <input
            type="search"
            name="linkSearch"
            value={view.query}
            placeholder={t('linksSearchPlaceholder')}
            onChange={(e) => {
              setView((v) => ({ ...v, query: e.target.value }));
              setShown(PAGE);
            }}
          />
        </label>
        {data && (
          <p className="muted" role="status">
            {view.query ? t('linksFound', [rows.length, data.links.length]) : ''}
          </p>
        )}
      </div>
      {!data ? (
        <p className="muted">{t('loading')}</p>
      ) : data.links.length === 0 ? (
        <p className="muted">{t('linksNone')}</p>
      ) : (
        <>
          <LinksTable rows={rows.slice(0, shown)} seen={data.seen} view={view} onView={setView} onEdit={setEditing} />
          {rows.length > shown && (
            <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
              {t('showMore', [shown, rows.length])}
            </button>
          )}
        </>
      )}
      {editing && data && <LinkEditor link={editing} seen={data.seen} onClose={() => setEditing(null)} />}
    </section>
  );
}
