import { t } from '@/lib/i18n';
import { SeverityIcon } from '../SeverityIcon';

export type Outcome = { ok: boolean; text: string } | null;

/** The result of an action, announced politely; a failure carries a shape and the word "Error", not only red. */
export function Status({ outcome }: { outcome: Outcome }) {
  return (
    <p role="status" className={outcome ? (outcome.ok ? 'outcome ok' : 'outcome failed') : 'outcome'}>
      {outcome && !outcome.ok && (
        <>
          <SeverityIcon severity="critical" /> <strong>{t('optError')}</strong>{' '}
        </>
      )}
      {outcome?.ok && <span aria-hidden="true">✓ </span>}
      {outcome?.text}
    </p>
  );
}
