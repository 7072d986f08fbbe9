import { type FormEvent, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { Field, type NumberRule, readNumber } from './Field';
import { type Outcome, Status } from './Status';
import { saveSettingsPatch } from './use-settings';

const NUMBERS = {
  recheckEveryMinutes: { min: 5, max: 1440, integer: true },
  hostSpacingSeconds: { min: 10, max: 3600 },
  recheckDailyCap: { min: 1, max: 100_000, integer: true },
  visitTabsPerHour: { min: 0, max: 60, integer: true },
} satisfies Record<string, NumberRule>;
type NumberKey = keyof typeof NUMBERS;
/** Called at render, so a language switch re-reads them. */
const LABELS: Record<NumberKey, () => [label: string, hint: string]> = {
  recheckEveryMinutes: () => [t('recheckEveryLabel'), t('recheckEveryHint')],
  hostSpacingSeconds: () => [t('hostSpacingLabel'), t('hostSpacingHint')],
  recheckDailyCap: () => [t('dailyCapLabel'), t('dailyCapHint')],
  visitTabsPerHour: () => [t('visitTabsLabel'), t('visitTabsHint')],
};

type Draft = Record<NumberKey, string> & { paused: boolean; cookieOrigins: string };
const draftOf = (s: Settings): Draft => ({
  recheckEveryMinutes: String(s.recheckEveryMinutes),
  hostSpacingSeconds: String(s.hostSpacingSeconds),
  recheckDailyCap: String(s.recheckDailyCap),
  visitTabsPerHour: String(s.visitTabsPerHour),
  paused: s.recheckPaused,
  cookieOrigins: s.cookieOrigins.join('\n'),
});

/** `https://www.aliexpress.com` as typed (a trailing slash or path is dropped), or null when it is no web origin. */
function originOf(line: string): string | null {
  try {
    const url = new URL(line.trim());
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/** Background re-checks of linked supplier pages: how often, how politely, and with whose cookies. */
export function RecheckSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<keyof Draft, string>> = {};
    const numbers = {} as Record<NumberKey, number>;
    for (const key of Object.keys(NUMBERS) as NumberKey[]) {
      const n = readNumber(draft[key], NUMBERS[key]);
      if (typeof n === 'object') found[key] = n.error;
      else numbers[key] = n;
    }
    const lines = draft.cookieOrigins.split('\n').filter((l) => l.trim());
    const bad = lines.find((l) => !originOf(l));
    if (bad) found.cookieOrigins = t('originInvalid', [bad.trim()]);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ ok: false, text: t('fixFields') });
      return;
    }
    try {
      const cookieOrigins = [...new Set(lines.map((l) => originOf(l)!))];
      await saveSettingsPatch({ ...numbers, recheckPaused: draft.paused, cookieOrigins });
      setOutcome({ ok: true, text: t('optSaved') });
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="recheck-title" noValidate>
      <h2 id="recheck-title">{t('recheckSectionTitle')}</h2>
      <p className="hint">{t('recheckIntro')}</p>
      <label className="choice standalone">
        <input
          type="checkbox"
          name="recheckPaused"
          checked={draft.paused}
          onChange={(e) => setDraft((d) => ({ ...d, paused: e.target.checked }))}
        />
        {t('recheckPausedLabel')}
      </label>
      {(Object.keys(NUMBERS) as NumberKey[]).map((key) => (
        <Field key={key} label={LABELS[key]()[0]} hint={LABELS[key]()[1]} error={errors[key]}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name={key}
              type="number"
              min={NUMBERS[key].min}
              max={NUMBERS[key].max}
              inputMode="numeric"
              value={draft[key]}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <Field label={t('cookieOriginsLabel')} hint={t('cookieOriginsHint')} error={errors.cookieOrigins}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            name="cookieOrigins"
            rows={3}
            value={draft.cookieOrigins}
            spellCheck={false}
            placeholder="https://www.aliexpress.com"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => setDraft((d) => ({ ...d, cookieOrigins: e.target.value }))}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('saveRecheck')}
        </button>
        <Status outcome={outcome} />
      </div>
    </form>
  );
}
