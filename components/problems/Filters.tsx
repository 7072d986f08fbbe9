// Search and filters over the problems (channel, supplier site, status) and the "N snoozed" toggle.
// Channel and site names come from the adapter registry, loaded after the list is painted (ids until then).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Status } from '@/lib/model';
import { loadSupplierSites, type ProblemFilter } from '../queries';
import { statusKey } from './ProblemItem';

// Statuses a problem can have (`ok` and `unlinked` are never listed). Spelled out: StatusSchema is zod, kept
// out of the popup's first chunk; a test checks the two agree.
export const PROBLEM_STATUSES: Status[] = [
  'oversell-risk',
  'variant-missing',
  'fallback-in-use',
  'qty-above-supply',
  'margin-lost',
  'stale',
  'unreadable',
  'restock',
];

interface Props {
  filter: ProblemFilter;
  onChange: (filter: ProblemFilter) => void;
  channels: string[];
  setAside: number;
  showSetAside: boolean;
  onShowSetAside: (show: boolean) => void;
  /** The list is painted: heavier lookups (site names) may start. */
  ready: boolean;
}

export function Filters({ filter, onChange, channels, setAside, showSetAside, onShowSetAside, ready }: Props) {
  const sites = useLiveQuery(() => (ready ? loadSupplierSites(getDb()) : []), [ready]) ?? [];
  const names = useAdapterNames(ready);
  const set = (patch: Partial<ProblemFilter>) => onChange({ ...filter, ...patch });
  return (
    <search className="filters">
      <label className="filter-search">
        <span className="visually-hidden">{t('filterSearch')}</span>
        <input
          type="search"
          value={filter.search}
          placeholder={t('filterSearchPlaceholder')}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <label>
        <span className="visually-hidden">{t('filterChannel')}</span>
        <select name="channel" value={filter.channel} onChange={(e) => set({ channel: e.target.value })}>
          <option value="">{t('filterAllChannels')}</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {names?.get(c) ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filterSite')}</span>
        <select name="site" value={filter.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">{t('filterAllSites')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {siteName(s, names)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filterStatus')}</span>
        <select name="status" value={filter.status} onChange={(e) => set({ status: e.target.value as Status | '' })}>
          <option value="">{t('filterAllStatuses')}</option>
          {PROBLEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </select>
      </label>
      {(setAside > 0 || showSetAside) && (
        <label className="filter-aside">
          <input type="checkbox" checked={showSetAside} onChange={(e) => onShowSetAside(e.target.checked)} />
          {t('showSetAside', [setAside])}
        </label>
      )}
    </search>
  );
}

/** `aliexpress` -> "AliExpress"; a shop any site can run -> "shop.example.com (Shopify store)". */
function siteName(site: string, names: Map<string, string> | null): string {
  const [adapter, host] = site.split(':');
  const name = names?.get(adapter) ?? adapter;
  return host ? `${host} (${name})` : name;
}

/** Adapter names by key prefix, once the registry is loaded (after first paint: it is the popup's largest chunk). */
function useAdapterNames(ready: boolean): Map<string, string> | null {
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (!ready) return;
    void import('@/lib/adapters').then(({ adapters }) =>
      setNames(new Map(adapters.map((a) => [a.keyPrefix ?? a.id, a.name]))),
    );
  }, [ready]);
  return names;
}
