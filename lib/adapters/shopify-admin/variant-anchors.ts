// Where the page names this product's variants: links to /products/<pid>/variants/<vid> (or its metafields
// page) and elements whose id holds the variant's GraphQL id (the admin ids its variant checkboxes by
// gid://shopify/ProductVariant/<vid>). A variant's row is then the largest element around its anchors that
// holds no other variant: a table row today, whatever container a later release uses.
import { cleanText } from '../../extract/text';

const GID_SELECTOR = '[id*="gid://shopify/ProductVariant/"]';
const GID = /gid:\/\/shopify\/ProductVariant\/(\d{1,20})(?!\d)/;
export const LINK_EVIDENCE = 'dom:a[href*="/variants/"]';
export const GID_EVIDENCE = `dom:${GID_SELECTOR}`;

export interface VariantAnchor {
  variantId: string;
  el: Element;
  /** A link's text, or the label inside an id-bearing element: the variant title ("S / Black"). */
  title: string;
  kind: 'link' | 'gid';
}

/** Every anchor of this product's variants, in page order. */
export function variantAnchors(doc: Document, productId: string): VariantAnchor[] {
  const href = new RegExp(`/products/${productId}/variants/(\\d{1,20})(?:[/?#]|$)`);
  const selector = `a[href*="/products/${productId}/variants/"], ${GID_SELECTOR}`;
  const anchors: VariantAnchor[] = [];
  for (const el of doc.querySelectorAll(selector)) {
    if (el.tagName === 'A') {
      const variantId = href.exec(el.getAttribute('href') ?? '')?.[1];
      if (variantId) anchors.push({ variantId, el, title: cleanText(el.textContent), kind: 'link' });
    } else {
      const variantId = GID.exec(el.getAttribute('id') ?? '')?.[1];
      const label = el.tagName === 'LABEL' ? el : el.querySelector('label');
      if (variantId) anchors.push({ variantId, el, title: cleanText(label?.textContent), kind: 'gid' });
    }
  }
  return anchors;
}

export interface VariantRow {
  variantId: string;
  row: Element;
  title: string;
}

/**
 * One row per variant, in page order. Every ancestor of an anchor is marked with its variant id, or with null
 * once it holds two variants; the row is the highest ancestor still marked with the variant alone. A single
 * variant has no row unless a table row holds it (a product page without options just links to it).
 */
export function variantRows(anchors: VariantAnchor[]): VariantRow[] {
  const owner = new Map<Element, string | null>();
  for (const { el, variantId } of anchors) {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const seen = owner.get(node);
      if (seen === undefined) owner.set(node, variantId);
      else if (seen === variantId || seen === null) break;
      else owner.set(node, null);
    }
  }
  const distinct = new Set(anchors.map((a) => a.variantId));
  const rows = new Map<string, VariantRow>();
  for (const { el, variantId, title } of anchors) {
    let row: Element | null = null;
    if (distinct.size > 1) {
      row = el;
      while (row.parentElement && owner.get(row.parentElement) === variantId) row = row.parentElement;
    } else {
      row = el.closest('tr, [role="row"]');
    }
    if (!row) continue;
    const seen = rows.get(variantId);
    if (!seen) rows.set(variantId, { variantId, row, title });
    else if (!seen.title) seen.title = title;
  }
  return [...rows.values()];
}
