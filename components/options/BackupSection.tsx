import { useState } from 'react';
import {
  BACKUP_VERSION,
  type Backup,
  type BackupCheck,
  type BackupCounts,
  buildBackup,
  countsOf,
  parseBackup,
} from '@/lib/backup';
import { getDb } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { MAX_BACKUP_BYTES } from '@/lib/messages';
import { loadSettings } from '@/lib/settings';
import { ask } from './ask';
import { type Outcome, Status } from './Status';
import { fileDate, saveFile } from './save-file';

/** Why a file cannot be restored, in the seller's words; always ends by saying nothing changed. */
function refusal(check: Exclude<BackupCheck, { ok: true }>): string {
  switch (check.problem) {
    case 'not-json':
      return t('backupNotJson');
    case 'not-a-backup':
      return t('backupNotBackup');
    case 'future-version':
      return t('backupFutureVersion', [check.detail, BACKUP_VERSION]);
    case 'invalid':
      return t('backupInvalid', [check.detail]);
  }
}

/** The whole database as one file, and back: checked completely before anything is replaced. */
export function BackupSection() {
  const [withHistory, setWithHistory] = useState(true);
  const [pending, setPending] = useState<{ name: string; backup: Backup } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const number = (n: number) => n.toLocaleString(uiLocale());

  const download = async () => {
    const now = Date.now();
    const backup = await buildBackup(getDb(), await loadSettings(), now, { history: withHistory });
    saveFile(`oversell-guard-backup-${fileDate(now)}.json`, JSON.stringify(backup), 'application/json');
  };

  const choose = async (file: File | undefined) => {
    setPending(null);
    if (!file) return setOutcome(null);
    if (file.size > MAX_BACKUP_BYTES) {
      const mb = (n: number) => number(Math.ceil(n / 1024 / 1024));
      return setOutcome({ ok: false, text: t('backupTooLarge', [mb(file.size), mb(MAX_BACKUP_BYTES)]) });
    }
    const check = parseBackup(await file.text());
    if (!check.ok) return setOutcome({ ok: false, text: refusal(check) });
    setOutcome(null);
    setPending({ name: file.name, backup: check.backup });
  };

  const restore = async (backup: Backup) => {
    setBusy(true);
    const reply = await ask<{ counts: BackupCounts }>({ type: 'backup:restore', backup });
    setBusy(false);
    setPending(null);
    setOutcome(
      reply.ok
        ? { ok: true, text: t('backupRestored', [number(reply.counts.links)]) }
        : { ok: false, text: reply.error },
    );
  };

  const counts = pending && countsOf(pending.backup);
  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p className="hint">{t('backupIntro')}</p>
      <div className="toolbar">
        <label className="choice">
          <input
            type="checkbox"
            name="backupHistory"
            checked={withHistory}
            onChange={(e) => setWithHistory(e.target.checked)}
          />
          {t('backupWithHistory')}
        </label>
        <button type="button" onClick={() => void download()}>
          {t('backupDownload')}
        </button>
      </div>
      <div className="toolbar">
        <label className="file-button">
          {t('backupChoose')}
          <input
            type="file"
            name="backupFile"
            accept=".json,application/json"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {pending && counts && (
        <section className="plan" aria-label={t('backupPlanTitle', [pending.name])}>
          <h3>{t('backupPlanTitle', [pending.name])}</h3>
          <p>
            {t('backupPlanMade', [
              new Date(pending.backup.exportedAt).toLocaleString(uiLocale(), { dateStyle: 'long', timeStyle: 'short' }),
            ])}
          </p>
          <p>
            {t('backupPlanCounts', [
              number(counts.links),
              number(counts.latest),
              number(counts.history),
              number(counts.snoozes),
              number(counts.actions),
            ])}
          </p>
          <p className="warning-text">{t('backupPlanReplaces')}</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(pending.backup)}>
              {t('backupRestore')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {t('optCancel')}
            </button>
          </div>
        </section>
      )}
      <Status outcome={outcome} />
    </section>
  );
}
