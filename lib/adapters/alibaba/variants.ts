// One Variant per Alibaba.com SKU: keyed by its skuId, stocked from what its warehouses hold (ready-to-ship
// listings), priced at its own price or else the ladder tier for the smallest order. Made-to-order listings
// show no stock at all: unknown, never in stock and never zero.
import { moneyFromNumber } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, unknownStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';
import type { ProductData } from './detail-data';
import { isRecord, str } from './detail-data';

type Json = Record<string, unknown>;
const MADE_TO_ORDER = 'made to order: no stock shown';
const NO_SKU_STOCK = 'Alibaba.com shows no stock for this SKU';

const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

const amount = (v: unknown, currency: string | null): Money | undefined => {
  const money = currency && (typeof v === 'number' || typeof v === 'string') ? moneyFromNumber(v, currency) : null;
  return money && money.amount > 0 ? money : undefined;
};

/** US dollars (`dollarPrice`) when the page gives them, else the local `price` in the shopper's currency. */
const priceOf = (source: Json | null, data: ProductData): Money | undefined =>
  source ? (amount(source.dollarPrice, 'USD') ?? amount(source.price, data.currency)) : undefined;

/** A SKU's stock: the sum over its warehouses, else a count on its skuInfoMap entry. */
function counted(data: ProductData, skuId: string | null, entry: Json, path: string): StockSignal[] {
  const stocked = skuId && data.inventory && Object.hasOwn(data.inventory, skuId) ? data.inventory[skuId] : null;
  const warehouses = isRecord(stocked) ? stocked.warehouseInventoryList : null;
  const counts = (Array.isArray(warehouses) ? warehouses : []).flatMap((w) => {
    const n = isRecord(w) ? count(w.inventoryCount) : null;
    return n === null ? [] : [n];
  });
  if (counts.length) {
    const source = `embedded-json:inventory.skuInventory.${skuId}.warehouseInventoryList`;
    return [{ stock: fromCount(counts.reduce((a, b) => a + b, 0)), source }];
  }
  const field = ['inventory', 'stock'].find((f) => count(entry[f]) !== null);
  return field ? [{ stock: fromCount(count(entry[field]) ?? 0), source: `embedded-json:${path}.${field}` }] : [];
}

/**
 * `pageSignals` (a visible sold-out notice) come first and `badge` (a visible "Ready to ship") last, so a
 * count decides over the badge and the notice over both.
 */
export function readVariants(
  data: ProductData,
  productKey: string,
  pageSignals: StockSignal[],
  badge: StockSignal | null,
): Variant[] {
  const decide = (signals: StockSignal[]) => {
    const all = [...pageSignals, ...signals, ...(badge ? [badge] : [])];
    if (all.length) return decideStock(all);
    return { stock: unknownStock(data.inventory ? NO_SKU_STOCK : MADE_TO_ORDER), evidence: [] };
  };
  const tierPrice = priceOf(data.firstTier, data);
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const [attrPath, entry] of data.skus) {
    const pairs = attrPath.split(';').flatMap((pair) => {
      const m = /^\s*(\d+):(\d+)\s*$/.exec(pair);
      return m ? [[m[1], m[2]] as const] : [];
    });
    const skuId = str(entry.id) ?? str(entry.skuId);
    // The attribute-value id path is a site id too: it stands in for a SKU the page gives no id.
    const key = `${productKey}:${skuId ?? pairs.map((p) => p.join(':')).join(';')}`;
    if ((!skuId && !pairs.length) || key.length > 300 || seen.has(key) || variants.length >= 5000) continue;
    seen.add(key);
    const options: Record<string, string> = {};
    for (const [attrId, valueId] of pairs) {
      const attr = data.attrs.find((a) => a.id === attrId);
      options[(attr?.name ?? attrId).slice(0, 100)] = (attr?.values.get(valueId) ?? valueId).slice(0, 200);
    }
    const path = `product.sku.skuInfoMap[${attrPath}]`;
    const price = priceOf(entry, data) ?? tierPrice;
    variants.push({
      key,
      label: (Object.values(options).join(' / ') || 'Default').slice(0, 300),
      options,
      ...decide(counted(data, skuId, entry, path)),
      ...(price && { price }),
    });
  }
  // A listing without SKUs is one purchasable item: its stock is the one inventory entry, if any.
  if (data.skus.length === 0) {
    const ids = data.inventory ? Object.keys(data.inventory) : [];
    const signals = ids.length === 1 ? counted(data, ids[0], {}, 'product') : [];
    variants.push({
      key: `${productKey}:default`,
      label: 'Default',
      options: {},
      ...decide(signals),
      ...(tierPrice && { price: tierPrice }),
    });
  }
  return variants;
}
