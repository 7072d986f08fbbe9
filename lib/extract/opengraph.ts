// The product a page declares in OpenGraph / Facebook product meta tags (og:title, product:price:amount,
// product:availability, product:retailer_item_id). Null when the page declares no product.
import type { StructuredOffer, StructuredProduct } from './structured';
import { availabilityToStock, dropUndefined, readPrice } from './structured';
import { cleanText } from './text';

const PRODUCT_OG_TYPE = /^(?:og:)?product\b/i;

/** The page's meta tags, `property` or `name` lowercased -> the first non-empty content. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[property], meta[name]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    const content = cleanText(meta.getAttribute('content'));
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

export function readOpenGraphProduct(doc: Document): StructuredProduct | null {
  const tags = metaTags(doc);
  const first = (...keys: string[]) => keys.map((key) => tags.get(key)).find((value) => value !== undefined);
  const amount = first('product:price:amount', 'og:price:amount');
  const availability = first('product:availability', 'og:availability');
  const sku = first('product:retailer_item_id');
  const isProduct = PRODUCT_OG_TYPE.test(tags.get('og:type') ?? '') || amount || availability || sku;
  if (!isProduct) return null;
  const price = amount ? readPrice(amount, first('product:price:currency', 'og:price:currency')) : null;
  const stock = availability ? availabilityToStock(availability) : null;
  const offer: StructuredOffer = dropUndefined({
    price: price ?? undefined,
    stock: stock ?? undefined,
    availability,
    sku,
    url: first('og:url'),
  });
  return dropUndefined<StructuredProduct>({
    source: 'og',
    name: first('og:title'),
    sku,
    productId: first('product:item_group_id'),
    offers: price || availability ? [offer] : [],
    variants: [],
  });
}
