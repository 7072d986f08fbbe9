import { useMemo, useState } from 'react';
import { adapterById } from '@/lib/adapters';
import { t } from '@/lib/i18n';
import type { ProductSeen, Suggestion } from '@/lib/linking/suggest';
import { hostOf } from '../describe';

interface Props {
  label: string;
  candidates: readonly ProductSeen[];
  suggestions: readonly Suggestion[];
  onPick: (productKey: string) => void;
}

const SHOWN = 20;
const REASON_KEY = { sku: 'linkReasonSku', 'product-id': 'linkReasonProductId', title: 'linkReasonTitle' } as const;

/** Suggestions first (each says why), then a search over every product seen, newest first. */
export function ProductPicker({ label, candidates, suggestions, onPick }: Props) {
  const [query, setQuery] = useState('');
  const byKey = useMemo(() => new Map(candidates.map((c) => [c.key, c])), [candidates]);
  const found = useMemo(() => search(candidates, query), [candidates, query]);

  return (
    <div className="product-picker">
      {suggestions.length > 0 && (
        <ul className="suggestions" aria-label={t('linkSuggestions')}>
          {suggestions.map((s) => {
            const product = byKey.get(s.key);
            if (!product) return null;
            return (
              <li key={s.key} data-reason={s.reason}>
                <span className="suggestion-reason">{t(REASON_KEY[s.reason], [s.detail])}</span>{' '}
                <ProductName product={product} />{' '}
                <button type="button" onClick={() => onPick(s.key)}>
                  {t('linkUseSuggestion')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label>
        {label}
        <input
          type="search"
          value={query}
          placeholder={t('linkSearchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <ul className="search-results" aria-label={t('linkSearchResults')}>
        {found.slice(0, SHOWN).map((product) => (
          <li key={product.key}>
            <button type="button" className="link-like" onClick={() => onPick(product.key)}>
              <ProductName product={product} />
            </button>
          </li>
        ))}
      </ul>
      {found.length > SHOWN && <p className="muted">{t('linkMoreResults', [found.length - SHOWN])}</p>}
      {found.length === 0 && <p className="muted">{t('linkNoResults')}</p>}
    </div>
  );
}

function ProductName({ product }: { product: ProductSeen }) {
  const site = adapterById(product.adapterId)?.name ?? hostOf(product.url);
  return (
    <span className="product-name">
      <strong>{product.title}</strong>{' '}
      <span className="muted">
        {site} · {t('linkVariantCount', [product.variantCount])}
        {product.skus[0] ? ` · ${product.skus[0]}` : ''}
      </span>
    </span>
  );
}

/** Every word of the query in the title, a SKU, the site or the host. */
function search(candidates: readonly ProductSeen[], query: string): readonly ProductSeen[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return candidates;
  return candidates.filter((c) => {
    const text = `${c.title} ${c.skus.join(' ')} ${c.adapterId} ${hostOf(c.url)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
