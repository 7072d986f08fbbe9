// CJ product pages inline the product as `window.productDetailData = {…}` (a JS literal: `undefined`
// and trailing commas occur). A removed product leaves `productDetailData = {}`. The variant list is
// `variants` (or `variantList` on older pages); each variant lists its stock per warehouse in `inventories`.
import { findAssignedLiteral } from '../../extract/embedded-json';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : Number.isSafeInteger(v) ? String(v) : null;

export interface CjProduct {
  pid: string | null;
  title: string | null;
  variants: unknown[];
  /** `variants` or `variantList`, for evidence paths. */
  variantsPath: string;
  /** Option names in variant-key order: `productKeyEn` "Color-Size" -> ["Color", "Size"]. */
  optionNames: string[];
}

/**
 * The `productDetailData` literal: the product, `{}` when the page assigns an empty one (a removed
 * product), or null when no script assigns it (a bot wall, a login page, a redesign).
 */
export function findProductData(scripts: string[]): Json | null {
  let empty: Json | null = null;
  for (const script of scripts) {
    const data = script.includes('productDetailData') ? findAssignedLiteral(script, 'productDetailData') : null;
    if (isRecord(data) && Object.keys(data).length > 0) return data;
    if (isRecord(data)) empty = data;
  }
  return empty;
}

export function readCjProduct(data: Json): CjProduct | null {
  const variantsPath = Array.isArray(data.variants) ? 'variants' : 'variantList';
  const variants = data[variantsPath];
  if (!Array.isArray(variants) || variants.length === 0) return null;
  const keys = text(data.productKeyEn) ?? text(data.variantKeyEn) ?? '';
  return {
    pid: text(data.id) ?? text(data.pid),
    title: text(data.nameEn) ?? text(data.productNameEn) ?? text(data.entryNameEn),
    variants,
    variantsPath,
    optionNames: keys ? keys.split('-').map((k) => k.trim()) : [],
  };
}
