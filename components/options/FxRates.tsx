import { t } from '@/lib/i18n';
import { FieldError } from './Field';

/** One fixed rate as typed: 1 `from` = `rate` `to`. */
export interface FxRow {
  from: string;
  to: string;
  rate: string;
}

export const fxRowsOf = (rates: Record<string, number>): FxRow[] =>
  Object.entries(rates).map(([pair, rate]) => {
    const [from, to] = pair.split('->');
    return { from, to, rate: String(rate) };
  });

/** The rows as settings' `{"CNY->USD": 0.14}`, or one message per row ('' for a good row). */
export function readFxRows(rows: readonly FxRow[]): { rates: Record<string, number> } | { errors: string[] } {
  const rates: Record<string, number> = {};
  const errors = rows.map((row) => {
    const from = row.from.trim().toUpperCase();
    const to = row.to.trim().toUpperCase();
    const rate = Number(row.rate.trim().replace(',', '.'));
    if (!/^[A-Z]{3}$/.test(from) || !/^[A-Z]{3}$/.test(to)) return t('fxCodes');
    if (from === to) return t('fxSame');
    if (!Number.isFinite(rate) || rate <= 0) return t('fxRatePositive');
    if (`${from}->${to}` in rates) return t('fxTwice', [from, to]);
    rates[`${from}->${to}`] = rate;
    return '';
  });
  return errors.some(Boolean) ? { errors } : { rates };
}

interface Props {
  rows: FxRow[];
  errors: string[];
  onChange: (rows: FxRow[]) => void;
}

/** Prices in two currencies are compared only at a rate the seller fixed here; without one they are not compared. */
export function FxRates({ rows, errors, onChange }: Props) {
  const edit = (i: number, patch: Partial<FxRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fx">
      <legend>{t('fxLegend')}</legend>
      <p className="hint">{t('fxHint')}</p>
      {rows.length === 0 && <p className="muted">{t('fxNone')}</p>}
      <ul className="fx-rows">
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until they are saved
          <li key={i}>
            <div className="fx-row">
              <span aria-hidden="true">1</span>
              <input
                aria-label={t('fxFrom', [i + 1])}
                value={row.from}
                maxLength={3}
                size={4}
                autoCapitalize="characters"
                placeholder="CNY"
                onChange={(e) => edit(i, { from: e.target.value })}
              />
              <span aria-hidden="true">=</span>
              <input
                aria-label={t('fxRate', [i + 1])}
                value={row.rate}
                inputMode="decimal"
                size={8}
                onChange={(e) => edit(i, { rate: e.target.value })}
              />
              <input
                aria-label={t('fxTo', [i + 1])}
                value={row.to}
                maxLength={3}
                size={4}
                autoCapitalize="characters"
                placeholder="USD"
                onChange={(e) => edit(i, { to: e.target.value })}
              />
              <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t('optRemove')}
                <span className="visually-hidden"> {t('fxRowName', [i + 1])}</span>
              </button>
            </div>
            {errors[i] && <FieldError text={errors[i]} />}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange([...rows, { from: '', to: '', rate: '' }])}>
        {t('fxAdd')}
      </button>
    </fieldset>
  );
}
