// The popup's re-check section: the progress line while a round runs, hosts stopped by a captcha or backing
// off, pages that need a real visit (with the opt-in button that visits them), and per link when its
// supplier was last verified. Scraped text (titles, adapter details) is rendered as text, never as HTML.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type RecheckState } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { RecheckNowMessage, RecheckResumeHostMessage, RecheckVisitMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import { PROGRESS_KEY } from '@/lib/recheck';
import type { RecheckProgress } from '@/lib/recheck/run';
import { type LinkFreshness, loadRecheckOverview } from '@/lib/recheck/status';
import { loadSettings } from '@/lib/settings';
import { hostOf, timeAgo } from './describe';

/** A storage.local value, kept current while the popup is open. */
function useStored<T>(load: () => Promise<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const reload = () => void load().then(setValue);
    reload();
    browser.storage.local.onChanged.addListener(reload);
    return () => browser.storage.local.onChanged.removeListener(reload);
  }, [load]);
  return value;
}

const loadProgress = async () =>
  ((await browser.storage.local.get(PROGRESS_KEY))[PROGRESS_KEY] as RecheckProgress | undefined) ?? null;

const send = (message: RecheckNowMessage | RecheckVisitMessage | RecheckResumeHostMessage) =>
  browser.runtime.sendMessage(message) as Promise<{ ok: boolean; error?: string; opened?: number } | undefined>;

export function RecheckStatus({ now }: { now: number }) {
  const overview = useLiveQuery(() => loadRecheckOverview(getDb(), now), [now]);
  const progress = useStored(loadProgress, null);
  const settings = useStored<Settings>(loadSettings, DEFAULT_SETTINGS);
  const [message, setMessage] = useState<string | null>(null);
  if (!overview || overview.linkCount === 0) return null;

  const running = progress && !progress.finishedAt && progress.total > 0;
  const visit = async () => {
    const reply = await send({ type: 'recheck:visit' });
    setMessage(reply?.ok ? t('recheckVisited', [reply.opened ?? 0]) : (reply?.error ?? t('recheckFailed')));
  };
  // Asked in the click itself: permission requests need the seller's gesture.
  const grant = async (origin: string) => {
    if (await browser.permissions.request({ origins: [`${origin}/*`] })) await send({ type: 'recheck:now' });
  };

  return (
    <section className="recheck" aria-label={t('recheckTitle')}>
      {settings.recheckPaused && <p className="muted">{t('recheckPaused')}</p>}
      {running && (
        <p className="recheck-progress" role="status">
          {t('recheckProgress', [Math.min(progress.done + 1, progress.total), progress.total])}
        </p>
      )}
      {progress?.capped && <p className="failure">{t('recheckCapped', [settings.recheckDailyCap])}</p>}
      {overview.stopped.map((h) => (
        <p key={h.host} className="failure recheck-stopped" data-host={h.host}>
          {t('recheckHostStopped', [h.host, h.stopped?.detail ?? ''])}{' '}
          <a href={h.stopped?.url} target="_blank" rel="noreferrer">
            {t('recheckOpenPage')}
          </a>{' '}
          <button type="button" onClick={() => void send({ type: 'recheck:resume-host', host: h.host })}>
            {t('recheckResume')}
          </button>
        </p>
      ))}
      {overview.backingOff.map((h) => (
        <p key={h.host} className="muted recheck-backoff" data-host={h.host}>
          {t('recheckHostBackoff', [
            h.host,
            h.lastStatus ?? '',
            Math.max(1, Math.ceil((h.nextAllowedAt - now) / 60_000)),
          ])}
        </p>
      ))}
      {overview.needsPermission.map((origin) => (
        <p key={origin} className="recheck-permission">
          {t('recheckNeedsPermission', [hostOf(origin)])}{' '}
          <button type="button" onClick={() => void grant(origin)}>
            {t('recheckGrant')}
          </button>
        </p>
      ))}
      {overview.needsVisit.length > 0 && (
        <div className="recheck-visit">
          <p>{t('recheckNeedsVisit', [overview.needsVisit.length])}</p>
          <ul>
            {overview.needsVisit.map((r) => (
              <li key={r.productKey}>
                <a href={r.url} target="_blank" rel="noreferrer">
                  {r.title ?? hostOf(r.url)}
                </a>
                {r.detail && <span className="muted"> · {r.detail}</span>}
              </li>
            ))}
          </ul>
          {settings.visitTabsPerHour > 0 ? (
            <button type="button" onClick={() => void visit()}>
              {t('recheckVisitButton', [settings.visitTabsPerHour])}
            </button>
          ) : (
            <p className="muted">{t('recheckVisitOff')}</p>
          )}
        </div>
      )}
      <details className="recheck-links">
        <summary>{t('recheckLinksTitle', [overview.queued])}</summary>
        <button
          type="button"
          disabled={!!running || settings.recheckPaused}
          onClick={() => void send({ type: 'recheck:now' })}
        >
          {t('recheckNow')}
        </button>
        <ul>
          {overview.links.map((link) => (
            <LinkLine key={link.listingKey} link={link} now={now} />
          ))}
        </ul>
        {overview.linkCount > overview.links.length && (
          <p className="muted">{t('recheckMoreLinks', [overview.linkCount - overview.links.length])}</p>
        )}
      </details>
      {message && <p role="status">{message}</p>}
    </section>
  );
}

function LinkLine({ link, now }: { link: LinkFreshness; now: number }) {
  const ago = link.verifiedAt === undefined ? '' : timeAgo(link.verifiedAt, now);
  const verified =
    link.verifiedAt === undefined
      ? t('recheckNeverVerified')
      : link.verifiedVia === 'recheck'
        ? t('recheckVerifiedByRecheck', [ago])
        : t('recheckVerifiedByVisit', [ago]);
  return (
    <li data-listing={link.listingKey}>
      <span>{link.listingLabel}</span> <span className="muted">← {link.supplierTitle}</span>
      <span className="recheck-verified"> · {verified}</span>
      {link.state && link.state !== 'ok' && <span className="failure"> · {stateLabel(link.state)}</span>}
    </li>
  );
}

function stateLabel(state: Exclude<RecheckState, 'ok'>): string {
  switch (state) {
    case 'needs-visit':
      return t('recheckStateNeedsVisit');
    case 'needs-permission':
      return t('recheckStateNeedsPermission');
    case 'failed':
      return t('recheckStateFailed');
  }
}
