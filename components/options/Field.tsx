import { type ReactNode, useId } from 'react';
import { t } from '@/lib/i18n';
import { SeverityIcon } from '../SeverityIcon';

interface Props {
  label: string;
  /** What the value means and its range, always shown (and read out with the field). */
  hint?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}

/** A labelled control with its hint and error tied to it, so every field reads out as one unit. */
export function Field({ label, hint, error, children }: Props) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  );
}

/** An error is a shape and words, not only red. */
export function FieldError({ id, text }: { id?: string; text: string }) {
  return (
    <p id={id} className="field-error">
      <SeverityIcon severity="warning" /> {text}
    </p>
  );
}

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

/** The typed text as a number within the rule, or the words saying what is allowed. */
export function readNumber(text: string, rule: NumberRule): number | { error: string } {
  const n = Number(text.trim().replace(',', '.'));
  const range = [fmt(rule.min), fmt(rule.max)];
  if (text.trim() === '' || !Number.isFinite(n) || n < rule.min || n > rule.max)
    return { error: rule.integer ? t('fieldWholeRange', range) : t('fieldRange', range) };
  if (rule.integer && !Number.isInteger(n)) return { error: t('fieldWholeRange', range) };
  return n;
}

const fmt = (n: number) => new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);
