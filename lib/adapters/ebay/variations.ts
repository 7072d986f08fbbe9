// eBay multi-variation (MSKU) listings: every variation id with its own options, stock and price, from the
// model the item page inlines: `"MSKU": {selectMenus, menuItemMap, variationsMap, variationCombinations}`
// (2021+ layout) or the older `"itmVarModel": {menuItemMap, itemVariationsMap[id].traitValuesMap}`.
import { getPath, parseJsLiteral } from '../../extract/embedded-json';
import { moneyFromNumber, parseMoney } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, inStock, outOfStock, unknownStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
const count = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
};

export interface VariationModel {
  /** `MSKU` or `itmVarModel`: the name the page assigns it to, for evidence paths. */
  name: string;
  /** `variationsMap` or `itemVariationsMap`. */
  mapName: string;
  model: Json;
}

/** Widgets may repeat the key (`"MSKU":null` on a single item's modules): a few tries, never an unbounded walk. */
const MAX_KEYS_TRIED = 20;

/** The first inline model that carries a variation map; null for single-item listings (and redesigns). */
export function findVariationModel(scripts: string[]): VariationModel | null {
  for (const script of scripts) {
    // One indexOf per script (`variationsMap":` or `itemVariationsMap":`): single items stop here, and a regex
    // over a 1 MB widget script full of `@MSKU-…` ids cost ~2 ms a read.
    if (!script.includes('ariationsMap":')) continue;
    for (const name of ['MSKU', 'itmVarModel']) {
      const key = `"${name}":`;
      for (let at = script.indexOf(key), tried = 0; at >= 0 && tried < MAX_KEYS_TRIED; tried++) {
        const model = parseJsLiteral(script, at + key.length)?.value;
        const mapName = isRecord(model) && isRecord(model.variationsMap) ? 'variationsMap' : 'itemVariationsMap';
        if (isRecord(model) && isRecord(model[mapName])) return { name, mapName, model };
        at = script.indexOf(key, at + key.length);
      }
    }
  }
  return null;
}

interface Menus {
  /** Menu item id -> [menu label, value shown, menu position]. */
  items: Map<string, [string, string, number]>;
  /** Variation id -> its menu item ids. */
  itemsOf: Map<string, string[]>;
}

function readMenus(model: Json): Menus {
  const menuOf = new Map<string, [string, number]>();
  list(model.selectMenus ?? model.menuModels).forEach((menu, position) => {
    const label = isRecord(menu) ? (str(menu.displayLabel) ?? str(menu.displayName) ?? str(menu.name)) : null;
    for (const id of isRecord(menu) ? list(menu.menuItemValueIds) : []) menuOf.set(String(id), [label ?? '', position]);
  });
  const items = new Map<string, [string, string, number]>();
  const itemsOf = new Map<string, string[]>();
  const link = (variationId: string, itemId: string) => {
    const ids = itemsOf.get(variationId) ?? [];
    if (!ids.includes(itemId)) itemsOf.set(variationId, [...ids, itemId]);
  };
  for (const [itemId, item] of Object.entries(isRecord(model.menuItemMap) ? model.menuItemMap : {})) {
    if (!isRecord(item)) continue;
    const [label, position] = menuOf.get(itemId) ?? ['', 99];
    items.set(itemId, [label, str(item.displayName) ?? str(item.valueName) ?? itemId, position]);
    for (const variationId of list(item.matchingVariationIds)) link(String(variationId), itemId);
  }
  // "0_5" -> variation id: the menu item ids of each combination, in menu order.
  for (const [combo, variationId] of Object.entries(
    isRecord(model.variationCombinations) ? model.variationCombinations : {},
  )) {
    for (const itemId of combo.split('_')) link(String(variationId), itemId);
  }
  return { items, itemsOf };
}

/** Option name -> value: `traitValuesMap` ({Color: 0}) when the variation has one, else its menu items. */
function optionsOf(variation: Json, id: string, menus: Menus): Record<string, string> {
  const options: Record<string, string> = {};
  if (isRecord(variation.traitValuesMap)) {
    for (const [name, itemId] of Object.entries(variation.traitValuesMap)) {
      options[name.slice(0, 100)] = (menus.items.get(String(itemId))?.[1] ?? String(itemId)).slice(0, 200);
    }
    return options;
  }
  const ids = [...(menus.itemsOf.get(id) ?? [])].sort(
    (a, b) => (menus.items.get(a)?.[2] ?? 99) - (menus.items.get(b)?.[2] ?? 99),
  );
  for (const itemId of ids) {
    const [label, value] = menus.items.get(itemId) ?? ['', itemId];
    options[(label || `Option ${Object.keys(options).length + 1}`).slice(0, 100)] = value.slice(0, 200);
  }
  return options;
}

/** The listing's own price (`convertedFrom*` when eBay converted it for the shopper), else the one shown. */
function priceOf(variation: Json): Money | undefined {
  for (const amount of [getPath(variation, 'binModel.price.value'), variation.priceAmountValue]) {
    if (!isRecord(amount)) continue;
    const [value, currency] =
      amount.convertedFromValue != null
        ? [amount.convertedFromValue, amount.convertedFromCurrency]
        : [amount.value, amount.currency];
    const money =
      (typeof value === 'number' || typeof value === 'string') && typeof currency === 'string'
        ? moneyFromNumber(value, currency)
        : null;
    if (money) return money;
  }
  return (typeof variation.price === 'string' && parseMoney(variation.price)) || undefined;
}

/** An explicit out-of-stock flag beats any count; a count beats a bare in-stock flag. */
function signalsOf(variation: Json, path: string): StockSignal[] {
  const quantity = isRecord(variation.quantity) ? variation.quantity : {};
  const signals: StockSignal[] = [];
  if (variation.outOfStock === true) signals.push({ stock: outOfStock(), source: `${path}.outOfStock` });
  if (quantity.outOfStock === true) signals.push({ stock: outOfStock(), source: `${path}.quantity.outOfStock` });
  if (variation.inStock === false) signals.push({ stock: outOfStock(), source: `${path}.inStock` });
  const counted: [unknown, string][] = [
    [variation.quantityAvailable, 'quantityAvailable'],
    [quantity.quantityAvailable, 'quantity.quantityAvailable'],
    [variation.quantity, 'quantity'],
  ];
  const found = counted.find(([value]) => count(value) !== null);
  if (found) signals.push({ stock: fromCount(count(found[0]) ?? 0), source: `${path}.${found[1]}` });
  if (variation.inStock === true) signals.push({ stock: inStock(), source: `${path}.inStock` });
  return signals;
}

/**
 * One Variant per variation id. `extra` adds visible signals per variation id (the quantity line for the
 * variation the URL selects, "(Out of stock)" menu options); `pageSignals` apply to every variation.
 */
export function readVariations(
  found: VariationModel,
  productKey: string,
  pageSignals: StockSignal[],
  extra: (id: string, itemIds: string[]) => StockSignal[],
): Variant[] {
  const menus = readMenus(found.model);
  const map = found.model[found.mapName] as Json;
  const variants: Variant[] = [];
  for (const [id, variation] of Object.entries(map)) {
    if (!isRecord(variation) || !/^\d{1,20}$/.test(id) || variants.length >= 5000) continue;
    const options = optionsOf(variation, id, menus);
    const path = `embedded-json:${found.name}.${found.mapName}.${id}`;
    const itemIds = isRecord(variation.traitValuesMap)
      ? Object.values(variation.traitValuesMap).map(String)
      : (menus.itemsOf.get(id) ?? []);
    const signals = [...pageSignals, ...signalsOf(variation, path), ...extra(id, itemIds)];
    const decided = signals.length
      ? decideStock(signals)
      : { stock: unknownStock('eBay gave no quantity for this variation'), evidence: [] };
    const price = priceOf(variation);
    variants.push({
      key: `${productKey}:${id}`,
      label: (Object.values(options).join(' / ') || id).slice(0, 300),
      options,
      ...decided,
      ...(price && { price }),
    });
  }
  return variants;
}
