// Seller Hub listing pages (/sh/lst/active, ended, unsold, drafts, scheduled): one table, one tbody per listing,
// each listing a `tr.grid-row` whose data-id is its item number. A listing with variations says "3 variations"
// under its title; expanded, each variation is a row of its own whose title links to /itm/<item>?var=<id> and
// names its options ("Color: Black, Size: M").
import { cleanText } from '../../extract/text';
import type { ListingStatus, Product, Variant } from '../../model';
import { type Cells, cellsOf, readPrice, readQuantity, readSku, shownText } from './cells';

export const ROWS = 'tr.grid-row[data-id]';
const ITEM_LINK = /\/itm\/(?:[^/?#]+\/)?(\d{9,15})(?:[/?#]|$)/;
const VAR_PARAM = /[?&]var=\d+/;
const DRAFT_PARAM = /[?&]draftId=(\d{6,20})/;
const ID = /^\d{6,20}$/;
// The expander under a title: "3 variations", "3 Varianten", "3 variantes", "3 varianti", "3 variaciones".
const VARIATIONS = /^(\d+)\s*(?:variations?|varianten?|variantes?|varianti|variaciones)\b/i;
const OPTION_SEPARATOR = /\s*[,;|]\s*(?=[^,;|:]+:)/;

export interface RowContext {
  status: ListingStatus;
  statusEvidence: string;
  currency: string;
  drafts: boolean;
}

interface Listing {
  product: Product;
  cells: Cells;
  /** How many variations the row says the listing has, when it says so. */
  declared?: number;
  variationRows: { cells: Cells; label: string }[];
}

/** The title link: the first link with text that is not the variations expander. */
function titleLink(cell: Element): Element | undefined {
  for (const a of cell.querySelectorAll('a')) {
    const text = shownText(a);
    if (text && !VARIATIONS.test(text)) return a;
  }
  return undefined;
}

function declaredVariations(cell: Element, title: Element | undefined): number | undefined {
  for (const el of cell.querySelectorAll('a, button')) {
    const count = el !== title ? VARIATIONS.exec(cleanText(el.textContent))?.[1] : undefined;
    if (count) return Number(count);
  }
  return undefined;
}

function variant(cells: Cells, key: string, label: string, options: Record<string, string>, ctx: RowContext): Variant {
  const { stock, evidence } = readQuantity(cells);
  const sku = readSku(cells);
  const price = readPrice(cells, ctx.currency);
  // Active with nothing left: the out-of-stock option keeps it listed but hidden.
  const status = ctx.status === 'active' && stock.kind === 'outOfStock' ? 'out_of_stock' : ctx.status;
  return {
    key,
    label: label.slice(0, 300),
    ...(sku ? { sku } : {}),
    options,
    stock,
    ...(price ? { price } : {}),
    status,
    evidence: [evidence, ctx.statusEvidence],
  };
}

/** "Color: Black, Size: M" -> {Color: 'Black', Size: 'M'}; {} when the label is not name: value pairs. */
export function optionsOf(label: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const part of label.split(OPTION_SEPARATOR)) {
    const colon = part.indexOf(':');
    const name = part.slice(0, Math.max(colon, 0)).trim();
    const value = part.slice(colon + 1).trim();
    if (colon <= 0 || !name || !value) return {};
    options[name.slice(0, 100)] = value.slice(0, 200);
  }
  return options;
}

/** Variation keys: the variation SKU when every variation has a distinct one, else option values by option name. */
function variationVariants(listing: Listing, ctx: RowContext): Variant[] {
  const { product, variationRows } = listing;
  const skus = variationRows.map((v) => readSku(v.cells));
  const bySku = skus.every(Boolean) && new Set(skus).size === skus.length;
  const variants: Variant[] = [];
  variationRows.forEach(({ cells, label }, i) => {
    const options = optionsOf(label);
    const names = Object.keys(options).sort();
    const id = bySku ? skus[i] : names.map((name) => options[name]).join('|');
    const key = `${product.key}:${encodeURIComponent(id ?? '')}`;
    // A variation without a key that fits (none, or over the model's 300 characters) stays unshown, not gone.
    if (id && key.length <= 300) variants.push(variant(cells, key, label, options, ctx));
  });
  return variants;
}

function listingOf(
  row: Element,
  cells: Cells,
  link: Element | undefined,
  href: string,
  ctx: RowContext,
): Listing | null {
  const cell = cells.title;
  const dataId = row.getAttribute('data-id') ?? '';
  const id = ctx.drafts ? (DRAFT_PARAM.exec(href)?.[1] ?? dataId) : (ITEM_LINK.exec(href)?.[1] ?? dataId);
  if (!ID.test(id)) return null;
  const key = ctx.drafts ? `ebay-listing:draft-${id}` : `ebay-listing:${id}`;
  const title = (link ? shownText(link) : '') || `eBay listing ${id}`;
  const declared = cell ? declaredVariations(cell, link) : undefined;
  return { product: { key, title: title.slice(0, 500), variants: [] }, cells, declared, variationRows: [] };
}

/** One product per listing row, in page order, with the variation rows shown under it. */
export function readRows(rows: Iterable<Element>, ctx: RowContext): Product[] {
  const listings = new Map<string, Listing>();
  const variations: { cells: Cells; link: Element; href: string }[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    const cell = cells.title;
    const link = cell ? titleLink(cell) : undefined;
    const href = link?.getAttribute('href') ?? '';
    if (link && VAR_PARAM.test(href)) {
      variations.push({ cells, link, href });
      continue;
    }
    const listing = listingOf(row, cells, link, href, ctx);
    if (listing && !listings.has(listing.product.key) && listings.size < 5000) {
      listings.set(listing.product.key, listing);
    }
  }
  for (const { cells, link, href } of variations) {
    const parent = listings.get(`ebay-listing:${ITEM_LINK.exec(href)?.[1]}`);
    parent?.variationRows.push({ cells, label: shownText(link) });
  }
  return [...listings.values()].map((listing) => {
    const { product, declared, variationRows } = listing;
    if (variationRows.length) {
      product.variants = variationVariants(listing, ctx);
      // Variations not expanded (or not readable) are not gone, only not shown.
      if (product.variants.length < Math.max(declared ?? 0, variationRows.length)) product.partial = true;
    } else if (declared !== undefined) {
      product.partial = true;
    } else {
      product.variants = [variant(listing.cells, `${product.key}:default`, 'Default', {}, ctx)];
    }
    return product;
  });
}
