// Alibaba.com inlines the product as `window.detailData = {globalData: {product, inventory, …}}`: the SKU matrix
// under product.sku (skuAttrs, and skuInfoMap keyed "attrId:valueId;…"), wholesale ladder prices with their
// minimum quantities, and, for ready-to-ship listings only, the stock per SKU and warehouse (inventory.skuInventory).
import { findAssignedLiteral, getPath } from '../../extract/embedded-json';
import { parseMoney } from '../../extract/money';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** A SKU attribute ("Color" 191288010) and its value ids with the names shoppers see. */
export interface SkuAttr {
  id: string;
  name: string;
  values: Map<string, string>;
}

export interface ProductData {
  title: string | null;
  attrs: SkuAttr[];
  /** skuInfoMap entries in page order: the attribute path ("191288010:216016296;") and its entry. */
  skus: [path: string, entry: Json][];
  /** skuId -> {warehouseInventoryList}: present on ready-to-ship listings, null on made-to-order ones. */
  inventory: Json | null;
  /** The ladder tier for the smallest order: it prices a unit when the SKU has no price of its own. */
  firstTier: Json | null;
  /** The shopper's currency (ISO code, from the symbol the page names: "US $", "€"), for local prices. */
  currency: string | null;
}

// The name the page assigns its data to has moved over the years; the first with a product wins.
const DATA_NAMES = ['detailData', '__page__data__', '__INIT_DATA__'];

/** `globalData` of the first inline script that assigns one with a product in it. */
export function findGlobalData(scripts: string[]): Json | null {
  for (const script of scripts) {
    for (const name of DATA_NAMES) {
      const global = script.includes(name) ? getPath(findAssignedLiteral(script, name), 'globalData') : null;
      if (isRecord(global) && isRecord(global.product)) return global;
    }
  }
  return null;
}

function readAttr(attr: unknown): SkuAttr[] {
  const id = isRecord(attr) ? str(attr.id) : null;
  if (!isRecord(attr) || !id) return [];
  const values = new Map<string, string>();
  for (const v of Array.isArray(attr.values) ? attr.values : []) {
    const valueId = isRecord(v) ? str(v.id) : null;
    const name = isRecord(v) ? str(v.name) : null;
    if (valueId && name) values.set(valueId, name);
  }
  return [{ id, name: str(attr.name) ?? id, values }];
}

/** Ladder tiers list their minimum order (`min`); the smallest one prices a single unit. */
function firstTier(product: Json): Json | null {
  const list = getPath(product, 'price.productLadderPrices');
  let found: Json | null = null;
  let fewest = Number.POSITIVE_INFINITY;
  for (const tier of Array.isArray(list) ? list : []) {
    const min = isRecord(tier) ? Number(tier.min ?? 1) : Number.NaN;
    if (!isRecord(tier) || !(min < fewest)) continue;
    fewest = min;
    found = tier;
  }
  return found;
}

export function readProductData(global: Json): ProductData {
  const product = global.product as Json;
  const map = getPath(product, 'sku.skuInfoMap');
  const inventory = getPath(global, 'inventory.skuInventory');
  const attrs = getPath(product, 'sku.skuAttrs');
  // The page names its currency by symbol only: the shared money reader turns "US $" or "€" into a code.
  const symbol = str(getPath(global, 'global.productPriceCurrencySimpleName'));
  return {
    title: str(product.subject),
    attrs: Array.isArray(attrs) ? attrs.flatMap(readAttr) : [],
    skus: isRecord(map) ? Object.entries(map).filter((e): e is [string, Json] => isRecord(e[1])) : [],
    inventory: isRecord(inventory) ? inventory : null,
    firstTier: firstTier(product),
    currency: symbol ? (parseMoney(`${symbol} 1`)?.currency ?? null) : null,
  };
}
