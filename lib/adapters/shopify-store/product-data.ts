// Where Shopify storefronts inline their product: the theme's full product JSON (`{{ product | json }}` in
// Debut-era `#ProductJson-*` or `[data-product-json]`), Dawn's variant array and selected variant, and the
// `ShopifyAnalytics.meta` that `content_for_header` puts on every Liquid storefront (ids, prices, titles, no stock).
import { findAssignedLiteral, getPath } from '../../extract/embedded-json';

export type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Shopify numeric id, also out of a GraphQL gid ("gid://shopify/Product/7012345678901"). */
export function shopifyId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  const m = typeof value === 'string' ? /^(?:gid:\/\/shopify\/\w+\/)?(\d{1,20})$/.exec(value.trim()) : null;
  return m ? m[1] : null;
}

/** One inlined list of variants and the evidence path its entries are named by. */
export interface VariantSource {
  path: string;
  variants: unknown[];
  /** A lone variant (Dawn 15's selected one): its evidence path has no index. */
  single?: boolean;
}

export interface ThemeData {
  /** The full product (id, title, options, variants with `available`), when the theme inlines it. */
  product: Json | null;
  /** Variant lists in authority order: the product's, Dawn's array, Dawn 15's selected variant, analytics. */
  sources: VariantSource[];
  /** `ShopifyAnalytics.meta`: `product.id` and `page.resourceId` name the product on any theme. */
  meta: Json | null;
  currency: string | null;
}

const PRODUCT_JSON = ['script[data-product-json]', 'script[id^="ProductJson-"]', 'script#product-json'];
// Dawn up to v14 inlines `product.variants | json` in its picker; v15 only the selected variant.
const VARIANTS_JSON = 'variant-selects script[type="application/json"], variant-radios script[type="application/json"]';
const SELECTED_VARIANT = 'script[type="application/json"][data-selected-variant]';
const CURRENCY = /^[A-Z]{3}$/;

function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function productJson(doc: Document, buyBox: ParentNode): { product: Json; path: string } | null {
  for (const selector of PRODUCT_JSON) {
    const el = buyBox.querySelector(selector) ?? doc.querySelector(selector);
    const product = parseJson(el?.textContent);
    if (el && isRecord(product) && Array.isArray(product.variants)) {
      return { product, path: el.id ? `#${el.id}` : selector };
    }
  }
  return null;
}

/** `var meta = {"product":{…},"page":{…}}` of the analytics script, and the currency it or `Shopify.currency` names. */
function analytics(scripts: string[]): { meta: Json | null; currency: string | null } {
  let meta: Json | null = null;
  let currency: string | null = null;
  for (const script of scripts) {
    if (!meta && script.includes('var meta') && script.includes('ShopifyAnalytics')) {
      const found = findAssignedLiteral(script, 'meta');
      if (isRecord(found)) meta = found;
    }
    // `Shopify.currency.active` is what the shopper pays in (Markets); analytics names the same code.
    for (const [name, path] of [
      ['Shopify.currency', 'active'],
      ['ShopifyAnalytics.meta.currency', ''],
    ]) {
      if (currency || !script.includes(name)) continue;
      const literal = findAssignedLiteral(script, name);
      const code = path ? getPath(literal, path) : literal;
      if (typeof code === 'string' && CURRENCY.test(code)) currency = code;
    }
  }
  return { meta, currency };
}

export function readThemeData(doc: Document, buyBox: ParentNode, scripts: string[]): ThemeData {
  const sources: VariantSource[] = [];
  const found = productJson(doc, buyBox);
  if (found) sources.push({ path: `${found.path}.variants`, variants: found.product.variants as unknown[] });
  const list = parseJson(buyBox.querySelector(VARIANTS_JSON)?.textContent);
  if (Array.isArray(list)) sources.push({ path: 'variant-selects.variants', variants: list });
  const selected = parseJson(buyBox.querySelector(SELECTED_VARIANT)?.textContent);
  if (isRecord(selected)) sources.push({ path: 'data-selected-variant', variants: [selected], single: true });
  const { meta, currency } = analytics(scripts);
  const metaVariants = getPath(meta, 'product.variants');
  if (Array.isArray(metaVariants))
    sources.push({ path: 'ShopifyAnalytics.meta.product.variants', variants: metaVariants });
  const ogCurrency = doc.querySelector('meta[property="og:price:currency"]')?.getAttribute('content')?.trim() ?? '';
  return {
    product: found?.product ?? null,
    sources,
    meta,
    currency: currency ?? (CURRENCY.test(ogCurrency) ? ogCurrency : null),
  };
}
