import { describe, expect, it } from 'vitest';
import { atLeast, exact, inStock, outOfStock, unknownStock } from './extract/stock';
import type { Assessment, Finding, Link, Money, Observation, Settings, Status, Stock } from './model';
import { DEFAULT_SETTINGS } from './model';
import { assessLink } from './reconcile';

const NOW = Date.UTC(2025, 5, 1, 12);
const HOUR = 3_600_000;
const P = 'aliexpress:1005001:14:193#Blue';
const F1 = 'aliexpress:1005002:14:193#Blue';
const F2 = 'temu:3003:77';
const LISTING = 'shopify:demo:800:900';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const jpy = (amount: number): Money => ({ amount, currency: 'JPY' });

function observation(role: Observation['role'], key: string, o: Partial<Observation>): Observation {
  return {
    key,
    productKey: key.split(':').slice(0, 2).join(':'),
    adapterId: key.split(':')[0],
    role,
    url: `https://example.com/${key}`,
    productTitle: 'Blue mug',
    label: 'Blue',
    options: { Color: 'Blue' },
    stock: exact(50),
    evidence: ['json-ld'],
    observedAt: NOW - HOUR,
    via: 'page',
    presence: 'present',
    ...o,
  };
}
/** A supplier variant: fresh, 50 in stock, $5.00 unless told otherwise. */
const supplier = (o: Partial<Observation> = {}) => observation('supplier', P, { price: usd(500), ...o });
/** Our listing: active, 5 shown, $20.00 unless told otherwise. */
const listing = (o: Partial<Observation> = {}) =>
  observation('listing', LISTING, { stock: exact(5), status: 'active', price: usd(2000), ...o });
const failed = (o: Partial<Observation> = {}) =>
  supplier({ failure: { reason: 'captcha', detail: 'AliExpress shows a captcha', at: NOW - 60_000 }, ...o });

/** One linked supplier variant: its offer key, priority, units per sale and newest observation (none = never read). */
interface Linked {
  key?: string;
  priority?: number;
  units?: number;
  obs?: Observation;
}
const on = (obs: Observation | undefined, more: Omit<Linked, 'obs'> = {}): Linked => ({ obs, ...more });

interface Row {
  title: string;
  /** null = the listing was never seen. */
  listing?: Observation | null;
  /** null = not linked. */
  linked: Linked[] | null;
  link?: Partial<Link>;
  settings?: Partial<Settings>;
  statuses: Status[];
  /** Checked against the first finding with this status. */
  check?: Partial<Finding> & { status: Status };
}

function run(row: Pick<Row, 'listing' | 'linked' | 'link' | 'settings'>, previous?: Assessment): Assessment {
  const offers: Record<string, Observation | undefined> = {};
  const suppliers = (row.linked ?? []).map((l, i) => {
    const offerKey = l.key ?? [P, F1, F2][i];
    if (l.obs) offers[offerKey] = { ...l.obs, key: offerKey };
    return { offerKey, priority: l.priority ?? i, unitsPerSale: l.units ?? 1 };
  });
  const link: Link | undefined = row.linked
    ? { listingKey: LISTING, suppliers, createdAt: NOW - 100 * HOUR, updatedAt: NOW - 100 * HOUR, ...row.link }
    : undefined;
  return assessLink({
    listing: row.listing === null ? undefined : (row.listing ?? listing()),
    listingKey: LISTING,
    link,
    offers,
    settings: { ...DEFAULT_SETTINGS, ...row.settings },
    now: NOW,
    previous,
  });
}

const sold = (o: Partial<Observation> = {}) => supplier({ stock: outOfStock(), evidence: ['text:Sold out'], ...o });
const n = (stock: Stock, o: Partial<Observation> = {}) => supplier({ stock, ...o });

const rows: Row[] = [
  // Stock, one supplier
  { title: 'supplier has 50, listing shows 5 -> ok', linked: [on(n(exact(50)))], statuses: [] },
  {
    title: 'supplier sold out, listing shows 5 -> oversell risk',
    linked: [on(sold())],
    statuses: ['oversell-risk'],
    check: {
      status: 'oversell-risk',
      offerKey: P,
      facts: { listingQty: 5, supplierStock: 'outOfStock', suppliers: 1 },
    },
  },
  {
    title: 'supplier count is 0 (exact), listing active -> oversell risk',
    linked: [on(n(exact(0)))],
    statuses: ['oversell-risk'],
  },
  {
    title: 'listing paused, supplier sold out -> ok',
    listing: listing({ status: 'inactive' }),
    linked: [on(sold())],
    statuses: [],
  },
  {
    title: 'listing in draft, supplier sold out -> ok',
    listing: listing({ status: 'draft' }),
    linked: [on(sold())],
    statuses: [],
  },
  {
    title: 'listing paused, supplier back with 10 -> restock',
    listing: listing({ status: 'inactive' }),
    linked: [on(n(exact(10)))],
    statuses: ['restock'],
    check: { status: 'restock', offerKey: P, facts: { listingStatus: 'inactive', supplyQty: 10, fallback: false } },
  },
  {
    title: 'listing active at 0, supplier in stock -> restock',
    listing: listing({ stock: exact(0) }),
    linked: [on(n(inStock()))],
    statuses: ['restock'],
    check: { status: 'restock', facts: { listingQty: 0, supplierStock: 'inStock' } },
  },
  {
    title: 'listing marked out_of_stock, supplier shows 10+ -> restock',
    listing: listing({ status: 'out_of_stock', stock: outOfStock() }),
    linked: [on(n(atLeast(10)))],
    statuses: ['restock'],
  },
  {
    title: 'listing paused, primary sold out, fallback has 8 -> restock from the fallback',
    listing: listing({ status: 'inactive' }),
    linked: [on(sold()), on(n(exact(8)))],
    statuses: ['restock'],
    check: { status: 'restock', offerKey: F1, facts: { fallback: true } },
  },
  {
    title: 'archived listing, supplier back -> nothing to suggest',
    listing: listing({ status: 'archived' }),
    linked: [on(n(exact(9)))],
    statuses: [],
  },
  {
    title: 'archived listing, supplier sold out -> ok',
    listing: listing({ status: 'archived' }),
    linked: [on(sold())],
    statuses: [],
  },
  {
    title: 'listing active with unknown quantity, supplier sold out -> oversell risk',
    listing: listing({ stock: unknownStock('quantity not shown') }),
    linked: [on(sold())],
    statuses: ['oversell-risk'],
    check: { status: 'oversell-risk', facts: { listingStock: 'unknown' } },
  },
  {
    title: 'listing without a status, shows 3, supplier sold out -> oversell risk',
    listing: listing({ status: undefined, stock: exact(3) }),
    linked: [on(sold())],
    statuses: ['oversell-risk'],
    check: { status: 'oversell-risk', facts: { listingStatus: 'active', listingQty: 3 } },
  },
  // Unknown is not zero
  {
    title: 'supplier stock unreadable on the page -> no oversell, unreadable',
    linked: [on(n(unknownStock('no stock on the page')))],
    statuses: ['unreadable'],
    check: { status: 'unreadable', facts: { reason: 'stock-unknown', detail: 'no stock on the page' } },
  },
  {
    title: 'supplier never read -> unreadable (never-read)',
    linked: [on(undefined)],
    statuses: ['unreadable'],
    check: { status: 'unreadable', offerKey: P, facts: { reason: 'never-read' }, evidence: [] },
  },
  {
    title: 'primary never read, fallback sold out -> no oversell, unreadable',
    linked: [on(undefined), on(sold())],
    statuses: ['unreadable'],
  },
  // Bundles and buffers
  {
    title: 'bundle of 2: supplier has 3, listing shows 2 -> qty above supply',
    listing: listing({ stock: exact(2) }),
    linked: [on(n(exact(3)), { units: 2 })],
    statuses: ['qty-above-supply'],
    check: {
      status: 'qty-above-supply',
      facts: { listingQty: 2, supplyQty: 3, coverable: 1, bufferUnits: 0, unitsPerSale: 2 },
    },
  },
  {
    title: 'bundle of 2: supplier has 4, listing shows 2 -> ok',
    listing: listing({ stock: exact(2) }),
    linked: [on(n(exact(4)), { units: 2 })],
    statuses: [],
  },
  {
    title: 'bundle of 3: supplier has 2 -> cannot make one sale -> oversell risk',
    linked: [on(n(exact(2)), { units: 3 })],
    statuses: ['oversell-risk'],
  },
  {
    title: 'bundle of 3: supplier has 9, listing shows 3 -> ok',
    listing: listing({ stock: exact(3) }),
    linked: [on(n(exact(9)), { units: 3 })],
    statuses: [],
  },
  {
    title: 'bundle of 3: supplier has 11, listing shows 4 -> qty above supply (covers 3)',
    listing: listing({ stock: exact(4) }),
    linked: [on(n(exact(11)), { units: 3 })],
    statuses: ['qty-above-supply'],
    check: { status: 'qty-above-supply', facts: { coverable: 3 } },
  },
  {
    title: 'buffer 5 from settings: supplier has 10, listing shows 6 -> qty above supply',
    listing: listing({ stock: exact(6) }),
    linked: [on(n(exact(10)))],
    settings: { bufferUnits: 5 },
    statuses: ['qty-above-supply'],
    check: { status: 'qty-above-supply', facts: { coverable: 5, bufferUnits: 5 } },
  },
  {
    title: 'per-link buffer 0 beats settings 5: supplier 10, listing 10 -> ok',
    listing: listing({ stock: exact(10) }),
    linked: [on(n(exact(10)))],
    link: { bufferUnits: 0 },
    settings: { bufferUnits: 5 },
    statuses: [],
  },
  {
    title: 'per-link buffer 8: supplier 10, listing 3 -> qty above supply (covers 2)',
    listing: listing({ stock: exact(3) }),
    linked: [on(n(exact(10)))],
    link: { bufferUnits: 8 },
    statuses: ['qty-above-supply'],
    check: { status: 'qty-above-supply', facts: { coverable: 2, bufferUnits: 8 } },
  },
  {
    title: 'buffer eats every unit: supplier 2, buffer 3, listing 1 -> qty above supply, not oversell',
    listing: listing({ stock: exact(1) }),
    linked: [on(n(exact(2)))],
    settings: { bufferUnits: 3 },
    statuses: ['qty-above-supply'],
    check: { status: 'qty-above-supply', facts: { coverable: 0, supplyQty: 2 } },
  },
  {
    title: 'supplier "10+", listing shows 50 -> ok (at least never proves short)',
    listing: listing({ stock: exact(50) }),
    linked: [on(n(atLeast(10)))],
    statuses: [],
  },
  {
    title: 'supplier "in stock", listing shows 500 -> ok',
    listing: listing({ stock: exact(500) }),
    linked: [on(n(inStock()))],
    statuses: [],
  },
  {
    title: 'bundle of 3: supplier "2+" -> unknown, not short -> ok',
    linked: [on(n(atLeast(2)), { units: 3 })],
    statuses: [],
  },
  {
    title: 'bundle of 2: supplier "in stock" -> unknown, not short -> ok',
    linked: [on(n(inStock()), { units: 2 })],
    statuses: [],
  },
  // Fallbacks and priorities
  {
    title: 'primary sold out, fallback has 5 -> fallback in use',
    listing: listing({ stock: exact(3) }),
    linked: [on(sold()), on(n(exact(5)))],
    statuses: ['fallback-in-use'],
    check: {
      status: 'fallback-in-use',
      offerKey: F1,
      evidence: ['text:Sold out'],
      facts: { fallbackOfferKey: F1, primaryOfferKey: P, supplyQty: 5 },
    },
  },
  {
    title: 'primary sold out, fallback has 2, listing shows 5 -> fallback in use + qty above supply',
    linked: [on(sold()), on(n(exact(2)))],
    statuses: ['fallback-in-use', 'qty-above-supply'],
    check: { status: 'qty-above-supply', offerKey: F1, facts: { supplyQty: 2, coverable: 2 } },
  },
  {
    title: 'primary variant gone, fallback in stock -> variant missing + fallback in use',
    linked: [on(supplier({ presence: 'missing' })), on(n(exact(40)))],
    statuses: ['variant-missing', 'fallback-in-use'],
    check: { status: 'variant-missing', offerKey: P, facts: { offerKey: P } },
  },
  {
    title: 'primary and both fallbacks sold out -> oversell risk',
    linked: [on(sold()), on(sold()), on(sold())],
    statuses: ['oversell-risk'],
  },
  {
    title: 'primary sold out, fallback 1 unknown, fallback 2 sold out -> no oversell, unreadable',
    linked: [on(sold()), on(n(unknownStock('hidden'))), on(sold())],
    statuses: ['unreadable'],
    check: { status: 'unreadable', offerKey: F1 },
  },
  {
    title: 'priority, not array order: priority-1 in stock listed first, priority-0 sold out -> fallback in use',
    linked: [on(n(exact(20)), { key: F1, priority: 1 }), on(sold(), { key: P, priority: 0 })],
    statuses: ['fallback-in-use'],
    check: { status: 'fallback-in-use', offerKey: F1, facts: { primaryOfferKey: P } },
  },
  {
    title: 'priority, not array order: priority-1 sold out listed first, priority-0 in stock -> ok',
    linked: [on(sold(), { key: F1, priority: 1 }), on(n(exact(20)), { key: P, priority: 0 })],
    statuses: [],
  },
  // Vanished variants and products
  {
    title: 'only supplier variant gone -> oversell risk + variant missing',
    linked: [on(supplier({ presence: 'missing' }))],
    statuses: ['oversell-risk', 'variant-missing'],
    check: { status: 'oversell-risk', facts: { presence: 'missing' } },
  },
  {
    title: 'fallback variant gone while primary fine -> variant missing on the fallback',
    linked: [on(n(exact(30))), on(supplier({ presence: 'missing' }))],
    statuses: ['variant-missing'],
    check: { status: 'variant-missing', offerKey: F1 },
  },
  {
    title: 'supplier product removed -> oversell risk, not variant missing',
    linked: [on(supplier({ presence: 'removed', evidence: ['text:This item is no longer available'] }))],
    statuses: ['oversell-risk'],
    check: {
      status: 'oversell-risk',
      evidence: ['text:This item is no longer available'],
      facts: { presence: 'removed' },
    },
  },
  {
    title: 'primary removed, fallback in stock -> fallback in use',
    linked: [on(supplier({ presence: 'removed' })), on(n(exact(30)))],
    statuses: ['fallback-in-use'],
    check: { status: 'fallback-in-use', facts: { primaryPresence: 'removed' } },
  },
  // Freshness and failures
  {
    title: 'supplier read 25 h ago -> stale',
    linked: [on(n(exact(50), { observedAt: NOW - 25 * HOUR }))],
    statuses: ['stale'],
    check: { status: 'stale', offerKey: P, facts: { ageMinutes: 25 * 60, freshnessHours: 24, failed: false } },
  },
  {
    title: 'supplier read exactly 24 h ago -> still fresh',
    linked: [on(n(exact(50), { observedAt: NOW - 24 * HOUR }))],
    statuses: [],
  },
  {
    title: 'supplier read 24 h + 1 ms ago -> stale',
    linked: [on(n(exact(50), { observedAt: NOW - 24 * HOUR - 1 }))],
    statuses: ['stale'],
  },
  {
    title: 'freshness window 1 h: supplier read 2 h ago -> stale',
    linked: [on(n(exact(50), { observedAt: NOW - 2 * HOUR }))],
    settings: { freshnessHours: 1 },
    statuses: ['stale'],
  },
  {
    title: 'primary sold out and old, fallback fresh in use -> fallback in use only (freshness of the one in use)',
    listing: listing({ stock: exact(3) }),
    linked: [on(sold({ observedAt: NOW - 48 * HOUR })), on(n(exact(9)))],
    statuses: ['fallback-in-use'],
  },
  {
    title: 'last read hit a captcha, previous stock 50 -> stale + unreadable',
    linked: [on(failed())],
    statuses: ['stale', 'unreadable'],
    check: {
      status: 'unreadable',
      facts: { reason: 'captcha', detail: 'AliExpress shows a captcha', failedAt: NOW - 60_000 },
    },
  },
  {
    title: 'last read failed, supplier was sold out before -> oversell risk still raised',
    linked: [on(failed({ stock: outOfStock() }))],
    statuses: ['oversell-risk', 'stale', 'unreadable'],
  },
  // Margins
  {
    title: 'listing $20.00, supplier $19.50, minimum $1.00 -> margin lost',
    linked: [on(n(exact(50), { price: usd(1950) }))],
    settings: { minMargin: { kind: 'amount', minor: 100 } },
    statuses: ['margin-lost'],
    check: {
      status: 'margin-lost',
      facts: { listingPrice: 2000, supplierCost: 1950, margin: 50, currency: 'USD', minMargin: 100 },
    },
  },
  {
    title: 'listing $20.00, supplier $10.00, minimum $1.00 -> ok',
    linked: [on(n(exact(50), { price: usd(1000) }))],
    settings: { minMargin: { kind: 'amount', minor: 100 } },
    statuses: [],
  },
  {
    title: 'supplier price rose above the listing price -> margin lost (negative)',
    linked: [on(n(exact(50), { price: usd(2500) }))],
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { margin: -500 } },
  },
  {
    title: 'minimum 20 %: $20.00 listing, $17.00 supplier -> margin lost',
    linked: [on(n(exact(50), { price: usd(1700) }))],
    settings: { minMargin: { kind: 'percent', percent: 20 } },
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { margin: 300, minMargin: 400, marginRule: '20%' } },
  },
  {
    title: 'minimum 20 %: $20.00 listing, $16.00 supplier -> exactly 20 % -> ok',
    linked: [on(n(exact(50), { price: usd(1600) }))],
    settings: { minMargin: { kind: 'percent', percent: 20 } },
    statuses: [],
  },
  {
    title: 'per-link minimum $10.00 beats settings $0: supplier $12.00 -> margin lost',
    linked: [on(n(exact(50), { price: usd(1200) }))],
    link: { minMargin: { kind: 'amount', minor: 1000 } },
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { minMargin: 1000, margin: 800 } },
  },
  {
    title: 'supplier in CNY, no rate set -> no margin check',
    linked: [on(n(exact(50), { price: cny(99_999) }))],
    statuses: [],
  },
  {
    title: 'supplier ¥140.00 CNY at 0.14 -> $19.60 cost, minimum $1.00 -> margin lost',
    linked: [on(n(exact(50), { price: cny(14_000) }))],
    settings: { fxRates: { 'CNY->USD': 0.14 }, minMargin: { kind: 'amount', minor: 100 } },
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { supplierCost: 1960, margin: 40, fxRate: 0.14, supplierCurrency: 'CNY' } },
  },
  {
    title: 'supplier ¥1000 JPY (no minor unit) at 0.0067 -> $6.70 cost, minimum $15.00 -> margin lost',
    linked: [on(n(exact(50), { price: jpy(1000) }))],
    settings: { fxRates: { 'JPY->USD': 0.0067 }, minMargin: { kind: 'amount', minor: 1500 } },
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { supplierCost: 670, margin: 1330 } },
  },
  {
    title: 'bundle of 2 at $9.00 each, listing $20.00, minimum $3.00 -> cost $18.00, margin lost',
    listing: listing({ stock: exact(2) }),
    linked: [on(n(exact(50), { price: usd(900) }), { units: 2 })],
    settings: { minMargin: { kind: 'amount', minor: 300 } },
    statuses: ['margin-lost'],
    check: { status: 'margin-lost', facts: { supplierCost: 1800, margin: 200, unitsPerSale: 2 } },
  },
  // Evidence, linking, unseen listings, ordering
  {
    title: 'page text says Sold out though JSON-LD says in stock -> oversell risk, text evidence first',
    linked: [on(supplier({ stock: outOfStock(), evidence: ['text:Sold out', 'json-ld'] }))],
    statuses: ['oversell-risk'],
    check: { status: 'oversell-risk', evidence: ['text:Sold out', 'json-ld'] },
  },
  {
    title: 'listing seen, linked to nothing -> unlinked',
    linked: null,
    statuses: ['unlinked'],
    check: { status: 'unlinked', facts: { listingQty: 5 } },
  },
  {
    title: 'listing never seen, supplier sold out -> nothing provable',
    listing: null,
    linked: [on(sold())],
    statuses: [],
  },
  {
    title: 'listing never seen, supplier never read -> unreadable',
    listing: null,
    linked: [on(undefined)],
    statuses: ['unreadable'],
  },
  {
    title: 'listing never seen, supplier variant gone, read 30 h ago -> variant missing + stale',
    listing: null,
    linked: [on(supplier({ presence: 'missing', observedAt: NOW - 30 * HOUR }))],
    statuses: ['variant-missing', 'stale'],
  },
  {
    title: 'critical before warning: primary gone, fallback failed while sold out -> oversell, missing, unreadable',
    linked: [on(supplier({ presence: 'missing' })), on(failed({ stock: outOfStock() }))],
    statuses: ['oversell-risk', 'variant-missing', 'unreadable'],
  },
  {
    title: 'critical before warning: fallback gone, primary old and dear -> missing, margin, stale',
    linked: [
      on(n(exact(50), { price: usd(2100), observedAt: NOW - 30 * HOUR })),
      on(supplier({ presence: 'missing' })),
    ],
    statuses: ['variant-missing', 'margin-lost', 'stale'],
  },
  {
    title: 'warning before info: paused listing, supplier back but read 2 days ago -> stale + restock',
    listing: listing({ status: 'inactive' }),
    linked: [on(n(exact(10), { observedAt: NOW - 48 * HOUR }))],
    statuses: ['stale', 'restock'],
  },
];

describe('assessLink', () => {
  it.each(rows)('$title', (row) => {
    const result = run(row);
    expect(result.findings.map((f) => f.status)).toEqual(row.statuses);
    expect(result.status).toBe(row.statuses[0] ?? 'ok');
    expect(result.findings.every((f, i, all) => i === 0 || sevRank(all[i - 1]) <= sevRank(f))).toBe(true);
    if (row.check) {
      const f = result.findings.find((x) => x.status === row.check?.status);
      expect(f).toMatchObject(row.check);
    }
  });

  it('has no findings and severity none when all is well', () => {
    const result = run({ linked: [on(n(exact(50)))] });
    expect(result).toEqual({
      listingKey: LISTING,
      status: 'ok',
      severity: 'none',
      findings: [],
      assessedAt: NOW,
      changedAt: NOW,
    });
  });

  it('takes severity from the worst finding', () => {
    expect(run({ linked: [on(sold())] }).severity).toBe('critical');
    expect(run({ linked: [on(undefined)] }).severity).toBe('warning');
    expect(run({ linked: null }).severity).toBe('info');
  });

  it('keeps changedAt while the status stays, and sets it to now when it changes', () => {
    const before: Assessment = {
      ...run({ linked: [on(sold())] }),
      assessedAt: NOW - 5 * HOUR,
      changedAt: NOW - 5 * HOUR,
    };
    expect(run({ linked: [on(sold())] }, before).changedAt).toBe(NOW - 5 * HOUR);
    expect(run({ linked: [on(n(exact(9)))] }, before).changedAt).toBe(NOW);
  });

  it('produces findings the model schema accepts (no undefined facts)', async () => {
    const { AssessmentSchema } = await import('./model');
    for (const row of rows) {
      const result = run(row);
      expect(AssessmentSchema.parse(result)).toEqual(result);
    }
  });
});

const RANK: Record<string, number> = { critical: 0, warning: 1, info: 2, none: 3 };
const sevRank = (f: Finding) => RANK[f.severity];
