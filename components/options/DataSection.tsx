import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db';
import { readingsCsv } from '@/lib/history';
import { t, uiLocale } from '@/lib/i18n';
import { ask } from './ask';
import { type Outcome, Status } from './Status';
import { fileDate, saveFile } from './save-file';

/** How much is stored, the readings history as CSV, and clearing that history. */
export function DataSection() {
  const db = getDb();
  const counts = useLiveQuery(async () => {
    const [links, listings, suppliers, history, problems, actions] = await Promise.all([
      db.links.count(),
      db.latest.where('[role+observedAt]').between(['listing', 0], ['listing', Number.MAX_SAFE_INTEGER]).count(),
      db.latest.where('[role+observedAt]').between(['supplier', 0], ['supplier', Number.MAX_SAFE_INTEGER]).count(),
      db.history.count(),
      db.assessments.where('severity').anyOf(['critical', 'warning']).count(),
      db.actions.count(),
    ]);
    return { links, listings, suppliers, history, problems, actions };
  }, []);
  const [usage, setUsage] = useState<number>();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measured when the history count changes
  useEffect(() => {
    void navigator.storage?.estimate().then((e) => setUsage(e.usage));
  }, [counts?.history]);
  const number = (n: number) => n.toLocaleString(uiLocale());
  const megabytes = (bytes: number) =>
    new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      bytes / 1e6,
    );

  const exportReadings = async () => {
    const [rows, latest] = await Promise.all([db.history.orderBy('at').toArray(), db.latest.toArray()]);
    const csv = readingsCsv(rows, new Map(latest.map((r) => [r.key, r])));
    saveFile(`oversell-guard-readings-${fileDate(Date.now())}.csv`, csv, 'text/csv');
  };
  const clear = async () => {
    setConfirming(false);
    const reply = await ask<{ cleared: number }>({ type: 'history:clear' });
    setOutcome(
      reply.ok ? { ok: true, text: t('historyCleared', [number(reply.cleared)]) } : { ok: false, text: reply.error },
    );
  };

  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      {counts && (
        <dl className="stats">
          <dt>{t('dataLinks')}</dt>
          <dd>{number(counts.links)}</dd>
          <dt>{t('dataListings')}</dt>
          <dd>{number(counts.listings)}</dd>
          <dt>{t('dataSuppliers')}</dt>
          <dd>{number(counts.suppliers)}</dd>
          <dt>{t('dataHistory')}</dt>
          <dd>{number(counts.history)}</dd>
          <dt>{t('dataProblems')}</dt>
          <dd>{number(counts.problems)}</dd>
          <dt>{t('dataActions')}</dt>
          <dd>{number(counts.actions)}</dd>
          <dt>{t('dataUsage')}</dt>
          <dd>{usage === undefined ? t('dataUsageUnknown') : megabytes(usage)}</dd>
        </dl>
      )}
      <p className="hint">{t('dataHistoryHint')}</p>
      <div className="toolbar">
        <button type="button" disabled={!counts?.history} onClick={() => void exportReadings()}>
          {t('dataExportReadings')}
        </button>
        {confirming ? (
          <>
            <span>{t('historyClearConfirm', [number(counts?.history ?? 0)])}</span>
            <button type="button" className="danger" onClick={() => void clear()}>
              {t('historyClearYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('optCancel')}
            </button>
          </>
        ) : (
          <button type="button" className="danger" disabled={!counts?.history} onClick={() => setConfirming(true)}>
            {t('historyClear')}
          </button>
        )}
      </div>
      <Status outcome={outcome} />
    </section>
  );
}
