// What the structured-data readers (JSON-LD, microdata, OpenGraph) return, and the schema.org values they share.
import type { Money, Stock } from '../model';
import { moneyFromNumber, parseMoney } from './money';
import { inStock, outOfStock } from './stock';

export interface StructuredOffer {
  price?: Money;
  stock?: Stock;
  /** The raw availability value, for evidence: `https://schema.org/InStock`, `oos`. */
  availability?: string;
  sku?: string;
  name?: string;
  url?: string;
}

export interface StructuredProduct {
  source: 'json-ld' | 'microdata' | 'og';
  name?: string;
  sku?: string;
  productId?: string;
  /** GTIN-8/12/13/14 (schema.org `gtin` or its sized forms). */
  gtin?: string;
  offers: StructuredOffer[];
  /** ProductGroup `hasVariant`: each variant with its own offers. */
  variants: StructuredProduct[];
}

/** Last segment of a schema.org IRI or CURIE, lowercased: `https://schema.org/InStock` and `schema:InStock` -> `instock`. */
export function schemaName(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === '/' || value[end - 1] === ' ')) end--;
  const body = value.slice(0, end);
  const start = Math.max(body.lastIndexOf('/'), body.lastIndexOf(':'), body.lastIndexOf('#')) + 1;
  return body.slice(start).trim().toLowerCase();
}

const PRODUCT_TYPES = new Set(['product', 'productgroup', 'individualproduct', 'productmodel', 'someproducts']);

/** Is this schema.org type name (any prefix, any case) a product? */
export const isProductType = (type: string): boolean => PRODUCT_TYPES.has(schemaName(type));

// schema.org ItemAvailability plus the OpenGraph spellings ("oos", "available for order"). Pre-orders,
// back-orders and "available for order" cannot ship now, and in-store-only cannot be bought online: all out.
const IN_STOCK = new Set(['instock', 'onlineonly', 'limitedavailability', 'madetoorder']);
const OUT_OF_STOCK = new Set([
  'outofstock',
  'oos',
  'soldout',
  'discontinued',
  'preorder',
  'presale',
  'backorder',
  'availablefororder',
  'instoreonly',
  'reserved',
]);
const NOT_LETTERS = /[^a-z]/g;

/** schema.org availability (IRI, CURIE or bare name, any case, or `{"@id": …}`) to Stock; null when unknown. */
export function availabilityToStock(value: unknown): Stock | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const text = typeof raw === 'string' ? raw : (raw as { '@id'?: unknown } | null)?.['@id'];
  if (typeof text !== 'string' || text.length > 200) return null;
  const name = schemaName(text).replace(NOT_LETTERS, '');
  return IN_STOCK.has(name) ? inStock() : OUT_OF_STOCK.has(name) ? outOfStock() : null;
}

/** A structured price: a number or numeric string in `currency`, else price text ("$12.99", "12,99 €"). */
export function readPrice(raw: unknown, currency?: string): Money | null {
  if (typeof raw !== 'number' && typeof raw !== 'string') return null;
  const plain = currency ? moneyFromNumber(raw, currency) : null;
  return plain ?? (typeof raw === 'string' ? parseMoney(raw, currency) : null);
}

/** The same object without its undefined fields, so readings stay small and compare cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
