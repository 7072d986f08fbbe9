// One Variant per Temu SKU: keyed by its skuId, named by its specs ("Color: Black", "Size: M"), stocked
// from its own stockQuantity, priced at what the shopper pays.
import { parseMoney } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, outOfStock, unknownStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';
import type { GoodsData } from './raw-data';
import { idOf, isRecord } from './raw-data';

const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** `isOnSale: 0` / `false` is Temu's "this SKU cannot be bought" flag. */
const offSale = (v: unknown): boolean => v === 0 || v === false || v === '0';

/**
 * The price the shopper pays: `salePrice` / `normalPrice` are integer minor units in the page's currency
 * (145821 shows as "1 458.21₴", 426 as "426円"); `normalLinePrice` is the struck-through one and is skipped.
 * Without a currency, the shown string ("12,99 €") names its own.
 */
function priceOf(sku: Record<string, unknown>, currency: string | null): Money | undefined {
  for (const minor of [sku.salePrice, sku.normalPrice]) {
    if (currency && Number.isSafeInteger(minor) && (minor as number) >= 0) return { amount: minor as number, currency };
  }
  for (const shown of [sku.salePriceStr, sku.normalPriceStr]) {
    const money = typeof shown === 'string' ? parseMoney(shown, currency ?? undefined) : null;
    if (money) return money;
  }
  return undefined;
}

function skuSignals(sku: Record<string, unknown>, path: string): StockSignal[] {
  const field = sku.stockQuantity !== undefined ? 'stockQuantity' : 'stock';
  const qty = count(sku[field]);
  const counted: StockSignal[] = qty === null ? [] : [{ stock: fromCount(qty), source: `${path}.${field}` }];
  // An off-sale SKU cannot be bought whatever count it still carries.
  return offSale(sku.isOnSale) ? [{ stock: outOfStock(), source: `${path}.isOnSale` }, ...counted] : counted;
}

function optionsOf(specs: unknown): Record<string, string> {
  const options: Record<string, string> = {};
  for (const spec of Array.isArray(specs) ? specs : []) {
    if (!isRecord(spec) || typeof spec.specValue !== 'string') continue;
    const name = typeof spec.specKey === 'string' && spec.specKey.trim() ? spec.specKey.trim() : 'Option';
    options[name.slice(0, 100)] = spec.specValue.trim().slice(0, 200);
  }
  return options;
}

/**
 * `pageSignals` apply to every SKU (a visible "sold out" for the whole item); `onlySkuSignals` only when
 * the item has a single SKU (a visible "Only 2 left" speaks for the selected SKU, which is then the only one).
 */
export function readVariants(
  goods: GoodsData,
  productKey: string,
  pageSignals: StockSignal[],
  onlySkuSignals: StockSignal[],
): Variant[] {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  const single = goods.skus.length === 1;
  goods.skus.forEach((sku, i) => {
    const skuId = isRecord(sku) ? idOf(sku.skuId) : null;
    if (!isRecord(sku) || !skuId || seen.has(skuId) || variants.length >= 5000) return;
    seen.add(skuId);
    const options = optionsOf(sku.specs);
    const signals = [
      ...pageSignals,
      ...skuSignals(sku, `embedded-json:${goods.skuPath}[${i}]`),
      ...(single ? onlySkuSignals : []),
    ];
    const decided = signals.length
      ? decideStock(signals)
      : { stock: unknownStock('Temu gave no quantity for this SKU'), evidence: [] };
    const price = priceOf(sku, goods.currency);
    variants.push({
      key: `${productKey}:${skuId}`,
      label: (Object.values(options).join(' / ') || 'Default').slice(0, 300),
      sku: skuId,
      options,
      ...decided,
      ...(price && { price }),
    });
  });
  return variants;
}
