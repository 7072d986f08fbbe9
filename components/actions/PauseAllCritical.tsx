// "Pause all critical": one click for every critical listing on a connected channel. The worker pauses them one
// at a time per channel (each store's own rate limits apply); each listing's row shows its own outcome.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { PauseCriticalMessage, PauseCriticalReply, Reply } from '@/lib/messages';
import { channelOfListing } from './channel-of';
import { useConnectedChannels } from './use-connections';

export function PauseAllCritical() {
  const db = getDb();
  const connected = useConnectedChannels();
  const critical = useLiveQuery(
    async () => (await db.assessments.where('severity').equals('critical').primaryKeys()) as string[],
    [],
  );
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState('');
  const pausable = (critical ?? []).filter((key) => connected.has(channelOfListing(key) ?? '')).length;
  if (pausable === 0 && !outcome) return null;

  const run = async () => {
    setRunning(true);
    setOutcome('');
    try {
      const reply = (await browser.runtime.sendMessage({
        type: 'listings:pause-critical',
      } satisfies PauseCriticalMessage)) as Reply<PauseCriticalReply> | undefined;
      setOutcome(
        reply?.ok
          ? t('pauseAllDone', [reply.paused, reply.failed, reply.skipped])
          : t('actionRefused', [reply?.error ?? '']),
      );
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="pause-all">
      <button type="button" disabled={running || pausable === 0} onClick={() => void run()}>
        {running ? t('actionPausing') : t('pauseAllCritical', [pausable])}
      </button>
      <span role="status" className="muted">
        {outcome}
      </span>
    </div>
  );
}
