// "84% of linked suppliers checked in the last 24 h": how current the whole store's picture is. Loaded after the
// list is painted (it reads the settings, and zod with them).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { loadSettings } from '@/lib/settings';
import { loadFreshness } from '../queries';
import { SeverityIcon } from '../SeverityIcon';

export function FreshnessLine({ now }: { now: number }) {
  const [hours, setHours] = useState<number | null>(null);
  useEffect(() => void loadSettings().then((s) => setHours(s.freshnessHours)), []);
  const freshness = useLiveQuery(
    async () => (hours === null ? null : loadFreshness(getDb(), now, hours * 3600_000)),
    [hours, now],
  );
  if (!freshness || freshness.total === 0 || hours === null) return null;
  const percent = Math.floor((freshness.fresh / freshness.total) * 100);
  const behind = freshness.fresh < freshness.total;
  return (
    <p className="freshness" data-fresh={freshness.fresh} data-total={freshness.total}>
      {behind && <SeverityIcon severity="warning" />}
      {t('freshnessLine', [percent, hours, freshness.fresh, freshness.total])}
    </p>
  );
}
