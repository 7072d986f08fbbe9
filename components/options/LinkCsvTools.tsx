import { useState } from 'react';
import type { LinkRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { type LinkCsvResult, linksToCsv, parseLinkCsv } from '@/lib/link-csv';
import type { ImportLinksReply } from '@/lib/messages';
import { ask } from './ask';
import { csvProblemText } from './csv-words';
import { type Outcome, Status } from './Status';
import { fileDate, saveFile } from './save-file';

/** Links per message: well under the message size limit, and a progress step for large files. */
const BATCH = 1000;
/** Problems listed in full; a file with more is probably the wrong file, and the count says so. */
const LISTED = 200;

interface Plan {
  fileName: string;
  result: LinkCsvResult;
  replacing: number;
}

/** CSV export of every link, and an import that shows what it will do (and every refused line) before it saves. */
export function LinkCsvTools({ links }: { links: LinkRow[] }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setOutcome(null);
    if (!file) return setPlan(null);
    const result = parseLinkCsv(await file.text());
    const existing = new Set(links.map((l) => l.listingKey));
    setPlan({ fileName: file.name, result, replacing: result.links.filter((l) => existing.has(l.listingKey)).length });
  };

  const run = async (p: Plan) => {
    setBusy(true);
    let imported = 0;
    const refused: ImportLinksReply['refused'] = [];
    for (let i = 0; i < p.result.links.length; i += BATCH) {
      const reply = await ask<ImportLinksReply>({ type: 'links:import', links: p.result.links.slice(i, i + BATCH) });
      if (!reply.ok) {
        setBusy(false);
        return setOutcome({ ok: false, text: t('csvImportStopped', [imported, reply.error]) });
      }
      imported += reply.imported;
      refused.push(...reply.refused);
    }
    setBusy(false);
    setPlan(null);
    const more = refused.map((r) => `${r.listingKey}: ${r.error}`).join('; ');
    setOutcome({ ok: true, text: t('csvImported', [imported]) + (more ? ` ${t('csvRefusedByWorker', [more])}` : '') });
  };

  const errors = plan?.result.errors ?? [];
  return (
    <div className="csv-tools">
      <div className="toolbar">
        <button
          type="button"
          disabled={links.length === 0}
          onClick={() => saveFile(`oversell-guard-links-${fileDate(Date.now())}.csv`, linksToCsv(links), 'text/csv')}
        >
          {t('csvExport')}
        </button>
        <label className="file-button">
          {t('csvImport')}
          <input
            type="file"
            name="linksCsv"
            accept=".csv,text/csv"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="hint">{t('csvFormatHint')}</span>
      </div>
      {plan && (
        <section className="plan" aria-label={t('csvPlanTitle', [plan.fileName])}>
          <h3>{t('csvPlanTitle', [plan.fileName])}</h3>
          <p>{t('csvPlanSummary', [plan.result.rows, plan.result.links.length, plan.replacing])}</p>
          {errors.length > 0 && (
            <>
              <p className="field-error">{t('csvPlanRefused', [errors.length])}</p>
              <ul className="csv-errors">
                {errors.slice(0, LISTED).map((e) => (
                  <li key={`${e.line}-${e.problem}`}>
                    <strong>{t('csvLine', [e.line])}</strong> {csvProblemText(e)}
                    {e.listingKey && <span className="muted"> {t('csvLinkSkipped', [e.listingKey])}</span>}
                  </li>
                ))}
              </ul>
              {errors.length > LISTED && <p className="muted">{t('csvMoreErrors', [errors.length - LISTED])}</p>}
            </>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || plan.result.links.length === 0}
              onClick={() => void run(plan)}
            >
              {t('csvImportRun', [plan.result.links.length])}
            </button>
            <button type="button" disabled={busy} onClick={() => setPlan(null)}>
              {t('optCancel')}
            </button>
          </div>
        </section>
      )}
      <Status outcome={outcome} />
    </div>
  );
}
