// One channel's connection in Options: its credentials, "Test connection" (a read, nothing changes) and Save,
// each asking the browser for that channel's API origins only, from the click itself; the saved connection's
// store and last test; Disconnect. Secrets typed here are sent to the worker and never shown again.
import { type FormEvent, useState } from 'react';
import { browser } from 'wxt/browser';
import { apiOriginPatterns, type ConnectionSummary } from '@/lib/connections';
import { t, uiLocale } from '@/lib/i18n';
import type { ConnectionInput, TestConnectionReply } from '@/lib/messages';
import { ask } from '../../options/ask';
import { type Outcome, Status } from '../../options/Status';
import { channelLabel } from '../channel-of';
import { say } from '../say';
import { CredentialFields } from './CredentialFields';
import { type ConnectableChannel, type Draft, type DraftErrors, EMPTY_DRAFT, inputOf } from './draft';

interface Props {
  channel: ConnectableChannel;
  saved?: ConnectionSummary;
}

export function ConnectionCard({ channel, saved }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const name = channelLabel(channel);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  /** Checks the fields, then asks for the channel's API origins: `permissions.request` must run in the click's task. */
  const granted = (): { input: ConnectionInput; allowed: Promise<boolean> } | null => {
    const checked = inputOf(channel, draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      setOutcome({ ok: false, text: t('fixFields') });
      return null;
    }
    const allowed = browser.permissions.request({ origins: apiOriginPatterns(checked.input) });
    return { input: checked.input, allowed };
  };

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const testOutcome = (reply: Awaited<ReturnType<typeof ask<TestConnectionReply>>>): Outcome => {
    if (!reply.ok) return { ok: false, text: reply.error };
    if (reply.failure) return { ok: false, text: say(reply.failure.words) };
    return { ok: true, text: t('connTestOk', [name, reply.storeName ?? '']) };
  };

  const test = (e: FormEvent) => {
    e.preventDefault();
    const asked = granted();
    if (!asked) return;
    void run(async () => {
      if (!(await asked.allowed)) return { ok: false, text: t('connPermissionDenied', [name]) };
      return testOutcome(await ask<TestConnectionReply>({ type: 'connection:test', channel, connection: asked.input }));
    });
  };

  const save = () => {
    const asked = granted();
    if (!asked) return;
    void run(async () => {
      if (!(await asked.allowed)) return { ok: false, text: t('connPermissionDenied', [name]) };
      const stored = await ask({ type: 'connection:save', connection: asked.input });
      if (!stored.ok) return { ok: false, text: stored.error };
      // The typed secrets are stored: clear them from the page.
      setDraft(EMPTY_DRAFT);
      const tested = testOutcome(await ask<TestConnectionReply>({ type: 'connection:test', channel }));
      return tested?.ok ? { ok: true, text: t('connSaved', [name, tested.text]) } : tested;
    });
  };

  const disconnect = () =>
    void run(async () => {
      const reply = await ask({ type: 'connection:delete', channel });
      return reply.ok ? { ok: true, text: t('connRemoved', [name]) } : { ok: false, text: reply.error };
    });

  return (
    <form className="connection" data-channel={channel} onSubmit={test} aria-labelledby={`conn-${channel}`} noValidate>
      <h3 id={`conn-${channel}`}>{name}</h3>
      <p className="connection-state" data-connected={saved ? 'yes' : 'no'}>
        {saved ? <SavedLine saved={saved} /> : t('connNotConnected', [name])}
      </p>
      <CredentialFields channel={channel} draft={draft} errors={errors} set={set} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('connTest')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={save}>
          {saved ? t('connReplace') : t('connSave')}
        </button>
        {saved && (
          <button type="button" className="danger" disabled={busy} onClick={disconnect}>
            {t('connDisconnect')}
          </button>
        )}
        <Status outcome={outcome} />
      </div>
    </form>
  );
}

function SavedLine({ saved }: { saved: ConnectionSummary }) {
  const when = (at: number) =>
    new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(at);
  const test = saved.test;
  return (
    <>
      {t('connConnected', [saved.store])}{' '}
      {test?.storeName && <span>{t('connLastTestOk', [test.storeName, when(test.at)])}</span>}
      {test?.failure && (
        <span className="field-error">{t('connLastTestFailed', [when(test.at), say(test.failure.words)])}</span>
      )}
      {saved.outOfStockControl === true && <span> {t('connEbayOutOfStockConfirmed')}</span>}
      {saved.outOfStockControl === false && <span className="field-error"> {t('connEbayOutOfStockNotConfirmed')}</span>}
    </>
  );
}
