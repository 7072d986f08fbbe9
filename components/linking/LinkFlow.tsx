import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { adapterForUrl } from '@/lib/adapters';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { productsSeen, suggestMatches } from '@/lib/linking/suggest';
import type { Role } from '@/lib/model';
import { loadRecent } from '../queries';
import { MappingTable } from './MappingTable';
import { ProductPicker } from './ProductPicker';

/** storage.local: "link this listing to the supplier page I pasted", picked up when that page is open. */
export const PENDING_LINK_KEY = 'pendingLink';
const PENDING_FOR_MS = 24 * 3600_000;
/** Enough variants to hold every product a seller browses in weeks. */
const SEEN_LIMIT = 5000;

interface Props {
  /** The tab's page: what it is, and the products it showed. */
  role: Role;
  productKeys: readonly string[];
  /** A listing already chosen (the seller pasted this supplier's URL while linking it). */
  initialListingKey?: string;
}

/** Link a listing to a supplier in three steps: the listing, the supplier product, the variant mapping. */
export function LinkFlow({ role, productKeys, initialListingKey }: Props) {
  const [listingKey, setListingKey] = useState(
    initialListingKey ?? (role === 'listing' && productKeys.length === 1 ? productKeys[0] : ''),
  );
  const [supplierKey, setSupplierKey] = useState(role === 'supplier' ? productKeys[0] : '');
  const [saved, setSaved] = useState(0);
  const seen = useLiveQuery(async () => {
    const db = getDb();
    const [listings, suppliers] = await Promise.all([
      loadRecent(db, 'listing', SEEN_LIMIT),
      loadRecent(db, 'supplier', SEEN_LIMIT),
    ]);
    return { listings: productsSeen(listings), suppliers: productsSeen(suppliers) };
  }, []);

  const listing = seen?.listings.find((p) => p.key === listingKey);
  const supplier = seen?.suppliers.find((p) => p.key === supplierKey);
  const listingSuggestions = useMemo(
    () => (seen && supplier && role === 'supplier' ? suggestMatches(supplier, seen.listings) : []),
    [seen, supplier, role],
  );
  const supplierSuggestions = useMemo(
    () => (seen && listing ? suggestMatches(listing, seen.suppliers) : []),
    [seen, listing],
  );
  if (!seen) return <p className="muted">{t('loading')}</p>;
  if (saved) {
    return (
      <p role="status" className="ok">
        {t('mapSaved', [saved])}
      </p>
    );
  }

  if (!listingKey) {
    const onPage = role === 'listing' ? seen.listings.filter((p) => productKeys.includes(p.key)) : seen.listings;
    if (onPage.length === 0) return <p className="muted">{t('needListing')}</p>;
    return (
      <section className="link-flow" aria-label={t('linkToListing')}>
        <h2>{t('linkToListing')}</h2>
        <ProductPicker
          label={t('linkFindListing')}
          candidates={onPage}
          suggestions={listingSuggestions}
          onPick={setListingKey}
        />
      </section>
    );
  }
  if (!supplierKey) {
    return (
      <section className="link-flow" aria-label={t('linkSupplierTitle')}>
        <h2>{t('linkSupplierTitle')}</h2>
        {listing && <p className="muted">{listing.title}</p>}
        {seen.suppliers.length > 0 ? (
          <ProductPicker
            label={t('linkFindSupplier')}
            candidates={seen.suppliers}
            suggestions={supplierSuggestions}
            onPick={setSupplierKey}
          />
        ) : (
          <p className="muted">{t('needSupplier')}</p>
        )}
        <PasteSupplierUrl listingKey={listingKey} />
      </section>
    );
  }
  return (
    <MappingTable
      listingProductKey={listingKey}
      supplierProductKey={supplierKey}
      onSaved={setSaved}
      onBack={() => (role === 'supplier' ? setListingKey('') : setSupplierKey(''))}
    />
  );
}

/** A supplier the seller has not opened yet: remember the wish, open the page so it is read. */
function PasteSupplierUrl({ listingKey }: { listingKey: string }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const open = async () => {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      setError(t('pasteNotUrl'));
      return;
    }
    const adapter = adapterForUrl(parsed);
    if (adapter?.role !== 'supplier' || adapter.dynamic) {
      setError(t('pasteUnknownSite', [parsed.hostname]));
      return;
    }
    await browser.storage.local.set({ [PENDING_LINK_KEY]: { listingKey, url: parsed.href, at: Date.now() } });
    await browser.tabs.create({ url: parsed.href });
  };
  return (
    <form
      className="paste-url"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <label>
        {t('pasteLabel')}
        <input
          type="url"
          value={url}
          placeholder="https://www.aliexpress.com/item/…"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!url}>
        {t('pasteOpen')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The listing the seller was linking when they pasted this supplier page's URL (taken once), or null. */
export async function takePendingLink(supplierUrl: string): Promise<string | null> {
  const stored = await browser.storage.local.get(PENDING_LINK_KEY);
  const pending = stored[PENDING_LINK_KEY] as { listingKey?: unknown; url?: unknown; at?: unknown } | undefined;
  const fresh = typeof pending?.at === 'number' && Date.now() - pending.at < PENDING_FOR_MS;
  if (!fresh || typeof pending.listingKey !== 'string' || !samePage(pending.url, supplierUrl)) return null;
  await browser.storage.local.remove(PENDING_LINK_KEY);
  return pending.listingKey;
}

/** The same page whatever the query and fragment (suppliers add tracking parameters on redirect). */
function samePage(a: unknown, b: string): boolean {
  try {
    const ua = new URL(String(a));
    const ub = new URL(b);
    return ua.hostname.replace(/^www\./, '') === ub.hostname.replace(/^www\./, '') && ua.pathname === ub.pathname;
  } catch {
    return false;
  }
}
