import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { adapters } from '@/lib/adapters';
import { adapterMatches } from '@/lib/adapters/define';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { UnwatchSiteMessage, WatchSiteMessage } from '@/lib/messages';
import { originOf, PENDING_WATCH_KEY, patternOf, WATCHED_KEY } from '@/lib/watch';
import { hostOf } from './describe';
import { LinkFlow, takePendingLink } from './linking/LinkFlow';

interface TabInfo {
  id?: number;
  url: string;
}

/**
 * The tab the popup speaks about: the active tab, or `?tab=<id>` when the popup was opened as a page for a
 * tab (from the on-page chip, and in end-to-end tests).
 */
function useTab(): TabInfo | null {
  const [tab, setTab] = useState<TabInfo | null>(null);
  useEffect(() => {
    const asked = Number(new URLSearchParams(location.search).get('tab'));
    const found = Number.isInteger(asked) && asked > 0 ? browser.tabs.get(asked).then((t) => [t]) : undefined;
    void (found ?? browser.tabs.query({ active: true, currentWindow: true })).then(([t]) => {
      if (t?.url && /^https?:/.test(t.url)) setTab({ id: t.id, url: t.url.replace(/#.*$/, '') });
    });
  }, []);
  return tab;
}

function useWatched(): string[] {
  const [watched, setWatched] = useState<string[]>([]);
  useEffect(() => {
    const load = () =>
      browser.storage.local.get(WATCHED_KEY).then((s) => setWatched((s[WATCHED_KEY] as string[] | undefined) ?? []));
    void load();
    browser.storage.local.onChanged.addListener(load);
    return () => browser.storage.local.onChanged.removeListener(load);
  }, []);
  return watched;
}

/** What Oversell Guard read on the seller's current tab, and "Watch this site" for stores it does not read yet. */
export function TabCard() {
  const tab = useTab();
  const watched = useWatched();
  const [message, setMessage] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const [pendingListing, setPendingListing] = useState<string>();
  const page = useLiveQuery(async () => (tab ? ((await getDb().pages.get(tab.url)) ?? null) : null), [tab?.url]);
  const supplierUrl = page?.ok && page.role === 'supplier' ? page.url : null;
  useEffect(() => {
    if (!supplierUrl) return;
    void takePendingLink(supplierUrl).then((listingKey) => {
      if (!listingKey) return;
      setPendingListing(listingKey);
      setLinking(true);
    });
  }, [supplierUrl]);
  if (!tab) return null;
  const origin = originOf(tab.url);
  const url = new URL(tab.url);
  const readHere = adapters.some((a) => !a.dynamic && adapterMatches(a, url));
  const isWatched = origin !== null && watched.includes(origin);

  const watch = async () => {
    if (!origin) return;
    // Firefox closes the popup when its permission prompt opens: the worker finishes the job from this note.
    void browser.storage.local.set({ [PENDING_WATCH_KEY]: { origin, tabId: tab.id, at: Date.now() } });
    // Asked first, synchronously in the click: permission requests need the user's gesture.
    const granted = await browser.permissions.request({ origins: [patternOf(origin)] });
    if (!granted) {
      setMessage(t('watchDenied'));
      return;
    }
    const reply = (await browser.runtime.sendMessage({
      type: 'site:watch',
      origin,
      tabId: tab.id,
    } satisfies WatchSiteMessage)) as { ok: boolean; error?: string } | undefined;
    setMessage(reply?.ok ? t('watchStarted', [hostOf(tab.url)]) : (reply?.error ?? t('watchFailed')));
  };
  const unwatch = async () => {
    if (!origin) return;
    await browser.runtime.sendMessage({ type: 'site:unwatch', origin } satisfies UnwatchSiteMessage);
    setMessage(t('watchStopped', [hostOf(tab.url)]));
  };

  return (
    <section className={`tab-card ${page && !page.ok ? 'failed' : 'ok'}`} aria-label={t('tabCardTitle')}>
      {page && (
        <p>
          <strong>{hostOf(page.url)}</strong>{' '}
          {page.ok
            ? t('tabCardRead', [page.variantCount, page.availableCount, page.readMs ?? 0])
            : t('tabCardFailed', [page.detail ?? page.reason ?? ''])}
        </p>
      )}
      {!readHere && origin && !isWatched && (
        <p>
          {t('watchExplain', [hostOf(tab.url)])}{' '}
          <button type="button" onClick={() => void watch()}>
            {t('watchSite')}
          </button>
        </p>
      )}
      {!readHere && isWatched && (
        <p>
          {t('watching', [hostOf(tab.url)])}{' '}
          <button type="button" onClick={() => void unwatch()}>
            {t('unwatchSite')}
          </button>
        </p>
      )}
      {page?.ok && page.productKeys.length > 0 && !linking && (
        <p>
          <button type="button" onClick={() => setLinking(true)}>
            {page.role === 'supplier' ? t('linkToListingButton') : t('linkSupplierButton')}
          </button>
        </p>
      )}
      {page?.ok && linking && (
        <LinkFlow role={page.role} productKeys={page.productKeys} initialListingKey={pendingListing} />
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
