// Keeps the re-check queue equal to the set of linked supplier products, and moves a product's next check
// whenever it is read (a visit counts as much as a re-check), by the risk its reading shows.
import { adapterById } from '../adapters';
import { getMany, type LinkRow, type OversellDb, type RecheckRow } from '../db';
import { canSupply } from '../extract/stock';
import type { Observation, Product, Reading, Settings, Stock } from '../model';
import { isLow, jittered, type ProductRisk, recheckIntervalMs } from './schedule';

const hostOf = (url: string) => new URL(url).hostname;

/**
 * Adds a row for every linked supplier product that was read at least once (its URL is known), and drops
 * rows no link needs any more. A new row is due one interval after its product was last read.
 */
export async function syncRecheckQueue(
  db: OversellDb,
  settings: Settings,
  now: number,
  random: () => number,
): Promise<{ added: number; removed: number }> {
  return db.transaction('rw', [db.links, db.latest, db.recheck], async () => {
    const links = await db.links.toArray();
    const offerKeys = [...new Set(links.flatMap((l) => l.offerKeys))];
    const products = new Map<string, Observation>();
    for (const o of await getMany(db.latest, offerKeys)) {
      if (o?.role !== 'supplier' || !adapterById(o.adapterId)) continue;
      const known = products.get(o.productKey);
      if (!known || known.observedAt < o.observedAt) products.set(o.productKey, o);
    }
    const existing = new Map((await db.recheck.toArray()).map((r) => [r.productKey, r]));
    const base = settings.recheckEveryMinutes * 60_000;
    const puts: RecheckRow[] = [];
    for (const [productKey, o] of products) {
      const row = existing.get(productKey);
      if (row && row.url === o.url && row.adapterId === o.adapterId) continue;
      puts.push({
        ...row,
        productKey,
        url: o.url,
        adapterId: o.adapterId,
        host: hostOf(o.url),
        title: o.productTitle,
        dueAt: row?.dueAt ?? Math.max(now, o.observedAt + jittered(base, random)),
        verifiedAt: row?.verifiedAt ?? o.observedAt,
        verifiedVia: row?.verifiedVia ?? o.via,
      });
    }
    const gone = [...existing.keys()].filter((k) => !products.has(k));
    await db.recheck.bulkPut(puts);
    await db.recheck.bulkDelete(gone);
    return { added: puts.filter((r) => !existing.has(r.productKey)).length, removed: gone.length };
  });
}

/**
 * After a good supplier reading (a visit or a re-check): marks each linked product verified and due again
 * after its risk-based interval. Returns the product keys it updated.
 */
export async function noteSupplierReading(
  db: OversellDb,
  reading: Reading,
  settings: Settings,
  now: number,
  random: () => number,
): Promise<Set<string>> {
  const noted = new Set<string>();
  const page = reading.page;
  if (!page.ok || reading.role !== 'supplier') return noted;
  await db.transaction('rw', [db.recheck, db.links, db.latest, db.history], async () => {
    for (const product of page.products)
      if (await noteProduct(db, reading, product, settings, now, random)) noted.add(product.key);
  });
  return noted;
}

/** One product of a good reading: its row verified and due by risk. False when no link needs it. */
async function noteProduct(
  db: OversellDb,
  reading: Reading,
  product: Product,
  settings: Settings,
  now: number,
  random: () => number,
): Promise<boolean> {
  const keys = product.variants.map((v) => v.key);
  const known = await db.recheck.get(product.key);
  const links = keys.length ? await db.links.where('offerKeys').anyOf(keys).toArray() : [];
  // A removed product names no variants: its row (if any) still knows the links by key.
  if (links.length === 0 && !known) return false;
  const fingerprint = stockFingerprint(product);
  const changed = known?.fingerprint !== undefined && known.fingerprint !== fingerprint;
  const risk = await productRisk(db, product, links, settings, now, changed);
  const interval = jittered(recheckIntervalMs(risk, settings.recheckEveryMinutes), random);
  await db.recheck.put({
    ...known,
    productKey: product.key,
    url: reading.url,
    adapterId: reading.adapterId,
    host: hostOf(reading.url),
    title: product.title,
    dueAt: now + interval,
    verifiedAt: reading.observedAt,
    verifiedVia: reading.via,
    fingerprint,
    state: 'ok',
    detail: undefined,
    evidence: undefined,
    failures: 0,
  });
  return true;
}

/** The risk a product's reading shows for the listings linked to it (schedule.ts turns it into an interval). */
export async function productRisk(
  db: OversellDb,
  product: Product,
  links: readonly LinkRow[],
  settings: Settings,
  now: number,
  changed: boolean,
): Promise<ProductRisk> {
  const stockOf = new Map(product.variants.map((v) => [v.key, v.stock]));
  let low = false;
  let canSupplyAny = false;
  for (const link of links) {
    for (const s of link.suppliers) {
      const stock: Stock | undefined = stockOf.get(s.offerKey);
      if (!stockOf.has(s.offerKey) && !product.removed) continue; // another product's supplier of this link
      if (stock && isLow(stock, link.bufferUnits ?? settings.bufferUnits, s.unitsPerSale)) low = true;
      if (stock && canSupply(stock, s.unitsPerSale) !== false) canSupplyAny = true;
    }
  }
  const listings = (
    await getMany(
      db.latest,
      links.map((l) => l.listingKey),
    )
  ).filter((o) => o !== undefined);
  const sellable = listings.filter(canSell);
  // A product feeding many listings: a few of them are enough to see whether orders come in.
  const sample = sellable.slice(0, SELLING_SAMPLE);
  const selling = (await Promise.all(sample.map((o) => soldRecently(db, o.key, now)))).some(Boolean);
  return { low, selling, changed, dormant: !canSupplyAny && sellable.length === 0 };
}

/** Active (or with no status) and not provably at zero. */
const canSell = (o: Observation) =>
  (o.status === undefined || o.status === 'active') &&
  o.stock.kind !== 'outOfStock' &&
  !(o.stock.kind === 'exact' && o.stock.qty === 0);

const DAY_MS = 24 * 3600_000;
const SELLING_SAMPLE = 10;

/** Did the listing's quantity fall in the last day (an order came in)? History keeps every change. */
async function soldRecently(db: OversellDb, listingKey: string, now: number): Promise<boolean> {
  const rows = await db.history
    .where('[key+at]')
    .between([listingKey, now - DAY_MS], [listingKey, Number.MAX_SAFE_INTEGER])
    .toArray();
  const qty = rows.map((r) => (r.stock.kind === 'exact' ? r.stock.qty : null));
  return qty.some((q, i) => i > 0 && q !== null && qty[i - 1] !== null && q < (qty[i - 1] as number));
}

/** A short digest of what decides stock: each variant's key and stock, and whether the product is gone. */
export function stockFingerprint(product: Product): string {
  const parts = product.variants.map((v) => `${v.key}=${JSON.stringify(v.stock)}`).sort();
  const text = `${product.removed ? 'removed|' : ''}${parts.join('|')}`;
  // FNV-1a, 32 bits: a change detector for one product, not a security hash.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
