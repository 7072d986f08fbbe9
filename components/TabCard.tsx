import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { hostOf } from './describe';

/** What Oversell Guard read on the seller's current tab, if it reads that page at all. */
export function TabCard() {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.url && /^https?:/.test(tab.url)) setUrl(tab.url.replace(/#.*$/, ''));
    });
  }, []);
  const page = useLiveQuery(async () => (url ? ((await getDb().pages.get(url)) ?? null) : null), [url]);
  if (!page) return null;
  return (
    <section className={`tab-card ${page.ok ? 'ok' : 'failed'}`} aria-label={t('tabCardTitle')}>
      <strong>{hostOf(page.url)}</strong>{' '}
      {page.ok
        ? t('tabCardRead', [page.variantCount, page.availableCount, page.readMs ?? 0])
        : t('tabCardFailed', [page.detail ?? page.reason ?? ''])}
    </section>
  );
}
