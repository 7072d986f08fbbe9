// The captured mtop.aliexpress.pdp.pc.query response of the current item page (see capture.ts): every SKU
// in `SKU.skuPaths` with its own `skuStock`, named through `SKU.skuProperties`, priced from the PRICE maps.
import { getPath, readJsonScript } from '../../extract/embedded-json';
import { moneyFromNumber } from '../../extract/money';
import type { StockSignal } from '../../extract/stock';
import { fromCount, inStock, outOfStock } from '../../extract/stock';
import type { Money, Variant } from '../../model';
import { CAPTURE_SELECTOR } from './capture';
import { isRecord, propertyPath, readProperty } from './run-params';
import { count, decide, labelOf, optionsOf, variantKey } from './variants';

type Json = Record<string, unknown>;
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : Number.isSafeInteger(v) ? String(v) : null;
const ROOT = 'data.result';

export interface CapturedItem {
  title: string | null;
  variants: Variant[];
  /** Where the variants came from, for the reading's evidence. */
  source: string;
}

/** `{"$ref": "$.PRICE.targetSkuPriceInfo"}`: fastjson writes a repeated entry as a reference to the first. */
function deref(v: unknown, result: Json): unknown {
  const ref = isRecord(v) && typeof v.$ref === 'string' ? v.$ref : null;
  return ref?.startsWith('$.') ? getPath(result, ref.slice(2).replace(/^data\.result\./, '')) : v;
}

/** `salePrice {value, currency}`, else `salePriceLocal` ("67,39€|67|39": whole and fraction digits), else `originalPrice`. */
function priceOf(info: unknown, currency: string | null): Money | undefined {
  if (!isRecord(info)) return undefined;
  const named = (amount: unknown) => {
    const value = isRecord(amount) ? amount.value : undefined;
    const code = isRecord(amount) && typeof amount.currency === 'string' ? amount.currency : currency;
    return code && (typeof value === 'number' || typeof value === 'string') ? moneyFromNumber(value, code) : null;
  };
  const local = typeof info.salePriceLocal === 'string' ? info.salePriceLocal.split('|') : [];
  const [whole, fraction = ''] = local.slice(1);
  const localCurrency = (isRecord(info.originalPrice) ? str(info.originalPrice.currency) : null) ?? currency;
  const fromLocal =
    localCurrency && /^\d+$/.test(whole ?? '') && /^\d*$/.test(fraction)
      ? moneyFromNumber(`${whole}.${fraction}`, localCurrency)
      : null;
  return named(info.salePrice) ?? fromLocal ?? named(info.originalPrice) ?? undefined;
}

/**
 * Here, unlike the runParams layouts, the SKU's own `skuStock` decides either way (it is the stock figure
 * itself); `salable` speaks only when the count is missing. Both stay in the evidence.
 */
function skuSignals(entry: Json, path: string): StockSignal[] {
  const qty = count(entry.skuStock);
  const signals: StockSignal[] = qty === null ? [] : [{ stock: fromCount(qty), source: `${path}.skuStock` }];
  if (typeof entry.salable === 'boolean')
    signals.push({ stock: entry.salable ? inStock() : outOfStock(), source: `${path}.salable` });
  return signals;
}

/** The captured item, or null when there is no capture, it is another product's, or it holds no SKU data. */
export function readCapturedItem(
  doc: Document,
  productId: string,
  productKey: string,
  pageSignals: StockSignal[],
): CapturedItem | null {
  const result = getPath(readJsonScript(doc, CAPTURE_SELECTOR), ROOT);
  if (!isRecord(result)) return null;
  const global = getPath(result, 'GLOBAL_DATA.globalData');
  const capturedId = isRecord(global) ? str(global.productId) : null;
  if (capturedId && capturedId !== productId) return null; // a response about another item: never mix them
  const currency = isRecord(global) ? str(global.currencyCode) : null;
  const title = str(getPath(result, 'PRODUCT_TITLE.text')) ?? (isRecord(global) ? str(global.subject) : null);

  const list = getPath(result, 'SKU.skuProperties');
  const properties = Array.isArray(list) ? list.flatMap(readProperty) : [];
  const prices = getPath(result, 'PRICE.skuIdStrPriceInfoMap') ?? getPath(result, 'PRICE.skuPriceInfoMap');
  const raw = getPath(result, 'SKU.skuPaths');
  // An array in the responses seen; some serialisations key the entries instead.
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((e, i) => [`[${i}]`, e])
    : isRecord(raw)
      ? Object.entries(raw).map(([k, e]) => [`.${k}`, e])
      : [];

  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const [at, entry] of entries) {
    if (!isRecord(entry) || variants.length >= 5000) continue;
    const attr = (str(entry.path) ?? str(entry.skuAttr) ?? '').replace(/,/g, ';');
    const path = propertyPath({ skuAttr: attr }, properties);
    const key = variantKey(productKey, path);
    if (seen.has(key)) continue;
    seen.add(key);
    const options = optionsOf(path, properties);
    const sku = str(entry.skuIdStr) ?? str(entry.skuId);
    const price =
      sku && isRecord(prices) && Object.hasOwn(prices, sku) ? priceOf(deref(prices[sku], result), currency) : undefined;
    const signals = [...pageSignals, ...skuSignals(entry, `embedded-json:${ROOT}.SKU.skuPaths${at}`)];
    variants.push({
      key,
      label: labelOf(options),
      ...(sku && { sku }),
      options,
      ...decide(signals),
      ...(price && { price }),
    });
  }
  if (variants.length) return { title, variants, source: `embedded-json:${ROOT}.SKU.skuPaths` };

  // An item served without SKU paths: one default variant from the page-wide inventory.
  const total = count(getPath(result, 'QUANTITY_PC.totalAvailableInventory'));
  if (total === null) return null;
  const source = `embedded-json:${ROOT}.QUANTITY_PC.totalAvailableInventory`;
  const signals = [...pageSignals, { stock: fromCount(total), source }];
  const variant = { key: `${productKey}:default`, label: 'Default', options: {}, ...decide(signals) };
  return { title, variants: [variant], source };
}
