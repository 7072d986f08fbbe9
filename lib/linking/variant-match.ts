// Maps a listing's variants to a supplier's by option values, as a proposal the seller corrects and
// confirms: a wrong link is worse than none, so anything short of a clear match is left for the seller.
import { canonicalOptions } from './option-names';

export interface MatchableVariant {
  key: string;
  label: string;
  options: Record<string, string>;
}

export type MatchConfidence =
  /** Every option the listing has meets the same value under the same meaning (Colour = Color). */
  | 'options'
  /** The values all appear on the supplier variant, under other option names ("Style: Red" vs "Color: Red"). */
  | 'values'
  /** Both sides have exactly one variant. */
  | 'only'
  /** Nothing fits: the seller picks. */
  | 'none';

export interface VariantProposal {
  listingKey: string;
  offerKey: string | null;
  confidence: MatchConfidence;
  /** Other supplier variants that fit as well (another "Ships From", say): the seller should look. */
  alternatives: string[];
}

export interface MatchPreferences {
  /** The warehouse the seller ships from when a supplier offers several ("US", "CN"); canonical or as written. */
  shipsFrom?: string;
  /** Pair a one-variant listing with a one-variant supplier whatever their options say (default true). */
  pairSingles?: boolean;
}

/**
 * One proposal per listing variant. Dimensions the supplier has and the listing does not (usually
 * "Ships From") are resolved by the seller's preference; otherwise every fitting variant is an alternative.
 */
export function proposeVariantMapping(
  listing: readonly MatchableVariant[],
  supplier: readonly MatchableVariant[],
  prefs: MatchPreferences = {},
): VariantProposal[] {
  if (listing.length === 1 && supplier.length === 1 && prefs.pairSingles !== false) {
    return [{ listingKey: listing[0].key, offerKey: supplier[0].key, confidence: 'only', alternatives: [] }];
  }
  const offers = supplier.map((v) => ({ key: v.key, options: canonicalOptions(optionsOf(v)) }));
  const preferred = prefs.shipsFrom ? canonicalOptions({ 'ships from': prefs.shipsFrom }).get('ships-from') : undefined;
  const ignored = constantListingOnly(
    listing.map((v) => canonicalOptions(v.options)),
    offers.map((o) => o.options),
  );

  return listing.map((variant) => {
    const wanted = canonicalOptions(optionsOf(variant));
    let confidence: MatchConfidence = 'options';
    let fits = offers.filter((o) => byName(wanted, o.options));
    if (fits.length === 0) {
      confidence = 'values';
      fits = offers.filter((o) => byValue(wanted, o.options));
    }
    if (fits.length === 0 && ignored.length > 0) {
      confidence = 'options';
      for (const name of ignored) wanted.delete(name);
      fits = offers.filter((o) => byName(wanted, o.options));
    }
    if (fits.length === 0 || wanted.size === 0) {
      return { listingKey: variant.key, offerKey: null, confidence: 'none', alternatives: [] };
    }
    if (fits.length > 1 && preferred && !wanted.has('ships-from')) {
      const there = fits.filter((o) => o.options.get('ships-from') === preferred);
      if (there.length > 0) fits = there;
    }
    // Fewest extra dimensions first: "Blue / M" fits "Blue / M" better than "Blue / M / with strap".
    fits.sort((a, b) => a.options.size - b.options.size);
    const [best, ...rest] = fits;
    return {
      listingKey: variant.key,
      offerKey: best.key,
      confidence,
      alternatives: rest.map((o) => o.key),
    };
  });
}

/**
 * A variant's options; when a page shows only the variant title ("Black / M" on Shopify's inventory page),
 * its parts as unnamed options, which can still meet the supplier's values by value.
 */
function optionsOf(v: MatchableVariant): Record<string, string> {
  if (Object.keys(v.options).length > 0 || /^default( title)?$/i.test(v.label.trim())) return v.options;
  return Object.fromEntries(v.label.split(' / ').map((part, i) => [`#${i + 1}`, part.trim()]));
}

/**
 * Listing options the supplier never has and that never vary ("Material: Cotton" on every variant) say
 * nothing about which supplier variant is meant, so they are left out of the match.
 */
function constantListingOnly(listing: Map<string, string>[], offers: Map<string, string>[]): string[] {
  const supplierNames = new Set(offers.flatMap((o) => [...o.keys()]));
  if (listing.length < 2) return [];
  const names = new Set(listing.flatMap((o) => [...o.keys()]));
  return [...names].filter((name) => !supplierNames.has(name) && new Set(listing.map((o) => o.get(name))).size === 1);
}

/** Each of the listing's options meets the same value under the same meaning on the offer. */
function byName(wanted: Map<string, string>, offer: Map<string, string>): boolean {
  if (wanted.size === 0) return false;
  for (const [name, value] of wanted) if (offer.get(name) !== value) return false;
  return true;
}

/** Each of the listing's values appears among the offer's values, whatever the option is called. */
function byValue(wanted: Map<string, string>, offer: Map<string, string>): boolean {
  const values = new Set(offer.values());
  for (const value of wanted.values()) if (!values.has(value)) return false;
  return true;
}
