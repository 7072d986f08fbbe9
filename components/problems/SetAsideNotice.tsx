// "Snoozed for 1 hour: <listing>. Undo": the row has just left the list, so the seller sees where it went and can
// take it back. Focus moves here, since the button the seller pressed went with the row.
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { UnsnoozeProblemMessage } from '@/lib/messages';
import type { ProblemRow } from '../queries';
import type { SetAsideChoice } from './RowActions';

export function SetAsideNotice({
  row,
  choice,
  onDone,
}: {
  row: ProblemRow;
  choice: SetAsideChoice;
  onDone: () => void;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const name = row.listing ? `${row.listing.productTitle} · ${row.listing.label}` : row.assessment.listingKey;
  const undo = async () => {
    const message: UnsnoozeProblemMessage = { type: 'problem:unsnooze', listingKey: row.assessment.listingKey };
    await browser.runtime.sendMessage(message);
    onDone();
  };
  return (
    <p className="set-aside-notice" role="status" tabIndex={-1} ref={ref}>
      {doneWords(choice, name)}{' '}
      <button type="button" onClick={() => void undo()}>
        {t('undo')}
      </button>{' '}
      <button type="button" className="link-like" aria-label={t('dismiss')} onClick={onDone}>
        ×
      </button>
    </p>
  );
}

function doneWords(choice: SetAsideChoice, name: string): string {
  switch (choice) {
    case 'hour':
      return t('setAsideDoneHour', [name]);
    case 'day':
      return t('setAsideDoneDay', [name]);
    case 'change':
      return t('setAsideDoneChange', [name]);
    case 'acknowledge':
      return t('setAsideDoneAcknowledged', [name]);
  }
}
