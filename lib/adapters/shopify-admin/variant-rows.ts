// Products with options: the variants table, one row per variant, titled the way Shopify titles variants
// ("S / Black"), each with its price, available quantity and SKU.
import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { ListingStatus, Money, Stock, Variant } from '../../model';
import { NOT_TRACKED } from './admin-wording';
import { AVAILABLE, clip, firstOf, inputValue, moneyOf, PRICE, pageCurrency, quantityOf, SKU } from './fields';
import { optionNames } from './option-names';
import { GID_EVIDENCE, LINK_EVIDENCE, type VariantAnchor, variantRows } from './variant-anchors';

export interface ProductIds {
  shop: string;
  productId: string;
}

export const UNTRACKED = 'inventory not tracked: Shopify keeps selling';

function rowStock(row: Element, text: string): { stock: Stock; evidence: string[] } {
  const field = firstOf(row, AVAILABLE);
  const qty = field ? quantityOf(field.el) : null;
  if (field && qty !== null) return { stock: fromCount(qty), evidence: [`dom:${field.selector}`] };
  // Read-only rows (several locations, archived products) show the quantity as text.
  const untracked = NOT_TRACKED.exec(text);
  if (untracked) return { stock: unknownStock(UNTRACKED), evidence: [`text:${untracked[0]}`] };
  const said = readStockText(text);
  if (said) return { stock: said.stock, evidence: [`text:${clip(said.phrase, 200)}`] };
  return { stock: unknownStock('no available quantity shown for this variant'), evidence: [] };
}

/** The price field, or a price written as text in the row (with its currency: a bare number is no price). */
function rowPrice(doc: Document, row: Element, text: string, currency: string | undefined): Money | undefined {
  const field = firstOf(row, PRICE);
  if (field) return moneyOf(doc, field.el, currency) ?? undefined;
  return parseMoney(text) ?? undefined;
}

export function readVariantRows(
  doc: Document,
  ids: ProductIds,
  anchors: VariantAnchor[],
  scope: Element,
  status: { status: ListingStatus; evidence: string } | null,
): { variants: Variant[]; evidence: string } {
  const rows = variantRows(anchors);
  const evidence = anchors.some((a) => a.kind === 'link') ? LINK_EVIDENCE : GID_EVIDENCE;
  if (rows.length === 0) return { variants: [], evidence };
  const titles = rows.map((r) => (!r.title || r.title === 'Default Title' ? [] : r.title.split(' / ').map(cleanText)));
  const names = optionNames(scope, titles);
  const currency = pageCurrency(doc);
  const variants = rows.map((r, i): Variant => {
    // The row's text without its title, so a title like "Sold Out Edition" is not read as stock.
    const text = cleanText(r.row.textContent).replace(r.title, ' ');
    const { stock, evidence: stockEvidence } = rowStock(r.row, text);
    const price = rowPrice(doc, r.row, text, currency);
    const sku = firstOf(r.row, SKU);
    const skuText = sku ? inputValue(sku.el) : '';
    return {
      key: `shopify:${ids.shop}:${ids.productId}:${r.variantId}`,
      label: clip(r.title || `Variant ${r.variantId}`, 300),
      ...(skuText ? { sku: clip(skuText, 200) } : {}),
      options: Object.fromEntries(titles[i].map((value, n) => [clip(names[n], 100), clip(value, 200)])),
      stock,
      ...(price ? { price } : {}),
      ...(status ? { status: status.status } : {}),
      evidence: [...stockEvidence, ...(status ? [status.evidence] : [])],
    };
  });
  return { variants, evidence };
}
