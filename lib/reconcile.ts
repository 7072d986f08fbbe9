// Reconciliation (DESIGN.md section 4): one listing variant, its link and the newest observation of each linked
// supplier variant in; one Assessment out. Pure and allocation-light: it runs for every link on every ingest.
import { canSupply } from './extract/stock';
import type { Assessment, Finding, Link, LinkSupplier, Money, Observation, Settings, Status, Stock } from './model';
import { SEVERITY_OF } from './model';

export interface AssessInput {
  /** The listing variant's newest observation (role 'listing'); undefined if never seen. */
  listing: Observation | undefined;
  listingKey: string;
  /** undefined = the listing is seen but linked to nothing -> 'unlinked' (info). */
  link: Link | undefined;
  /** Newest observation per supplier variant key (link.suppliers[].offerKey); missing entries = never read. */
  offers: Record<string, Observation | undefined>;
  settings: Settings;
  /** Epoch ms. */
  now: number;
  /** For changedAt. */
  previous?: Assessment;
}

type Facts = Finding['facts'];

/**
 * `sells`: active (or no status) and not provably at 0; `paused`: inactive/draft/out_of_stock or at 0 (a resume
 * candidate); `retired`: archived, or the listing variant is gone from its channel (nothing to watch or suggest);
 * `unseen`: linked but never read.
 */
type ListingState = 'unseen' | 'sells' | 'paused' | 'retired';

export function assessLink(input: AssessInput): Assessment {
  const findings = findingsFor(input);
  // Findings are produced in the order of the status table, which is already worst-severity first: no sort.
  const worst = findings[0];
  const status: Status = worst ? worst.status : 'ok';
  const previous = input.previous;
  return {
    listingKey: input.listingKey,
    status,
    severity: SEVERITY_OF[status],
    findings,
    assessedAt: input.now,
    changedAt: previous && previous.status === status ? previous.changedAt : input.now,
  };
}

function findingsFor({ listing, link, offers, settings, now }: AssessInput): Finding[] {
  // No link (or an empty one): `unlinked` when the listing was seen; neither seen nor linked says nothing.
  if (!link || link.suppliers.length === 0) {
    return listing ? [finding('unlinked', undefined, listingFacts(listing, {}), listing.evidence)] : [];
  }
  const state = listingState(listing);
  if (state === 'retired') return [];

  const order = byPriority(link.suppliers);
  const n = order.length;
  const obs: (Observation | undefined)[] = new Array(n);
  const supply: (boolean | null)[] = new Array(n);
  let firstAble = -1;
  let allUnable = true;
  for (let i = 0; i < n; i++) {
    const o = offers[order[i].offerKey];
    obs[i] = o;
    // Never read is unknown, not zero; missing and removed variants cannot supply whatever their last stock said.
    const s = o === undefined ? null : o.presence !== 'present' ? false : canSupply(o.stock, order[i].unitsPerSale);
    supply[i] = s;
    if (s !== false) allUnable = false;
    if (s === true && firstAble < 0) firstAble = i;
  }
  // The primary stays in use unless it provably cannot supply (unknown is presumed still in use); then the first
  // fallback that provably can.
  const inUse = supply[0] !== false ? 0 : firstAble;
  const out: Finding[] = [];

  // A listing never seen gives no listing-side findings: we cannot say it sells (supplier-side warnings only).
  if (state === 'sells' && allUnable) out.push(oversellRisk(listing!, order[0], obs[0]!, n));
  for (let i = 0; i < n; i++) {
    const o = obs[i];
    if (o?.presence === 'missing') out.push(variantMissing(order[i], o));
  }
  // Switching supplier, quantity and margin only matter while the listing sells; a paused one gets `restock`.
  if (state === 'sells') {
    if (supply[0] === false && firstAble > 0)
      out.push(fallbackInUse(order[0], obs[0]!, order[firstAble], obs[firstAble]!));
    if (inUse >= 0 && obs[inUse]) {
      const qty = qtyAboveSupply(listing!, order[inUse], obs[inUse]!, link.bufferUnits ?? settings.bufferUnits);
      if (qty) out.push(qty);
      const margin = marginLost(listing!, order[inUse], obs[inUse]!, link.minMargin ?? settings.minMargin, settings);
      if (margin) out.push(margin);
    }
  }
  const watched = Math.max(inUse, 0); // the one in use, else the primary
  const stale = staleness(order[watched], obs[watched], settings.freshnessHours, now);
  if (stale) out.push(stale);
  for (let i = 0; i < n; i++) {
    const u = unreadable(order[i], obs[i]);
    if (u) out.push(u);
  }
  if (state === 'paused' && firstAble >= 0)
    out.push(restock(listing!, order[firstAble], obs[firstAble]!, firstAble > 0));
  return out;
}

function listingState(listing: Observation | undefined): ListingState {
  if (!listing) return 'unseen';
  if (listing.presence !== 'present' || listing.status === 'archived') return 'retired';
  if (listing.status !== undefined && listing.status !== 'active') return 'paused';
  const stock = listing.stock;
  if (stock.kind === 'outOfStock' || (stock.kind === 'exact' && stock.qty === 0)) return 'paused';
  // exact > 0, atLeast, inStock and unknown quantity while active all count as "can sell".
  return 'sells';
}

/** Priority order, ties in array order; links are short (<= 10) and usually stored sorted, so no copy then. */
function byPriority(suppliers: LinkSupplier[]): LinkSupplier[] {
  for (let i = 1; i < suppliers.length; i++) {
    if (suppliers[i].priority < suppliers[i - 1].priority)
      return [...suppliers].sort((a, b) => a.priority - b.priority);
  }
  return suppliers;
}

function finding(status: Status, offerKey: string | undefined, facts: Facts, evidence: string[]): Finding {
  // Evidence is shared with the observation, not copied: findings are read-only data (stored by structured clone).
  return offerKey === undefined
    ? { status, severity: SEVERITY_OF[status], facts, evidence }
    : { status, severity: SEVERITY_OF[status], offerKey, facts, evidence };
}

function oversellRisk(listing: Observation, primary: LinkSupplier, o: Observation, suppliers: number): Finding {
  const facts = supplierFacts(o, listingFacts(listing, { suppliers }));
  // A removed product is told by `presence: 'removed'`; its evidence is the page's ("no longer available").
  return finding('oversell-risk', primary.offerKey, facts, o.evidence);
}

function variantMissing(s: LinkSupplier, o: Observation): Finding {
  const facts: Facts = { offerKey: s.offerKey, productKey: o.productKey, label: o.label, observedAt: o.observedAt };
  facts.url = o.url;
  return finding('variant-missing', s.offerKey, facts, o.evidence);
}

function fallbackInUse(primary: LinkSupplier, p: Observation, fallback: LinkSupplier, f: Observation): Finding {
  const facts = supplierFacts(f, {
    fallbackOfferKey: fallback.offerKey,
    fallbackPriority: fallback.priority,
    primaryOfferKey: primary.offerKey,
    primaryPresence: p.presence,
    primaryStock: p.stock.kind,
  });
  // The primary's evidence: it is what says the primary cannot supply.
  return finding('fallback-in-use', fallback.offerKey, facts, p.evidence);
}

function qtyAboveSupply(listing: Observation, s: LinkSupplier, o: Observation, bufferUnits: number): Finding | null {
  // Only exact against exact: "at least Q" and "in stock" never prove the listing shows too much.
  if (listing.stock.kind !== 'exact' || o.stock.kind !== 'exact') return null;
  const listingQty = listing.stock.qty;
  const supplyQty = o.stock.qty;
  // The supplier can still ship one sale here (it is in use), so a buffer that eats all its units is a
  // quantity warning, not an oversell risk.
  const coverable = Math.floor(Math.max(0, supplyQty - bufferUnits) / s.unitsPerSale);
  if (listingQty <= coverable) return null;
  const facts: Facts = { listingQty, supplyQty, coverable, bufferUnits, unitsPerSale: s.unitsPerSale };
  facts.observedAt = o.observedAt;
  facts.url = o.url;
  return finding('qty-above-supply', s.offerKey, facts, o.evidence);
}

function marginLost(
  listing: Observation,
  s: LinkSupplier,
  o: Observation,
  rule: Settings['minMargin'],
  settings: Settings,
): Finding | null {
  const price = listing.price;
  const unitPrice = o.price;
  if (!price || !unitPrice) return null;
  const rate = unitPrice.currency === price.currency ? 1 : settings.fxRates[`${unitPrice.currency}->${price.currency}`];
  // No rate set for this pair: prices in different currencies are never compared (never guessed).
  if (rate === undefined) return null;
  const supplierCost = Math.round(toMinorOf(unitPrice, price.currency, rate) * s.unitsPerSale);
  const margin = price.amount - supplierCost;
  // Integer margins: margin < x  <=>  margin < ceil(x); the epsilon absorbs float noise (10000 * 0.7 / 100).
  const minMargin = rule.kind === 'amount' ? rule.minor : Math.ceil((price.amount * rule.percent) / 100 - 1e-9);
  // A negative margin is always lost: every rule's minimum is >= 0.
  if (margin >= minMargin) return null;
  const facts: Facts = { listingPrice: price.amount, supplierCost, margin, currency: price.currency, minMargin };
  facts.marginRule = rule.kind === 'amount' ? 'amount' : `${rule.percent}%`;
  facts.supplierPrice = unitPrice.amount;
  facts.supplierCurrency = unitPrice.currency;
  facts.unitsPerSale = s.unitsPerSale;
  if (rate !== 1) facts.fxRate = rate;
  return finding('margin-lost', s.offerKey, facts, o.evidence);
}

function staleness(s: LinkSupplier, o: Observation | undefined, freshnessHours: number, now: number): Finding | null {
  // A never-read offer has no age: `unreadable` ('never-read') says it.
  if (!o) return null;
  const ageMs = now - o.observedAt;
  // Older than the window is stale; exactly at the window is still fresh. A failed newest attempt means the
  // stock in use is the previous good reading, so it is stale whatever its age.
  if (!o.failure && ageMs <= freshnessHours * 3_600_000) return null;
  const facts: Facts = { observedAt: o.observedAt, ageMinutes: Math.floor(ageMs / 60_000), freshnessHours };
  facts.failed = o.failure !== undefined;
  facts.url = o.url;
  return finding('stale', s.offerKey, facts, o.evidence);
}

function unreadable(s: LinkSupplier, o: Observation | undefined): Finding | null {
  if (!o) return finding('unreadable', s.offerKey, { reason: 'never-read' }, []);
  if (o.failure) {
    const { reason, detail, at } = o.failure;
    return finding(
      'unreadable',
      s.offerKey,
      { reason, detail, failedAt: at, observedAt: o.observedAt, url: o.url },
      o.evidence,
    );
  }
  // The page was read but said nothing about this variant's stock: unknown is not zero, but it must be shown.
  if (o.presence === 'present' && o.stock.kind === 'unknown') {
    const facts: Facts = { reason: 'stock-unknown', detail: o.stock.reason, observedAt: o.observedAt, url: o.url };
    return finding('unreadable', s.offerKey, facts, o.evidence);
  }
  return null;
}

function restock(listing: Observation, s: LinkSupplier, o: Observation, fallback: boolean): Finding {
  const facts = supplierFacts(o, listingFacts(listing, { fallback }));
  return finding('restock', s.offerKey, facts, o.evidence);
}

function listingFacts(listing: Observation, facts: Facts): Facts {
  facts.listingStatus = listing.status ?? 'active';
  facts.listingStock = listing.stock.kind;
  const qty = countOf(listing.stock);
  if (qty !== undefined) facts.listingQty = qty;
  return facts;
}

function supplierFacts(o: Observation, facts: Facts): Facts {
  facts.supplierStock = o.stock.kind;
  const qty = countOf(o.stock);
  if (qty !== undefined) facts.supplyQty = qty;
  facts.presence = o.presence;
  facts.observedAt = o.observedAt;
  facts.url = o.url;
  return facts;
}

const countOf = (stock: Stock): number | undefined =>
  stock.kind === 'exact' || stock.kind === 'atLeast' ? stock.qty : undefined;

/**
 * Converts a price to minor units of another currency with a rate between major units ("CNY->USD": 0.14), honouring
 * each currency's ISO 4217 minor digits (JPY has none, USD two).
 */
function toMinorOf(money: Money, currency: string, rate: number): number {
  if (rate === 1 && money.currency === currency) return money.amount;
  return money.amount * rate * 10 ** (minorDigits(currency) - minorDigits(money.currency));
}

const digitsByCurrency = new Map<string, number>();
function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
