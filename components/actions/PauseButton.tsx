// A listing's channel action on its popup row: Pause (enabled once its channel is connected), or "Paused" and
// Resume when Oversell Guard holds it paused; what went wrong in words; the action log on demand. State comes
// from the `actions` table (live), so a pause by a rule or from another popup shows here too.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { loadActionState } from '@/lib/actions/state';
import { type ActionWords, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { ActionReply, PauseListingMessage, Reply, ResumeListingMessage } from '@/lib/messages';
import { timeAgo } from '../describe';
import { ActionHistory } from './ActionHistory';
import { channelLabel, channelOfListing } from './channel-of';
import { say } from './say';
import { useConnectedChannels } from './use-connections';

export function PauseButton({ listingKey, now = Date.now() }: { listingKey: string; now?: number }) {
  const db = getDb();
  const state = useLiveQuery(() => loadActionState(db, listingKey), [listingKey]);
  const connected = useConnectedChannels();
  const [sending, setSending] = useState<'pause' | 'resume' | null>(null);
  const [refused, setRefused] = useState<ActionWords | null>(null);
  const reasonId = useId();
  const channel = channelOfListing(listingKey);

  const send = async (kind: 'pause' | 'resume') => {
    setSending(kind);
    setRefused(null);
    const message: PauseListingMessage | ResumeListingMessage =
      kind === 'pause' ? { type: 'listing:pause', listingKey } : { type: 'listing:resume', listingKey };
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply<ActionReply> | undefined;
      // A started action's outcome is on its row; only a refusal (nothing started) is shown from the reply.
      if (!reply) setRefused({ key: 'actionNoReply', subs: [] });
      else if (!reply.ok) setRefused({ key: 'actionRefused', subs: [reply.error] });
      else if ('refused' in reply) setRefused(reply.refused.words);
    } catch (error) {
      setRefused({ key: 'actionRefused', subs: [(error as Error).message] });
    } finally {
      setSending(null);
    }
  };

  const busy = sending !== null || state?.pending !== undefined;
  const paused = state?.paused;
  const unavailable = !channel
    ? t('pauseNoApi')
    : connected.has(channel)
      ? null
      : t('pauseConnectChannel', [channelLabel(channel)]);
  const failure = refused ?? state?.failed?.failure?.words;

  return (
    <span className="channel-action" data-action-state={busy ? 'busy' : paused ? 'paused' : 'live'}>
      {paused && (
        <span className="paused-label">
          {t(paused.by === 'rule' ? 'actionPausedByRule' : 'actionPaused', [
            timeAgo(paused.finishedAt ?? paused.at, now),
          ])}
        </span>
      )}
      {paused && ' '}
      {busy ? (
        <button type="button" disabled>
          {t((sending ?? state?.pending?.kind) === 'resume' ? 'actionResuming' : 'actionPausing')}
        </button>
      ) : unavailable ? (
        // Focusable while unavailable, so keyboard and screen-reader users can learn why; a click opens Options.
        <button
          type="button"
          aria-disabled="true"
          aria-describedby={reasonId}
          className="unavailable"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t(paused ? 'actionResume' : 'actionPause')}
        </button>
      ) : (
        <button type="button" onClick={() => void send(paused ? 'resume' : 'pause')}>
          {t(paused ? 'actionResume' : 'actionPause')}
        </button>
      )}
      {unavailable && (
        <span id={reasonId} className="muted pause-why">
          {unavailable}
        </span>
      )}
      {failure && !busy && ' '}
      {failure && !busy && (
        <span role="alert" className="error action-error">
          {say(failure)}
        </span>
      )}
      {paused?.notes?.map((note) => (
        <span key={note.key} className="muted action-note">
          {say(note)}
        </span>
      ))}
      {state && <ActionHistory rows={state.history} />}
    </span>
  );
}
