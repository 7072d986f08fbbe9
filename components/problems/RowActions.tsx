// A problem's actions: Pause or Resume (through the channel, once connected: components/actions), open the supplier page or the listing,
// snooze (1 hour, 1 day, until it changes), acknowledge; or, for a set-aside problem, show it again.
import { type ReactNode, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { AcknowledgeProblemMessage, Reply, SnoozeProblemMessage, UnsnoozeProblemMessage } from '@/lib/messages';
import { PauseButton } from '../actions/PauseButton';
import type { ProblemRow } from '../queries';

export type SetAsideChoice = 'hour' | 'day' | 'change' | 'acknowledge';

export interface RowActionHandlers {
  /** After the worker set a problem aside (the popup offers Undo). */
  onSetAside?: (row: ProblemRow, choice: SetAsideChoice) => void;
}

const HOUR = 3600_000;

/** The message for a choice; times are taken at the click. */
export function setAsideMessage(
  listingKey: string,
  choice: SetAsideChoice,
  now: number,
): SnoozeProblemMessage | AcknowledgeProblemMessage {
  if (choice === 'acknowledge') return { type: 'problem:acknowledge', listingKey };
  const until = choice === 'hour' ? now + HOUR : choice === 'day' ? now + 24 * HOUR : 'change';
  return { type: 'problem:snooze', listingKey, until };
}

const send = async (message: SnoozeProblemMessage | AcknowledgeProblemMessage | UnsnoozeProblemMessage) =>
  ((await browser.runtime.sendMessage(message)) as Reply | undefined) ?? {
    ok: false as const,
    error: t('actionFailed'),
  };

/** `children`: the row's on-demand panels (why, stock history), shown after the links. */
export function RowActions({
  row,
  onSetAside,
  children,
}: { row: ProblemRow; children?: ReactNode } & RowActionHandlers) {
  const { assessment, listing, setAside } = row;
  const [error, setError] = useState('');
  const worst = assessment.findings.find((f) => f.offerKey);
  const offer = worst?.offerKey ? row.offers[worst.offerKey] : undefined;
  const listingName = listing ? `${listing.productTitle} · ${listing.label}` : assessment.listingKey;

  const setAsideAs = async (choice: SetAsideChoice) => {
    const reply = await send(setAsideMessage(assessment.listingKey, choice, Date.now()));
    if (!reply.ok) setError(reply.error);
    else onSetAside?.(row, choice);
  };
  const showAgain = async () => {
    const reply = await send({ type: 'problem:unsnooze', listingKey: assessment.listingKey });
    if (!reply.ok) setError(reply.error);
  };

  return (
    <fieldset className="actions">
      <legend className="visually-hidden">{t('actionsFor', [listingName])}</legend>
      <PauseButton listingKey={assessment.listingKey} />
      {offer && (
        <a href={offer.url} target="_blank" rel="noreferrer">
          {t('actionOpenSupplier')}
        </a>
      )}
      {listing && (
        <a href={listing.url} target="_blank" rel="noreferrer">
          {t('actionOpenListing')}
        </a>
      )}
      {children}
      {setAside ? (
        <button type="button" onClick={() => void showAgain()}>
          {t('actionShowAgain')}
        </button>
      ) : (
        <>
          <details className="snooze">
            <summary>{t('actionSnooze')}</summary>
            <div className="snooze-menu">
              <button type="button" onClick={() => void setAsideAs('hour')}>
                {t('snoozeHour')}
              </button>
              <button type="button" onClick={() => void setAsideAs('day')}>
                {t('snoozeDay')}
              </button>
              <button type="button" onClick={() => void setAsideAs('change')}>
                {t('snoozeUntilChange')}
              </button>
            </div>
          </details>
          <button type="button" onClick={() => void setAsideAs('acknowledge')}>
            {t('actionAcknowledge')}
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
