// Manage All Inventory, the React grid: one element per SKU carries data-sku; in it the title links to the
// storefront (/dp/<ASIN>), Janus boxes pair labels with values (ASIN, Parent SKU, "Available (FBM)",
// "Available (FBA)", Price) and a kat-label holds the status. A variation parent's row has a disclosure button
// ("3 variations") instead of stock; its children follow it, each naming its parent SKU.
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Fulfilment, Product, Stock, Variant } from '../../model';
import { countOf, isSku, moneyOf, type Pair, readStatus, shownValue } from './fields';

export const ROW = '[data-sku]';
export const TITLE_LINK = 'a[href*="/dp/"]';
const TOGGLE = 'button[aria-expanded][aria-controls]';

// Labels in en, de, fr, it, es, ja, zh; the channel words decide who ships.
const ASIN = /^asin$/i;
const PARENT = /parent|übergeordnet|padre|principal|親|父/i;
const AVAILABLE = /available|verfügbar|disponible|disponibil|在庫|有货|可售/i;
const BY_MERCHANT = /fbm|merchant|verkäufer|vendeur|venditore|vendedor|出品者|卖家/i;
const BY_CHANNEL = /fba|amazon|亚马逊/i;
const PRICE = /^(?:price|preis|prix|prezzo|precio|価格|价格)/i;

/** The labels a row is read by; the others (FNSKU, Condition, Inbound, Reserved, fees…) are skipped. */
export const WANTED = (label: string): boolean =>
  AVAILABLE.test(label) || PRICE.test(label) || ASIN.test(label) || (PARENT.test(label) && /sku/i.test(label));

export interface GridRow {
  sku: string;
  title: string;
  parentSku?: string;
  /** A variation parent's disclosure: whether its children are shown, and how many it says it has. */
  family?: { expanded: boolean; count: number | null };
  variant: Omit<Variant, 'key'>;
}

function stockOf(pairs: Pair[]): { stock: Stock; fulfilment?: Fulfilment; evidence: string[] } {
  let fulfilment: Fulfilment | undefined;
  for (const { label, value } of pairs) {
    if (!AVAILABLE.test(label)) continue;
    // The label says who ships even when its quantity is blank (an incomplete listing).
    fulfilment ??= BY_MERCHANT.test(label) ? 'merchant' : BY_CHANNEL.test(label) ? 'channel' : undefined;
    const qty = countOf(shownValue(value));
    if (qty !== null) return { stock: fromCount(qty), fulfilment, evidence: [`text:${cleanText(label)}`] };
  }
  const stock = unknownStock('Manage All Inventory shows no available quantity for this SKU');
  return { stock, fulfilment, evidence: [] };
}

/** One `[data-sku]` element; null when it carries no SKU. */
export function readRow(el: Element, pairsOf: (root: Element) => Pair[], currency: string | undefined): GridRow | null {
  const sku = cleanText(el.getAttribute('data-sku'));
  if (!isSku(sku)) return null;
  const link = el.querySelector(TITLE_LINK);
  const title = cleanText(link?.textContent) || sku;
  const pairs = pairsOf(el);
  const toggle = el.querySelector(TOGGLE);
  const family = toggle
    ? {
        expanded: toggle.getAttribute('aria-expanded') === 'true',
        count: countOf(/\d+/.exec(toggle.textContent ?? '')?.[0] ?? ''),
      }
    : undefined;
  const parent = pairs.find((p) => PARENT.test(p.label) && /sku/i.test(p.label));
  const parentSku = parent ? shownValue(parent.value) : '';
  if (parentSku && !isSku(parentSku)) return null;
  const asin = pairs.find((p) => ASIN.test(p.label));
  const priced = pairs.find((p) => PRICE.test(p.label));
  const price = priced ? moneyOf(priced.value, currency) : null;
  const { stock, fulfilment, evidence } = stockOf(pairs);
  const status = readStatus(el);
  const variant: Omit<Variant, 'key'> = {
    label: title.slice(0, 300),
    sku: sku.slice(0, 200),
    options: asin ? { ASIN: shownValue(asin.value).slice(0, 200) } : {},
    stock,
    ...(price ? { price } : {}),
    ...(status ? { status: status.status } : {}),
    ...(fulfilment ? { fulfilment } : {}),
    evidence: [...evidence, ...(status?.evidence ?? [])].slice(0, 8),
  };
  return {
    sku,
    title,
    ...(parentSku && parentSku !== sku ? { parentSku } : {}),
    ...(family ? { family } : {}),
    variant,
  };
}

/** Did the page read anything beyond the SKU ids? A grid whose rows show none of it has changed. */
export const showsListing = (row: GridRow): boolean =>
  row.variant.stock.kind !== 'unknown' || !!row.variant.status || !!row.variant.price || row.title !== row.sku;

interface Family {
  product: Product;
  parentRow?: GridRow;
}

/**
 * Products from rows, in page order: a SKU without a parent is a product of its own; children join their
 * parent's product. A family is complete only when its parent row is expanded and every child it counts is on
 * the page; otherwise it is partial, so children on other pages or behind a collapsed row are not "gone".
 */
export function groupRows(rows: GridRow[], productKey: (sku: string) => string): Product[] {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  const familyOf = (sku: string, title: string): Family => {
    let family = families.get(sku);
    if (!family) {
      family = { product: { key: productKey(sku), title: title.slice(0, 500), variants: [] } };
      families.set(sku, family);
    }
    return family;
  };
  for (const row of rows) {
    if (row.family) {
      const family = familyOf(row.sku, row.title);
      family.parentRow = row;
      family.product.title = row.title.slice(0, 500);
      continue;
    }
    const family = familyOf(row.parentSku ?? row.sku, row.title);
    const key = `${family.product.key}:${encodeURIComponent(row.sku)}`;
    // A virtualised grid can render a row twice while scrolling: one variant per SKU.
    if (family.product.variants.length >= 5000 || seen.has(key)) continue;
    seen.add(key);
    family.product.variants.push({ key, ...row.variant });
  }
  const products: Product[] = [];
  for (const [sku, { product, parentRow }] of families) {
    const children = product.variants.length;
    const isFamily = parentRow || children !== 1 || product.variants[0].sku !== sku;
    const complete = parentRow?.family?.expanded && parentRow.family.count === children;
    products.push(isFamily && !complete ? { ...product, partial: true } : product);
  }
  return products.slice(0, 5000);
}
