// 1688 inlines the offer in one of three layouts, normalised here to one shape: `window.__INIT_DATA`
// (2020 on, PC and m.1688.com), the 2024 `window.context` component tree (the same models under
// Root.fields.dataJson) and the older `iDetailData` (`sku.skuMap`, tiers as [amount, price] pairs).
import { findAssignedLiteral, getPath, parseJsLiteral } from '../../extract/embedded-json';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

export interface OfferData {
  /** Where the SKU map sits, for evidence paths: `globalData.skuModel.skuInfoMap`. */
  skuPath: string;
  /** Spec string ("红色&gt;XL") and its entry, in page order. */
  skus: [spec: string, entry: Json][];
  /** Property names in spec-string order: 颜色, 尺码. */
  props: string[];
  title: string | null;
  /** The price of the wholesale tier for the smallest order: the unit price when a SKU has none of its own. */
  tierPrice: unknown;
  /** The page-wide bookable count, for an offer sold without SKUs. */
  total: { qty: unknown; path: string } | null;
}

// The 2024 page calls `(function(b, d){…})(window.contextPath, {…})`: the literal after these words is the data.
const CONTEXT_ARGS = 'window.contextPath,';

const entries = (map: unknown): [string, Json][] =>
  isRecord(map) ? Object.entries(map).filter((e): e is [string, Json] => isRecord(e[1])) : [];

const propNames = (props: unknown): string[] =>
  Array.isArray(props) ? props.map((p, i) => (isRecord(p) && str(p.prop)) || `规格${i + 1}`) : [];

/** Tiers come as {beginAmount, price} objects or legacy [amount, price] pairs; the fewest units win. */
function firstTierPrice(list: unknown): unknown {
  let price: unknown;
  let fewest = Number.POSITIVE_INFINITY;
  for (const tier of Array.isArray(list) ? list : []) {
    const [begin, value] = Array.isArray(tier) ? tier : isRecord(tier) ? [tier.beginAmount, tier.price] : [];
    const amount = Number(begin ?? 1);
    if (value === undefined || !(amount < fewest)) continue;
    fewest = amount;
    price = value;
  }
  return price;
}

/** `globalData` of `window.__INIT_DATA`, or `Root.fields.dataJson` of the 2024 `window.context`. */
function findModels(scripts: string[]): { root: string; models: Json } | null {
  for (const script of scripts) {
    if (script.includes('__INIT_DATA')) {
      const global = getPath(findAssignedLiteral(script, '__INIT_DATA'), 'globalData');
      if (isRecord(global)) return { root: 'globalData', models: global };
    }
    const at = script.indexOf(CONTEXT_ARGS);
    if (at >= 0) {
      const dataJson = getPath(
        parseJsLiteral(script, at + CONTEXT_ARGS.length)?.value,
        'result.data.Root.fields.dataJson',
      );
      if (isRecord(dataJson)) return { root: 'Root.fields.dataJson', models: dataJson };
    }
  }
  return null;
}

function readModels(root: string, models: Json): OfferData | null {
  const skuModel = models.skuModel;
  // Without a skuModel the SKUs load later (m.1688.com for visitors): never guess a default from the total.
  if (!isRecord(skuModel)) return null;
  const mapName = isRecord(skuModel.skuInfoMap) ? 'skuInfoMap' : 'skuInfoMapOriginal';
  const order = `${root}.orderParamModel.orderParam`;
  const total = getPath(models, 'orderParamModel.orderParam.canBookedAmount');
  return {
    skuPath: `${root}.skuModel.${mapName}`,
    skus: entries(skuModel[mapName]),
    props: propNames(skuModel.skuProps),
    title: str(getPath(models, 'tempModel.offerTitle')),
    tierPrice: firstTierPrice(getPath(models, 'orderParamModel.orderParam.skuParam.skuRangePrices')),
    total: total === undefined ? null : { qty: total, path: `${order}.canBookedAmount` },
  };
}

function readLegacy(scripts: string[]): OfferData | null {
  for (const script of scripts) {
    const sku = script.includes('iDetailData') ? getPath(findAssignedLiteral(script, 'iDetailData'), 'sku') : null;
    if (!isRecord(sku)) continue;
    return {
      skuPath: 'iDetailData.sku.skuMap',
      skus: entries(sku.skuMap),
      props: propNames(sku.skuProps),
      title: null,
      tierPrice: firstTierPrice(Array.isArray(sku.priceRange) ? sku.priceRange : sku.priceRangeOriginal),
      total: sku.canBookCount === undefined ? null : { qty: sku.canBookCount, path: 'iDetailData.sku.canBookCount' },
    };
  }
  return null;
}

/** The offer in whichever layout the page uses; null when none is there (a redesign, a removed offer). */
export function readOfferData(scripts: string[]): OfferData | null {
  const found = findModels(scripts);
  return found ? readModels(found.root, found.models) : readLegacy(scripts);
}
