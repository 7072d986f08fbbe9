import { type FormEvent, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { MAX_QTY, type Settings } from '@/lib/model';
import { Field, readNumber } from './Field';
import { FxRates, type FxRow, fxRowsOf, readFxRows } from './FxRates';
import { type Outcome, Status } from './Status';
import { saveSettingsPatch } from './use-settings';

interface Draft {
  buffer: string;
  freshness: string;
  marginKind: 'amount' | 'percent';
  margin: string;
  fx: FxRow[];
}

const draftOf = (s: Settings): Draft => ({
  buffer: String(s.bufferUnits),
  freshness: String(s.freshnessHours),
  marginKind: s.minMargin.kind,
  // Amounts are stored in minor units of the listing's currency; sellers type 2.50, not 250.
  margin: s.minMargin.kind === 'amount' ? String(s.minMargin.minor / 100) : String(s.minMargin.percent),
  fx: fxRowsOf(s.fxRates),
});

/** Safety buffer, freshness window, minimum margin and the fixed currency rates reconcile compares prices with. */
export function RulesSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [fxErrors, setFxErrors] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const buffer = readNumber(draft.buffer, { min: 0, max: MAX_QTY, integer: true });
    const freshness = readNumber(draft.freshness, { min: 0.25, max: 720 });
    const margin = readNumber(
      draft.margin,
      draft.marginKind === 'amount' ? { min: 0, max: 1e9 } : { min: 0, max: 100 },
    );
    const fx = readFxRows(draft.fx);
    const found = {
      buffer: typeof buffer === 'object' ? buffer.error : undefined,
      freshness: typeof freshness === 'object' ? freshness.error : undefined,
      margin: typeof margin === 'object' ? margin.error : undefined,
    };
    setErrors(found);
    setFxErrors('errors' in fx ? fx.errors : []);
    if (typeof buffer === 'object' || typeof freshness === 'object' || typeof margin === 'object' || 'errors' in fx) {
      setOutcome({ ok: false, text: t('fixFields') });
      return;
    }
    try {
      await saveSettingsPatch({
        bufferUnits: buffer,
        freshnessHours: freshness,
        minMargin:
          draft.marginKind === 'amount'
            ? { kind: 'amount', minor: Math.round(margin * 100) }
            : { kind: 'percent', percent: margin },
        fxRates: fx.rates,
      });
      setOutcome({ ok: true, text: t('optSaved') });
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="rules-title" noValidate>
      <h2 id="rules-title">{t('rulesTitle')}</h2>
      <Field label={t('bufferLabel')} hint={t('bufferHint')} error={errors.buffer}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="bufferUnits"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={draft.buffer}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => set({ buffer: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('freshnessLabel')} hint={t('freshnessHint')} error={errors.freshness}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="freshnessHours"
            type="number"
            min={0.25}
            max={720}
            step={0.25}
            inputMode="decimal"
            value={draft.freshness}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => set({ freshness: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="margin">
        <legend>{t('marginLegend')}</legend>
        <div className="choices">
          {(['amount', 'percent'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="marginKind"
                value={kind}
                checked={draft.marginKind === kind}
                onChange={() => set({ marginKind: kind })}
              />
              {kind === 'amount' ? t('marginAmount') : t('marginPercent')}
            </label>
          ))}
        </div>
        <Field
          label={draft.marginKind === 'amount' ? t('marginAmountLabel') : t('marginPercentLabel')}
          hint={draft.marginKind === 'amount' ? t('marginAmountHint') : t('marginPercentHint')}
          error={errors.margin}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="minMargin"
              type="number"
              min={0}
              step={draft.marginKind === 'amount' ? 0.01 : 0.5}
              inputMode="decimal"
              value={draft.margin}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set({ margin: e.target.value })}
            />
          )}
        </Field>
      </fieldset>
      <FxRates rows={draft.fx} errors={fxErrors} onChange={(fx) => set({ fx })} />
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('saveRules')}
        </button>
        <Status outcome={outcome} />
      </div>
    </form>
  );
}
