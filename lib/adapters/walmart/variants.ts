// One Variant per entry of Walmart's `variantsMap` (each with its own usItemId, availability and price),
// named by `variantCriteria` ("actual_color-black" -> Color: Black); one default variant without a map.
import { moneyFromNumber } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, inStock, outOfStock, unknownStock } from '../../extract/stock';
import type { Money, Stock, Variant } from '../../model';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** Walmart's availabilityStatus values; anything else is reported, never guessed. */
function stockOf(status: unknown): Stock {
  const said = text(status);
  if (said === 'IN_STOCK' || said === 'LIMITED_STOCK') return inStock();
  if (said === 'OUT_OF_STOCK') return outOfStock();
  return unknownStock(
    said
      ? `Walmart availability "${said.slice(0, 40)}" is not one Oversell Guard knows`
      : 'Walmart gave no availability',
  );
}

function priceOf(priceInfo: unknown): Money | undefined {
  const current = isRecord(priceInfo) && isRecord(priceInfo.currentPrice) ? priceInfo.currentPrice : null;
  const amount = current?.price;
  if (typeof amount !== 'number' && typeof amount !== 'string') return undefined;
  return moneyFromNumber(amount, text(current?.currencyUnit) ?? 'USD') ?? undefined;
}

/** Option id ("clothing_size-m") -> [criterion name, value name, criterion rank] from `variantCriteria`. */
function optionNames(criteria: unknown): Map<string, [string, string, number]> {
  const names = new Map<string, [string, string, number]>();
  (Array.isArray(criteria) ? criteria : []).forEach((criterion, rank) => {
    if (!isRecord(criterion)) return;
    const name = text(criterion.name) ?? text(criterion.id) ?? `Option ${rank + 1}`;
    for (const value of Array.isArray(criterion.variantList) ? criterion.variantList : []) {
      const id = isRecord(value) ? text(value.id) : null;
      if (id) names.set(id, [name.slice(0, 100), (text(value.name) ?? id).slice(0, 200), rank]);
    }
  });
  return names;
}

/**
 * Every variant of the product, keyed `<productKey>:<usItemId>`. `shown` are the visible signals of the
 * selected item (`product.usItemId`): a visible count or "out of stock" beside the embedded status.
 */
export function readWalmartVariants(product: Json, productKey: string, shown: StockSignal[]): Variant[] {
  const selected = text(product.usItemId);
  const decide = (usItemId: string | null, status: unknown, source: string) => {
    const embedded: StockSignal = { stock: stockOf(status), source };
    if (usItemId !== selected) return decideStock([embedded]);
    // A visible count refines "in stock"; an embedded "out of stock" is not overruled by a stale count.
    return decideStock(embedded.stock.kind === 'outOfStock' ? [embedded, ...shown] : [...shown, embedded]);
  };
  const map = isRecord(product.variantsMap) ? product.variantsMap : {};
  const names = optionNames(product.variantCriteria);
  const variants: Variant[] = [];
  for (const [mapKey, entry] of Object.entries(map).slice(0, 5000)) {
    const usItemId = isRecord(entry) ? (text(entry.usItemId) ?? (/^\d+$/.test(mapKey) ? mapKey : null)) : null;
    if (!isRecord(entry) || !usItemId) continue;
    const picked = (Array.isArray(entry.variants) ? entry.variants : [])
      .map((id) => names.get(text(id) ?? ''))
      .filter((name): name is [string, string, number] => !!name)
      .sort((a, b) => a[2] - b[2]);
    const options = Object.fromEntries(picked.map(([name, value]) => [name, value]));
    const price = priceOf(entry.priceInfo);
    variants.push({
      key: `${productKey}:${usItemId}`,
      label: (picked.map(([, value]) => value).join(' / ') || usItemId).slice(0, 300),
      sku: usItemId,
      options,
      ...decide(usItemId, entry.availabilityStatus, `embedded-json:product.variantsMap.${mapKey}.availabilityStatus`),
      ...(price && { price }),
    });
  }
  if (variants.length || Object.keys(map).length) return variants;
  // An item without variants: the product itself is the one purchasable item.
  const price = priceOf(product.priceInfo);
  const decided = decide(selected, product.availabilityStatus, 'embedded-json:product.availabilityStatus');
  const single = { key: `${productKey}:default`, label: 'Default', options: {}, ...decided, ...(price && { price }) };
  return [selected ? { ...single, sku: selected } : single];
}
