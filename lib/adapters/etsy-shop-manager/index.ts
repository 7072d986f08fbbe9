// Etsy Shop Manager, the seller's own listings: the Listings grid (every card at once) and the listing editor.
// Both are client-rendered: until the cards or the form are on the page it reads as still loading, and the
// content script re-reads as the page renders. A signed-out visit shows Etsy's sign-in form in their place.
import type { PageRead, PageReadFailure, Product } from '../../model';
import { defineAdapter } from '../define';
import { readListingEditor, TITLE } from './editor';
import { firstOf } from './form-fields';
import { CARD_CLASS, readCard, readGridState } from './grid';
import { productKeyOf, type ShopManagerPage, shopManagerPage } from './urls';

// Etsy's sign-in page and overlay (join_neu), which a signed-out Shop Manager URL shows.
const SIGN_IN = '#join_neu_email_field, #join-neu-form, form[action*="/signin"]';
// Collage spinners, busy regions and skeleton placeholders while the app fetches its data.
const LOADING = '[aria-busy="true"], .wt-spinner, [data-clg-id="WtSpinner"], [class*="skeleton"]';
// The grid's own frame: its state filter, or the block grid it fills.
const GRID_FRAME = 'input[name="item_status"], ul.wt-block-grid';
const MAX_ROWS = 5000;

function unreadable(doc: Document, where: string, productKey?: string): PageReadFailure {
  const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure =>
    productKey ? { ok: false, reason, detail, productKey } : { ok: false, reason, detail };
  if (doc.querySelector(SIGN_IN)) return fail('login-wall', 'Sign in to Etsy to read your listings in Shop Manager');
  if (doc.querySelector(LOADING)) return fail('layout-changed', `Etsy Shop Manager is still loading the ${where}`);
  return fail(
    'layout-changed',
    `Could not find the ${where} on this Etsy Shop Manager page; its layout may have changed`,
  );
}

function readGrid(doc: Document, url: URL, page: Extract<ShopManagerPage, { kind: 'list' }>): PageRead {
  const cards = doc.getElementsByClassName(CARD_CLASS);
  const state = readGridState(doc, url, page);
  const products: Product[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    const product = readCard(card, state);
    if (!product || seen.has(product.key)) continue;
    seen.add(product.key);
    products.push(product);
    if (products.length === MAX_ROWS) break;
  }
  if (products.length > 0) {
    return { ok: true, products, evidence: [`dom:.${CARD_CLASS}`, ...(state ? [state.evidence] : [])] };
  }
  if (
    cards.length === 0 &&
    doc.querySelector(GRID_FRAME) &&
    !doc.querySelector(LOADING) &&
    !doc.querySelector(SIGN_IN)
  ) {
    return {
      ok: false,
      reason: 'not-a-product-page',
      detail: 'The listings page shows no listings (empty list or filter)',
    };
  }
  return unreadable(doc, 'listings grid');
}

export function readEtsyShopManager(doc: Document, url: URL): PageRead {
  const page = shopManagerPage(url);
  if (!page) return { ok: false, reason: 'not-a-product-page', detail: 'Not an Etsy Shop Manager listings page' };
  if (page.kind === 'list') return readGrid(doc, url, page);
  const title = firstOf(doc, TITLE);
  if (!title) return unreadable(doc, 'listing form', productKeyOf(page.listingId));
  return readListingEditor(doc, page.listingId, title.el, title.selector);
}

export default defineAdapter({
  id: 'etsy-shop-manager',
  name: 'Etsy Shop Manager',
  role: 'listing',
  // Keys name the channel and hold the listing id the Etsy v3 API takes: `etsy-listing:<listing_id>:…`.
  keyPrefix: 'etsy-listing',
  matches: [
    'https://www.etsy.com/your/shops/*/tools/listings*',
    'https://www.etsy.com/your/shops/*/listing-editor/edit/*',
  ],
  test: (url) => shopManagerPage(url) !== null,
  read: readEtsyShopManager,
});
