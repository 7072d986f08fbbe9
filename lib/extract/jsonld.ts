// schema.org products from <script type="application/ld+json">: Product, ProductGroup (with hasVariant),
// IndividualProduct, wherever they sit (@graph, arrays, WebPage.mainEntity). Bad JSON is skipped, never thrown.
import type { Stock } from '../model';
import { fromCount } from './stock';
import type { StructuredOffer, StructuredProduct } from './structured';
import { availabilityToStock, dropUndefined, isProductType, readPrice } from './structured';
import { cleanText } from './text';

// Hostile pages: bounded work however many blocks, however big the JSON, however long the arrays.
const MAX_BLOCKS = 50;
const MAX_BLOCK_CHARS = 2_000_000;
const MAX_OFFERS = 5000;
const MAX_NODES = 50_000;
const MAX_DEPTH = 12;

type JsonObject = Record<string, unknown>;
interface Budget {
  nodes: number;
  offers: number;
}

const asObject = (value: unknown): JsonObject | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);
const asText = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? cleanText(value.slice(0, 1000)) || undefined : undefined;
};

const isProduct = (node: JsonObject): boolean =>
  asList(node['@type']).some((type) => typeof type === 'string' && isProductType(type));

const isJsonLdType = (type: string | null): boolean =>
  (type ?? '').split(';')[0].trim().toLowerCase() === 'application/ld+json';

const COMMENT_WRAPPER = /^<!--|-->$/g;
const RAW_NEWLINES = /[\n\r\t]+/g;

/** JSON.parse, then once more without the HTML comment wrapper and raw newlines some sites leave in strings. */
function parseBlock(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.trim().replace(COMMENT_WRAPPER, '').replace(RAW_NEWLINES, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Every product in the page's JSON-LD, in document order. */
export function readJsonLdProducts(doc: Document): StructuredProduct[] {
  const products: StructuredProduct[] = [];
  const budget: Budget = { nodes: 0, offers: 0 };
  let blocks = 0;
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!isJsonLdType(script.getAttribute('type'))) continue;
    if (++blocks > MAX_BLOCKS) break;
    const text = script.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS) continue;
    collect(parseBlock(text), products, budget, 0);
  }
  return products;
}

function collect(value: unknown, out: StructuredProduct[], budget: Budget, depth: number): void {
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (budget.nodes > MAX_NODES) return;
      collect(item, out, budget, depth + 1);
    }
    return;
  }
  const node = value as JsonObject;
  if (isProduct(node)) {
    out.push(readProduct(node, budget, true));
    return;
  }
  // Not a product: look inside (@graph, mainEntity, itemListElement, …).
  for (const key in node) collect(node[key], out, budget, depth + 1);
}

function readProduct(node: JsonObject, budget: Budget, withVariants: boolean): StructuredProduct {
  const variants = withVariants
    ? asList(node.hasVariant)
        .slice(0, MAX_OFFERS)
        .map(asObject)
        .filter((variant): variant is JsonObject => variant !== null && isProduct(variant))
        .map((variant) => readProduct(variant, budget, false))
    : [];
  return dropUndefined({
    source: 'json-ld',
    name: asText(node.name),
    sku: asText(node.sku),
    productId: asText(node.productID ?? node.productGroupID),
    gtin: asText(node.gtin ?? node.gtin13 ?? node.gtin12 ?? node.gtin14 ?? node.gtin8),
    offers: readOffers(node.offers, undefined, budget, 0),
    variants,
  });
}

/** Offer, Offer[] or AggregateOffer (its inner `offers` when listed, else its lowPrice). */
function readOffers(value: unknown, currency: string | undefined, budget: Budget, depth: number): StructuredOffer[] {
  const offers: StructuredOffer[] = [];
  for (const item of asList(value)) {
    if (budget.offers >= MAX_OFFERS) break;
    const offer = asObject(item);
    if (!offer) continue;
    const ownCurrency = asText(offer.priceCurrency) ?? currency;
    const inner = depth < 2 && offer.offers ? readOffers(offer.offers, ownCurrency, budget, depth + 1) : [];
    if (inner.length > 0) {
      offers.push(...inner);
      continue;
    }
    budget.offers++;
    offers.push(readOffer(offer, ownCurrency));
  }
  return offers;
}

function readOffer(offer: JsonObject, currency: string | undefined): StructuredOffer {
  const specification = asList(offer.priceSpecification)
    .map(asObject)
    .find((spec) => spec?.price != null);
  const price = readPrice(
    offer.price ?? offer.lowPrice ?? specification?.price,
    currency ?? asText(specification?.priceCurrency),
  );
  const rawAvailability = asList(offer.availability)[0];
  const availability = asText(asObject(rawAvailability)?.['@id'] ?? rawAvailability);
  const stock = stockOf(availabilityToStock(availability), offer.inventoryLevel);
  return dropUndefined({
    price: price ?? undefined,
    stock: stock ?? undefined,
    availability,
    sku: asText(offer.sku),
    name: asText(offer.name),
    url: asText(offer.url),
  });
}

/** schema.org `inventoryLevel` (a number or QuantitativeValue) turns an availability flag into a count, unless it says out. */
function stockOf(fromAvailability: Stock | null, inventoryLevel: unknown): Stock | null {
  const level = asObject(inventoryLevel)?.value ?? inventoryLevel;
  const count = typeof level === 'string' && level.trim() !== '' ? Number(level) : level;
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return fromAvailability;
  return fromAvailability?.kind === 'outOfStock' ? fromAvailability : fromCount(count);
}
