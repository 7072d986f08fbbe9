// Temu server-renders each goods page with its data in `window.rawData = {store: {…}}` (JSON). The goods
// sit at `store.goods` and the SKUs at `store.sku`; older and mobile pages put them at the top level or
// call the list `skuList`, so each of those places is tried, and the path found is kept for evidence.
import { findAssignedLiteral, getPath } from '../../extract/embedded-json';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A string id or a number that is still exact (Temu ids are 14-15 digits, below 2^53). */
export const idOf = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{1,20}$/.test(v.trim())
    ? v.trim()
    : Number.isSafeInteger(v) && (v as number) >= 0
      ? String(v)
      : null;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export interface GoodsData {
  goodsId: string | null;
  title: string | null;
  skus: unknown[];
  /** Where the SKU list was found, relative to rawData (`store.sku`), for evidence. */
  skuPath: string;
  /** The shopper's currency (`store.localInfo.currency`), for prices given as minor units. */
  currency: string | null;
}

/** The non-empty `rawData` literal of the first inline script that assigns one. */
export function findRawData(scripts: string[]): Json | null {
  for (const script of scripts) {
    const raw = script.includes('rawData') ? findAssignedLiteral(script, 'rawData') : null;
    if (isRecord(raw) && Object.keys(raw).length > 0) return raw;
  }
  return null;
}

// Where the goods and their SKU list live, most current layout first.
const ROOTS = ['store', ''];
const SKU_LISTS = ['sku', 'skuList', 'goods.skuList', 'goods.sku'];

/** The goods and SKU list in whichever layout the page uses; null when neither is there (a redesign). */
export function readGoodsData(raw: Json): GoodsData | null {
  for (const root of ROOTS) {
    const base = root ? getPath(raw, root) : raw;
    if (!isRecord(base)) continue;
    const goods = isRecord(base.goods) ? base.goods : null;
    for (const list of SKU_LISTS) {
      const skus = getPath(base, list);
      if (!Array.isArray(skus) || skus.length === 0) continue;
      return {
        goodsId: idOf(base.goodsId) ?? idOf(goods?.goodsId),
        title: text(goods?.goodsName) ?? text(goods?.goodsTitle),
        skus,
        skuPath: root ? `${root}.${list}` : list,
        currency: text(getPath(base, 'localInfo.currency'))?.toUpperCase() ?? null,
      };
    }
  }
  return null;
}
