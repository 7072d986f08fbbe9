// Variants of a schema.org product: a ProductGroup's `hasVariant` products, else a Product's several offers,
// else the product itself as its one `default` item. Keyed by SKU (then productID, then GTIN); by offer
// position only when the page names none, which breaks if the site reorders its offers.
import type { StockSignal } from '../../extract/stock';
import { decideStock, unknownStock } from '../../extract/stock';
import type { StructuredOffer, StructuredProduct } from '../../extract/structured';
import type { Variant } from '../../model';

const MAX_VARIANTS = 5000;

interface Item {
  id?: string;
  name?: string;
  offer?: StructuredOffer;
}

/** "Trail Jacket - Red / M" under the group "Trail Jacket" is labelled "Red / M". */
function shortName(group: string | undefined, name: string | undefined): string | undefined {
  if (!name || !group || name === group || !name.startsWith(group)) return name;
  return name.slice(group.length).replace(/^[\s,:|/–—-]+/, '') || name;
}

function itemsOf(product: StructuredProduct): Item[] {
  if (product.variants.length) {
    return product.variants.map((v) => ({
      id: v.sku ?? v.productId ?? v.gtin ?? v.offers[0]?.sku,
      name: shortName(product.name, v.name),
      offer: v.offers[0],
    }));
  }
  if (product.offers.length > 1) return product.offers.map((offer) => ({ id: offer.sku, name: offer.name, offer }));
  return [{ offer: product.offers[0] }];
}

/**
 * One Variant per item. `pageSignals` (visible stock lines of the product area) only apply to a product with
 * one item: on a page with several, a stock line is about whichever variant is selected, which we cannot tell.
 */
export function readSchemaVariants(
  product: StructuredProduct,
  productKey: string,
  pageSignals: StockSignal[],
): Variant[] {
  const items = itemsOf(product).slice(0, MAX_VARIANTS);
  const single = items.length === 1;
  const seen = new Set<string>();
  return items.map((item, i) => {
    let id = single ? 'default' : (item.id ?? `offer-${i}`);
    if (seen.has(id)) id = `${id}#${i}`;
    seen.add(id);
    const signals: StockSignal[] = single ? [...pageSignals] : [];
    if (item.offer?.stock) signals.push({ stock: item.offer.stock, source: product.source });
    // A shown count refines a structured "in stock"; shown sold-out text beats it inside decideStock.
    signals.sort((a, b) => rank(a) - rank(b));
    const { stock, evidence } = signals.length
      ? decideStock(signals)
      : { stock: unknownStock('the page states no availability for this product'), evidence: [] };
    const sku = item.offer?.sku ?? (single ? product.sku : item.id);
    const price = item.offer?.price;
    return {
      key: `${productKey}:${id}`,
      label: (single ? 'Default' : (item.name ?? sku ?? `Offer ${i + 1}`)).slice(0, 300),
      ...(sku && { sku: sku.slice(0, 200) }),
      options: {},
      stock,
      ...(price && { price }),
      evidence,
    };
  });
}

/** Shown counts first, then structured data, then other shown text (sold-out text wins in decideStock anyway). */
function rank(signal: StockSignal): number {
  if (signal.visible && (signal.stock.kind === 'exact' || signal.stock.kind === 'atLeast')) return 0;
  return signal.visible ? 2 : 1;
}
