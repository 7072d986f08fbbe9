// Amazon Seller Central, the seller's own listings: Manage All Inventory (every row at once, one product per
// SKU or variation family) and the listing editor (one SKU). Keys name the channel and hold what the Listings
// API takes: `amazon-listing:<marketplace id>:<parent SKU, or the SKU>:<SKU>`, SKUs percent-encoded. A SKU
// without a parent is keyed `…:<SKU>:<SKU>` on both pages.
//   https://sellercentral.amazon.<tld>/myinventory/inventory?…   (and /inventory, where Amazon still serves it)
//   https://sellercentral.amazon.<tld>/abis/listing/edit?marketplaceID=…&sku=…&asin=…
import type { PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { readEditPage, SKU_FIELD } from './edit-page';
import { pairReader } from './fields';
import { type GridRow, groupRows, ROW, readRow, showsListing, TITLE_LINK, WANTED } from './grid';
import { type Marketplace, readMarketplace, SELLER_CENTRAL_HOSTS } from './marketplace';

type PageKind = 'grid' | 'edit';
const GRID_PATH = /^\/(?:myinventory\/)?inventory(?:\/|$)/;
const EDIT_PATH = /^\/(?:abis\/)?listing\/edit(?:\/|$)/;
const SIGN_IN_PATH = /^\/ap\/signin(?:\/|$)/;

const kindOfPath = (path: string): PageKind | null =>
  GRID_PATH.test(path) ? 'grid' : EDIT_PATH.test(path) ? 'edit' : null;

/** The page a URL shows, or the one a sign-in page will return to. */
export function pageKind(url: URL): PageKind | null {
  if (!SIGN_IN_PATH.test(url.pathname)) return kindOfPath(url.pathname);
  try {
    return kindOfPath(new URL(url.searchParams.get('openid.return_to') ?? '', url.origin).pathname);
  } catch {
    return null;
  }
}

const SIGN_IN = 'form[name="signIn"], #ap_email, #ap_login_form';
const CAPTCHA = 'form[action*="validateCaptcha"], #auth-captcha-image';
const LOADING = 'kat-spinner, [aria-busy="true"], [class*="Skeleton"], [class*="skeleton"]';
const GRID = '[class*="JanusTable-module__table"], kat-pagination';

const SIGN_IN_DETAIL = 'Sign in to Amazon Seller Central to read your listings';
const fail = (reason: PageReadFailure['reason'], detail: string): PageReadFailure => ({ ok: false, reason, detail });
const keyOf = (market: Marketplace, sku: string) => `amazon-listing:${market.id}:${encodeURIComponent(sku)}`;
const NO_MARKETPLACE = fail(
  'layout-changed',
  'Could not tell which Amazon marketplace this Seller Central page shows: pick one in the marketplace switcher',
);

function readGrid(doc: Document, url: URL): PageRead {
  const elements = doc.querySelectorAll(ROW);
  if (elements.length === 0) {
    const wall = readWall(doc, url);
    if (wall) return wall;
    if (doc.querySelector(LOADING)) return fail('layout-changed', 'Manage All Inventory is still loading its rows');
    if (doc.querySelector(GRID)) {
      return fail('not-a-product-page', 'The listings page shows no listings (empty list or filter)');
    }
    return fail('layout-changed', 'No inventory rows where Manage All Inventory shows them: the page layout changed');
  }
  const market = readMarketplace(doc, url, elements[0].querySelector(TITLE_LINK)?.getAttribute('href') ?? null);
  if (!market) return NO_MARKETPLACE;
  const pairsOf = pairReader(doc, WANTED);
  const rows: GridRow[] = [];
  for (const el of elements) {
    const row = readRow(el, pairsOf, market.currency);
    if (row) rows.push(row);
  }
  if (!rows.some(showsListing)) {
    return fail('layout-changed', 'Manage All Inventory rows show no status, quantity or price: the layout changed');
  }
  return {
    ok: true,
    products: groupRows(rows, (sku) => keyOf(market, sku)),
    evidence: [`dom:${ROW}`, market.evidence],
  };
}

function readEdit(doc: Document, url: URL): PageRead {
  const market = readMarketplace(doc, url, null);
  if (!market) return NO_MARKETPLACE;
  const edited = readEditPage(doc, url, market.currency);
  if (typeof edited === 'string') {
    // No productKey: the URL's SKU may be a variation child, whose product is its parent's.
    const detail = doc.querySelector(LOADING)
      ? 'The Seller Central listing editor is still loading'
      : `Could not read the listing: ${edited}; the editor layout may have changed`;
    return readWall(doc, url) ?? fail('layout-changed', detail);
  }
  const key = keyOf(market, edited.parentSku ?? edited.sku);
  const variant = { key: `${key}:${encodeURIComponent(edited.sku)}`, ...edited.variant };
  // A child's own editor shows one SKU of the family: its siblings are not gone.
  const partial = edited.parentSku ? { partial: true } : {};
  return {
    ok: true,
    products: [{ key, title: edited.title.slice(0, 500), variants: [variant], ...partial }],
    evidence: [`dom:${SKU_FIELD}`, market.evidence],
  };
}

/** A captcha or the sign-in form, looked for only where the page shows no listing (they hold none). */
function readWall(doc: Document, url: URL): PageReadFailure | null {
  if (doc.querySelector(CAPTCHA)) {
    return fail('captcha', 'Amazon Seller Central is showing a captcha: open the page and solve it');
  }
  if (doc.querySelector(SIGN_IN) || SIGN_IN_PATH.test(url.pathname)) {
    return fail('login-wall', SIGN_IN_DETAIL);
  }
  return null;
}

function readSellerCentral(doc: Document, url: URL): PageRead {
  const kind = pageKind(url);
  if (!kind) return fail('not-a-product-page', 'Not a Seller Central inventory or listing page');
  if (SIGN_IN_PATH.test(url.pathname)) {
    return readWall(doc, url) ?? fail('login-wall', SIGN_IN_DETAIL);
  }
  return kind === 'grid' ? readGrid(doc, url) : readEdit(doc, url);
}

const PATHS = ['/inventory*', '/myinventory/inventory*', '/abis/listing/edit*', '/listing/edit*', '/ap/signin*'];

export default defineAdapter({
  id: 'amazon-seller-central',
  name: 'Amazon Seller Central',
  role: 'listing',
  keyPrefix: 'amazon-listing',
  matches: SELLER_CENTRAL_HOSTS.flatMap((host) => PATHS.map((path) => `https://${host}${path}`)),
  test: (url) => pageKind(url) !== null,
  read: readSellerCentral,
});
