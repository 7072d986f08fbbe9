// schema.org products in HTML microdata (itemscope/itemtype/itemprop): name, sku, productID, nested Offer
// or AggregateOffer scopes, ProductGroup hasVariant. Values follow the HTML microdata rules.
import type { StructuredOffer, StructuredProduct } from './structured';
import { availabilityToStock, dropUndefined, isProductType, readPrice } from './structured';
import { cleanText } from './text';

const MAX_PRODUCTS = 50;
const MAX_OFFERS = 5000;
const SCOPE = '[itemscope]';
const SPACES = /\s+/;

// Elements whose microdata value is an attribute, per the HTML spec; the rest give their text.
const VALUE_ATTRIBUTE: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  meta: 'content',
  time: 'datetime',
  data: 'value',
  meter: 'value',
  object: 'data',
};

const isScope = (el: Element): boolean => el.hasAttribute('itemscope');

/** Does this scope declare a product type ("https://schema.org/Product", any case, several types allowed)? */
const isProductScope = (el: Element): boolean =>
  isScope(el) && (el.getAttribute('itemtype') ?? '').split(SPACES).some((type) => type !== '' && isProductType(type));

/** The nearest enclosing scope, not counting the element itself. */
const parentScope = (el: Element): Element | null => el.parentElement?.closest(SCOPE) ?? null;

/** The scope's own properties by name (not those of scopes nested in it). */
function propertiesOf(scope: Element): Map<string, Element[]> {
  const properties = new Map<string, Element[]>();
  for (const el of Array.from(scope.querySelectorAll('[itemprop]'))) {
    if (parentScope(el) !== scope) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(SPACES)) {
      if (!name) continue;
      const named = properties.get(name);
      if (named) named.push(el);
      else properties.set(name, [el]);
    }
  }
  return properties;
}

/** A property's value: a `content` attribute (common on spans, though not in the spec), the element's value attribute, or its text. */
function propertyValue(el: Element): string | undefined {
  const attribute = VALUE_ATTRIBUTE[el.tagName.toLowerCase()];
  const value = el.getAttribute('content') ?? (attribute ? el.getAttribute(attribute) : null) ?? el.textContent;
  return cleanText(value) || undefined;
}

const firstValue = (properties: Map<string, Element[]>, ...names: string[]): string | undefined => {
  for (const name of names) {
    const el = properties.get(name)?.[0];
    if (el) return propertyValue(el);
  }
  return undefined;
};

/** Every top-level product scope (products nested in another product, like isRelatedTo, are left out). */
export function readMicrodataProducts(doc: Document): StructuredProduct[] {
  const products: StructuredProduct[] = [];
  for (const scope of Array.from(doc.querySelectorAll('[itemscope][itemtype]'))) {
    if (products.length >= MAX_PRODUCTS) break;
    if (isProductScope(scope) && !hasProductAncestor(scope)) products.push(readProduct(scope, true));
  }
  return products;
}

function hasProductAncestor(el: Element): boolean {
  for (let scope = parentScope(el); scope; scope = parentScope(scope)) if (isProductScope(scope)) return true;
  return false;
}

function readProduct(scope: Element, withVariants: boolean): StructuredProduct {
  const properties = propertiesOf(scope);
  const variants = withVariants
    ? (properties.get('hasVariant') ?? []).filter(isProductScope).map((variant) => readProduct(variant, false))
    : [];
  return dropUndefined({
    source: 'microdata',
    name: firstValue(properties, 'name'),
    sku: firstValue(properties, 'sku'),
    productId: firstValue(properties, 'productID', 'productGroupID'),
    gtin: firstValue(properties, 'gtin', 'gtin13', 'gtin12', 'gtin14', 'gtin8'),
    offers: readOffers(properties.get('offers') ?? [], undefined, 0).slice(0, MAX_OFFERS),
    variants,
  });
}

/** Offer scopes; an AggregateOffer gives its inner offers when it lists them, else its lowPrice. */
function readOffers(scopes: Element[], currency: string | undefined, depth: number): StructuredOffer[] {
  return scopes.filter(isScope).flatMap((scope) => {
    const properties = propertiesOf(scope);
    const ownCurrency = firstValue(properties, 'priceCurrency') ?? currency;
    const inner = depth < 2 ? readOffers(properties.get('offers') ?? [], ownCurrency, depth + 1) : [];
    return inner.length > 0 ? inner : [readOffer(properties, ownCurrency)];
  });
}

function readOffer(properties: Map<string, Element[]>, currency: string | undefined): StructuredOffer {
  const specification = properties.get('priceSpecification')?.find(isScope);
  const specProperties = specification ? propertiesOf(specification) : new Map<string, Element[]>();
  const price =
    readPrice(firstValue(properties, 'price', 'lowPrice'), currency) ??
    readPrice(firstValue(specProperties, 'price'), currency ?? firstValue(specProperties, 'priceCurrency'));
  const availability = firstValue(properties, 'availability');
  return dropUndefined({
    price: price ?? undefined,
    stock: availabilityToStock(availability) ?? undefined,
    availability,
    sku: firstValue(properties, 'sku'),
    name: firstValue(properties, 'name'),
    url: firstValue(properties, 'url'),
  });
}
