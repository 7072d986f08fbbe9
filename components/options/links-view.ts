// The links table's search and sort, pure so they are tested without a page.
import type { LinkRow } from '@/lib/db';
import type { Observation } from '@/lib/model';

export type LinkSort = 'listing' | 'suppliers' | 'updated';
export interface LinkView {
  query: string;
  sort: LinkSort;
  descending: boolean;
}

/** What a link is called: its listing's title and variant when seen, else its key. */
export function listingName(link: LinkRow, seen: ReadonlyMap<string, Observation | undefined>): string {
  const listing = seen.get(link.listingKey);
  return listing ? `${listing.productTitle} · ${listing.label}` : link.listingKey;
}

/** Every word of the query must appear in the link's keys, titles, variant labels or SKUs (any case). */
export function viewLinks(
  links: readonly LinkRow[],
  seen: ReadonlyMap<string, Observation | undefined>,
  { query, sort, descending }: LinkView,
  locale?: string,
): LinkRow[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const haystack = (link: LinkRow) =>
    [link.listingKey, ...link.offerKeys]
      .flatMap((key) => {
        const o = seen.get(key);
        return [key, o?.productTitle, o?.label, o?.sku];
      })
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase();
  const found = words.length === 0 ? [...links] : links.filter((l) => words.every((w) => haystack(l).includes(w)));
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const compare: Record<LinkSort, (a: LinkRow, b: LinkRow) => number> = {
    listing: (a, b) => collator.compare(listingName(a, seen), listingName(b, seen)),
    suppliers: (a, b) => a.suppliers.length - b.suppliers.length,
    updated: (a, b) => a.updatedAt - b.updatedAt,
  };
  // Ties keep a stable, readable order: by listing name.
  return found.sort((a, b) => {
    const by = compare[sort](a, b) || compare.listing(a, b);
    return descending ? -by : by;
  });
}
