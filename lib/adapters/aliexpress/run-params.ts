// AliExpress inlines the item as `window.runParams = { data: {…} }`, a JS object literal, in one of two
// layouts: the older `*Module` one and the 2023 `*Component` one. Both normalise here to one shape.
import { findAssignedLiteral, getPath } from '../../extract/embedded-json';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** A SKU property ("Color" 14, "Ships From" 200007763) and its value ids with the names shoppers see. */
export interface SkuProperty {
  id: string;
  name: string;
  values: Map<string, string>;
}

export interface ItemData {
  /** `skuModule` or `priceComponent`: where the SKU list sits, for evidence paths. */
  priceModule: string;
  skus: unknown[];
  properties: SkuProperty[];
  /** The page-wide available quantity, for an item served without a SKU list. */
  total: { qty: unknown; path: string } | null;
  /** The shopper's currency, for amounts that do not name theirs. */
  currency: string | null;
}

// Per layout: SKU list module, property module, title, page-wide count, shopper currency.
const LAYOUTS = [
  'skuModule skuModule titleModule.subject quantityModule.totalAvailQuantity webEnv.currency',
  'priceComponent skuComponent productInfoComponent.subject inventoryComponent.totalAvailQuantity currencyComponent.currencyCode',
].map((row) => {
  const [priceModule, skuModule, title, total, currency] = row.split(' ');
  return { priceModule, skuModule, title, total, currency };
});

/** `data` of the first inline script that assigns a non-empty `runParams` (pages assign `{}` first). */
export function findRunParamsData(scripts: string[]): Json | null {
  for (const script of scripts) {
    // `includes` first: a regex over a page's other big scripts (DOM-owned strings) costs ~1 ms on a 2 MB page.
    const at = script.includes('runParams') ? script.search(NON_EMPTY_RUN_PARAMS) : -1;
    if (at < 0) continue;
    // runParams is a JS literal (`{ data: {…}, … }`) but its `data` is usually strict JSON: reading it
    // directly lets JSON.parse do the work, ~10x faster on a page's first (cold) read than the full parser.
    // Taken only when it is made of the page's modules (`titleModule`, `priceComponent`…), so a nested `data`
    // key can never stand in for it; a removed item has modules too, and takes this fast path as well.
    const direct = findAssignedLiteral(script.slice(at), 'data');
    if (isRecord(direct) && Object.keys(direct).some((k) => MODULE_KEY.test(k))) return direct;
    const data = getPath(findAssignedLiteral(script, 'runParams'), 'data');
    if (isRecord(data)) return data;
  }
  return null;
}

const MODULE_KEY = /(?:Module|Component)$/;

/** `runParams = {` not followed by `}`: the real assignment, not the `{}` placeholder written first. */
const NON_EMPTY_RUN_PARAMS = /runParams\s*=\s*\{(?!\s*\})/;

export function titleOf(data: Json | null): string | null {
  for (const layout of LAYOUTS) {
    const title = str(getPath(data, layout.title));
    if (title) return title;
  }
  return null;
}

/** The item's SKUs in whichever layout the page uses; null when neither is there (a redesign, a removed item). */
export function readItemData(data: Json): ItemData | null {
  for (const layout of LAYOUTS) {
    const skus = getPath(data, `${layout.priceModule}.skuPriceList`);
    const total = getPath(data, layout.total);
    const hasSkus = Array.isArray(skus) && skus.length > 0;
    if (!hasSkus && typeof total !== 'number' && typeof total !== 'string') continue;
    const list = getPath(data, `${layout.skuModule}.productSKUPropertyList`);
    return {
      priceModule: layout.priceModule,
      skus: hasSkus ? skus : [],
      properties: Array.isArray(list) ? list.flatMap(readProperty) : [],
      total: total === undefined ? null : { qty: total, path: layout.total },
      currency: str(getPath(data, layout.currency)),
    };
  }
  return null;
}

export function readProperty(p: unknown): SkuProperty[] {
  const id = isRecord(p) ? str(p.skuPropertyId) : null;
  if (!isRecord(p) || !id) return [];
  const values = new Map<string, string>();
  for (const v of Array.isArray(p.skuPropertyValues) ? p.skuPropertyValues : []) {
    if (!isRecord(v)) continue;
    const valueId = str(v.propertyValueId) ?? str(v.propertyValueIdLong);
    // The seller's display name ("Sky Blue") is what shoppers see; the standard name ("Blue") otherwise.
    const shown = str(v.propertyValueDisplayName) ?? str(v.propertyValueName) ?? str(v.propertyValueDefinitionName);
    if (valueId && shown) values.set(valueId, shown);
  }
  return [{ id, name: str(p.skuPropertyName) ?? id, values }];
}

/**
 * A SKU's [propertyId, valueId, custom name?] path in property order, from `skuAttr` ("14:193#Blue;5:361386")
 * or else `skuPropIds` ("193,361386": value ids alone, each owned by the property at its position or listing it).
 */
export function propertyPath(sku: Json, properties: SkuProperty[]): [string, string, string?][] {
  const rank = (pid: string) => properties.findIndex((p) => p.id === pid) >>> 0; // unknown (-1) sorts last
  const attr = str(sku.skuAttr);
  if (attr) {
    return attr
      .split(';')
      .flatMap((seg): [string, string, string?][] => {
        const m = /^\s*(\d+):(\d+)(?:#(.*))?$/.exec(seg);
        return m ? [[m[1], m[2], m[3]?.trim() || undefined]] : [];
      })
      .sort((a, b) => rank(a[0]) - rank(b[0]));
  }
  const ids = (str(sku.skuPropIds) ?? '').split(/[,;]/).map((s) => s.trim());
  return ids.flatMap((vid, i): [string, string][] => {
    if (!/^\d+$/.test(vid)) return [];
    const owner = properties[i]?.values.has(vid) ? properties[i] : properties.find((p) => p.values.has(vid));
    return [[owner?.id ?? properties[i]?.id ?? '0', vid]];
  });
}
