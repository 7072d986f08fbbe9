// One Variant per AliExpress SKU: keyed by its property-value id path (sellers rename values, not ids),
// stocked from its own count, priced at its sale amount.
import { moneyFromNumber } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, inStock, outOfStock, unknownStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';
import type { ItemData, SkuProperty } from './run-params';
import { isRecord, propertyPath } from './run-params';

export const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** The sale (activity) amount when there is one, else the regular amount, in the currency it names. */
function priceOf(skuVal: Record<string, unknown>, fallbackCurrency: string | null): Money | undefined {
  for (const amount of [skuVal.skuActivityAmount, skuVal.skuAmount]) {
    if (!isRecord(amount) || (typeof amount.value !== 'number' && typeof amount.value !== 'string')) continue;
    const currency = typeof amount.currency === 'string' ? amount.currency : fallbackCurrency;
    const money = currency && moneyFromNumber(amount.value, currency);
    if (money) return money;
  }
  return undefined;
}

/** `salable: false` (buy button disabled) beats any count; otherwise the SKU's own count beats `salable: true`. */
function skuSignals(sku: Record<string, unknown>, skuVal: Record<string, unknown>, path: string): StockSignal[] {
  const qty = count(skuVal.availQuantity);
  const counted: StockSignal[] =
    qty === null ? [] : [{ stock: fromCount(qty), source: `${path}.skuVal.availQuantity` }];
  if (sku.salable === false) return [{ stock: outOfStock(), source: `${path}.salable` }, ...counted];
  return sku.salable === true ? [...counted, { stock: inStock(), source: `${path}.salable` }] : counted;
}

export const decide = (signals: StockSignal[]) =>
  signals.length
    ? decideStock(signals)
    : { stock: unknownStock('AliExpress gave no quantity for this SKU'), evidence: [] };

/** The variant key for a property path; `:default` for an item without properties. */
export const variantKey = (productKey: string, path: [string, string, string?][]) =>
  `${productKey}:${path.map(([p, v]) => `${p}:${v}`).join(';') || 'default'}`;

/** Options named as the page names them ("Color", "Ships From"), valued by display name, custom name or id. */
export function optionsOf(path: [string, string, string?][], properties: SkuProperty[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [pid, vid, custom] of path) {
    const property = properties.find((p) => p.id === pid);
    options[(property?.name ?? pid).slice(0, 100)] = (property?.values.get(vid) ?? custom ?? vid).slice(0, 200);
  }
  return options;
}

export const labelOf = (options: Record<string, string>) =>
  (Object.values(options).join(' / ') || 'Default').slice(0, 300);

export function readVariants(item: ItemData, productKey: string, pageSignals: StockSignal[]): Variant[] {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  item.skus.forEach((sku, i) => {
    if (!isRecord(sku) || variants.length >= 5000) return;
    const skuVal = isRecord(sku.skuVal) ? sku.skuVal : {};
    const path = propertyPath(sku, item.properties);
    const key = variantKey(productKey, path);
    if (seen.has(key)) return;
    seen.add(key);
    const options = optionsOf(path, item.properties);
    const skuId =
      typeof sku.skuIdStr === 'string' ? sku.skuIdStr : Number.isSafeInteger(sku.skuId) ? String(sku.skuId) : '';
    const price = priceOf(skuVal, item.currency);
    variants.push({
      key,
      label: labelOf(options),
      ...(skuId && { sku: skuId }),
      options,
      ...decide([...pageSignals, ...skuSignals(sku, skuVal, `embedded-json:${item.priceModule}.skuPriceList[${i}]`)]),
      ...(price && { price }),
    });
  });
  // An item served without a SKU list: one default variant from the page-wide count.
  const total = count(item.total?.qty);
  if (variants.length === 0 && item.total && total !== null) {
    const signals = [...pageSignals, { stock: fromCount(total), source: `embedded-json:${item.total.path}` }];
    variants.push({ key: `${productKey}:default`, label: 'Default', options: {}, ...decide(signals) });
  }
  return variants;
}
