// When a supplier changes its SKU ids, the linked variant goes `missing` while the product lives on with
// new ids. The old variant's options are still known, so the new variant with the same options is the
// proposal; the seller accepts it with one click.
import type { LinkRow } from '../db';
import type { Observation } from '../model';
import { type MatchConfidence, proposeVariantMapping } from './variant-match';

export interface Remap {
  from: string;
  to: string;
  confidence: MatchConfidence;
}

/**
 * One proposal per missing supplier variant of the link that has a clear successor among `siblings`
 * (the latest rows of the same supplier products). Ambiguous successors are not proposed.
 */
export function proposeRemaps(link: LinkRow, offers: readonly Observation[]): Remap[] {
  const byKey = new Map(offers.map((o) => [o.key, o]));
  const out: Remap[] = [];
  for (const { offerKey } of link.suppliers) {
    const gone = byKey.get(offerKey);
    if (gone?.presence !== 'missing') continue;
    const successors = offers.filter(
      (o) => o.productKey === gone.productKey && o.presence === 'present' && !link.offerKeys.includes(o.key),
    );
    // A product with one SKU whose id changed has no options to compare: its one successor is the proposal.
    const single = Object.keys(gone.options).length === 0 && successors.length === 1;
    const [proposal] = proposeVariantMapping([gone], successors, { pairSingles: single });
    if (proposal.offerKey && proposal.alternatives.length === 0 && proposal.confidence !== 'none') {
      out.push({ from: offerKey, to: proposal.offerKey, confidence: proposal.confidence });
    }
  }
  return out;
}

/** The link with each remapped supplier variant replaced in place (same priority, units and overrides). */
export function applyRemaps(link: LinkRow, remaps: readonly Remap[]): LinkRow['suppliers'] {
  const to = new Map(remaps.map((r) => [r.from, r.to]));
  return link.suppliers.map((s) => ({ ...s, offerKey: to.get(s.offerKey) ?? s.offerKey }));
}
