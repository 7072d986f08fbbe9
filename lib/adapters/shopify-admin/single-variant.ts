// Products without options: one default variant whose price and inventory fields sit on the product page itself.
import { fromCount, unknownStock } from '../../extract/stock';
import type { ListingStatus, Stock, Variant } from '../../model';
import {
  AVAILABLE,
  allOf,
  CONTINUE_SELLING,
  clip,
  DEFAULT_VARIANT,
  firstOf,
  inputValue,
  isChecked,
  moneyOf,
  PRICE,
  pageCurrency,
  quantityOf,
  SKU,
  TRACKED,
} from './fields';
import { GID_EVIDENCE, LINK_EVIDENCE, type VariantAnchor } from './variant-anchors';
import { type ProductIds, UNTRACKED } from './variant-rows';

/** The default variant's id: a field holding it (or its gid), or a link to or element named by the variant. */
export function defaultVariantId(doc: Document, anchors: VariantAnchor[]): { id: string; evidence: string } | null {
  const field = firstOf(doc, DEFAULT_VARIANT);
  const fromField = field && /(?:ProductVariant\/)?(?<!\d)(\d{1,20})$/.exec(inputValue(field.el))?.[1];
  if (field && fromField) return { id: fromField, evidence: `dom:${field.selector}` };
  const anchor = anchors[0];
  return anchor ? { id: anchor.variantId, evidence: anchor.kind === 'link' ? LINK_EVIDENCE : GID_EVIDENCE } : null;
}

function singleStock(doc: Document): { stock: Stock; evidence: string[] } | null {
  const tracked = firstOf(doc, TRACKED);
  if (tracked && !isChecked(tracked.el)) {
    return { stock: unknownStock(UNTRACKED), evidence: [`dom:${tracked.selector}:not(:checked)`] };
  }
  // One "available" field per location: the variant's quantity is their sum.
  const fields = allOf(doc, AVAILABLE);
  const counts = fields?.els.map(quantityOf).filter((n): n is number => n !== null) ?? [];
  if (!fields || counts.length === 0) return null;
  const qty = counts.reduce((a, b) => a + b, 0);
  const policy = firstOf(doc, CONTINUE_SELLING);
  if (policy && isChecked(policy.el)) {
    // Inventory policy CONTINUE: Shopify takes orders past zero, so the count does not limit sales.
    const stock = unknownStock(`continue selling when out of stock is on (${qty} available)`);
    return { stock, evidence: [`dom:${policy.selector}:checked`, `dom:${fields.selector}`] };
  }
  return { stock: fromCount(qty), evidence: [`dom:${fields.selector}`] };
}

/** The default variant, or null when the page shows neither its price nor its inventory. */
export function readSingleVariant(
  doc: Document,
  ids: ProductIds,
  variantId: string,
  status: { status: ListingStatus; evidence: string } | null,
): Variant | null {
  const decided = singleStock(doc);
  const priceField = firstOf(doc, PRICE);
  const price = priceField ? moneyOf(doc, priceField.el, pageCurrency(doc)) : null;
  if (!decided && !price && !firstOf(doc, TRACKED)) return null;
  const sku = firstOf(doc, SKU);
  const skuText = sku ? inputValue(sku.el) : '';
  return {
    key: `shopify:${ids.shop}:${ids.productId}:${variantId}`,
    label: 'Default Title',
    ...(skuText ? { sku: clip(skuText, 200) } : {}),
    options: {},
    stock: decided?.stock ?? unknownStock('no available quantity on the page'),
    ...(price ? { price } : {}),
    ...(status ? { status: status.status } : {}),
    evidence: [...(decided?.evidence ?? []), ...(status ? [status.evidence] : [])],
  };
}
