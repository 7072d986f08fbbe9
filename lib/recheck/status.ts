// Read-only queries for the popup's re-check section: what needs the seller (a visit, a permission, a
// captcha passed), hosts backing off, and per link when its supplier was last verified.
import type { HostRow, OversellDb, RecheckRow, RecheckState } from '../db';
import type { Via } from '../model';

export interface LinkFreshness {
  listingKey: string;
  listingLabel: string;
  supplierTitle: string;
  supplierUrl?: string;
  /** The newest good reading of the primary supplier's product, by a visit or a re-check. */
  verifiedAt?: number;
  verifiedVia?: Via;
  state?: RecheckState;
  detail?: string;
}

export interface RecheckOverview {
  queued: number;
  needsVisit: RecheckRow[];
  /** Origins whose re-checks wait for the seller's permission. */
  needsPermission: string[];
  stopped: HostRow[];
  backingOff: HostRow[];
  /** The links changed most recently first, at most `limit`. */
  links: LinkFreshness[];
  linkCount: number;
}

export async function loadRecheckOverview(db: OversellDb, now: number, limit = 50): Promise<RecheckOverview> {
  const [rows, hosts, linkCount, links] = await Promise.all([
    db.recheck.toArray(),
    db.hosts.toArray(),
    db.links.count(),
    db.links.orderBy('updatedAt').reverse().limit(limit).toArray(),
  ]);
  const primaryKeys = links.map((l) => l.suppliers[0]?.offerKey ?? '');
  const [listings, offers] = await Promise.all([
    db.latest.bulkGet(links.map((l) => l.listingKey)),
    db.latest.bulkGet(primaryKeys),
  ]);
  const byProduct = new Map(rows.map((r) => [r.productKey, r]));
  return {
    queued: rows.length,
    needsVisit: rows.filter((r) => r.state === 'needs-visit'),
    needsPermission: [
      ...new Set(rows.filter((r) => r.state === 'needs-permission').map((r) => new URL(r.url).origin)),
    ].sort(),
    stopped: hosts.filter((h) => h.stopped),
    backingOff: hosts.filter((h) => !h.stopped && (h.backoffLevel ?? 0) > 0 && h.nextAllowedAt > now),
    links: links.map((link, i) => {
      const listing = listings[i];
      const offer = offers[i];
      const row = offer ? byProduct.get(offer.productKey) : undefined;
      return {
        listingKey: link.listingKey,
        listingLabel: listing ? labelOf(listing.productTitle, listing.label) : link.listingKey,
        supplierTitle: offer ? labelOf(offer.productTitle, offer.label) : primaryKeys[i],
        supplierUrl: offer?.url,
        verifiedAt: row?.verifiedAt ?? offer?.observedAt,
        verifiedVia: row?.verifiedVia ?? offer?.via,
        state: row?.state,
        detail: row?.detail,
      };
    }),
    linkCount,
  };
}

const labelOf = (title: string, label: string) => (label && label !== title ? `${title} / ${label}` : title);
