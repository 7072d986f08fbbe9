// One Variant per CJ variant and warehouse. The shopper picks where an order ships from ("Ships From: US
// Warehouse"), each warehouse holds its own count and a seller may fulfil from one warehouse only, so a
// (variant, warehouse) pair is what a listing links to: key `<pid>:<vid>:<country code>`. A variant CJ lists
// without any warehouse keeps the bare `<pid>:<vid>` key.
import { moneyFromNumber } from '../../extract/money';
import { fromCount, unknownStock } from '../../extract/stock';
import type { Stock, Variant } from '../../model';
import type { CjProduct } from './product-data';
import { isRecord, text } from './product-data';

const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

// Per warehouse, the count CJ sells from, most direct first: CJ stock plus the factory's stock it can call on.
const COUNT_FIELDS = ['totalInventoryNum', 'totalInventory', 'storageNum'];

interface Warehouse {
  code: string;
  name: string;
  qty: number | null;
  evidence: string[];
}

/** A variant's warehouses by country code (CJ's "Ships From" is per country); two entries of one country add up. */
function warehousesOf(variant: Record<string, unknown>, path: string): Warehouse[] {
  const byCode = new Map<string, Warehouse>();
  const list = Array.isArray(variant.inventories) ? variant.inventories : [];
  list.slice(0, 50).forEach((entry, j) => {
    const code = isRecord(entry) ? text(entry.countryCode)?.toUpperCase() : null;
    if (!isRecord(entry) || !code || !/^[A-Z]{2}$/.test(code)) return;
    const field = COUNT_FIELDS.find((f) => count(entry[f]) !== null);
    const qty = field ? count(entry[field]) : null;
    const known = byCode.get(code);
    const evidence = field ? [`${path}.inventories[${j}].${field}`] : [];
    if (!known) {
      byCode.set(code, { code, name: text(entry.areaEn) ?? code, qty, evidence });
      return;
    }
    // One unknown part leaves the country's total unknown: never a partial sum shown as exact.
    known.qty = known.qty === null || qty === null ? null : known.qty + qty;
    known.evidence.push(...evidence);
  });
  return [...byCode.values()];
}

function optionsOf(variant: Record<string, unknown>, names: string[]): Record<string, string> {
  const key = text(variant.variantKey) ?? text(variant.variantKeyEn);
  if (!key) return {};
  const values = names.length > 1 ? key.split('-').map((v) => v.trim()) : [key];
  // A value with its own hyphen ("1-2 Years") breaks the split: keep the whole key rather than guess.
  if (names.length === 0 || values.length !== names.length) return { Variant: key.slice(0, 200) };
  return Object.fromEntries(names.map((name, i) => [name.slice(0, 100), values[i].slice(0, 200)]));
}

/** Why a warehouse without a count is unknown (a login prompt where the counts go), and what said so. */
export interface MissingCount {
  reason: string;
  evidence: string[];
}

/** `missing` is only asked when a count is missing: it looks at the page, which the usual page does not need. */
export function readVariants(product: CjProduct, productKey: string, missing: () => MissingCount): Variant[] {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  product.variants.forEach((variant, i) => {
    const vid = isRecord(variant) ? (text(variant.vid) ?? text(variant.variantId)) : null;
    // Long numbers or UUIDs: anything else is not an id a key can be built on.
    if (!isRecord(variant) || !vid || !/^[\w-]{1,64}$/.test(vid) || variants.length >= 5000) return;
    const path = `embedded-json:productDetailData.${product.variantsPath}[${i}]`;
    const options = optionsOf(variant, product.optionNames);
    const sku = text(variant.variantSku) ?? text(variant.sku);
    const price = moneyFromNumber(text(variant.variantSellPrice) ?? text(variant.sellPrice) ?? '', 'USD');
    const base = { ...(sku && { sku: sku.slice(0, 200) }), ...(price && { price }) };
    const stockOf = (qty: number | null, evidence: string[]): { stock: Stock; evidence: string[] } =>
      qty === null
        ? { stock: unknownStock(missing().reason), evidence: missing().evidence }
        : { stock: fromCount(qty), evidence };
    const warehouses = warehousesOf(variant, path);
    const rows = warehouses.length
      ? warehouses.map((w) => ({
          suffix: `:${w.code}`,
          options: { ...options, 'Ships From': w.name },
          ...stockOf(w.qty, w.evidence),
        }))
      : [{ suffix: '', options, ...stockOf(count(variant.inventoryNum), [`${path}.inventoryNum`]) }];
    for (const row of rows) {
      const key = `${productKey}:${vid}${row.suffix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const label = Object.values(row.options).join(' / ') || text(variant.variantNameEn) || 'Default';
      variants.push({
        key,
        label: label.slice(0, 300),
        ...base,
        options: row.options,
        stock: row.stock,
        evidence: row.evidence.slice(0, 8),
      });
    }
  });
  return variants;
}
