// eBay Seller Hub, the seller's own listings: every row of the listings grid (Active, Ended, Unsold, Drafts,
// Scheduled) and the listing form in revise mode. Keys name the channel and hold the API ids:
// `ebay-listing:<itemId>:default` for a listing without variations, `ebay-listing:<itemId>:<variation SKU or
// option values>` for a variation (see grid.ts), `ebay-listing:draft-<draftId>:…` for a draft (no item yet).
//   https://www.ebay.<tld>/sh/lst/active          (also ended, unsold, drafts, scheduled)
//   https://www.ebay.<tld>/lstng?mode=ReviseItem&itemId=<itemId>     (and /sl/list?mode=ReviseItem&itemId=…)
import type { ListingStatus, PageRead, PageReadFailure } from '../../model';
import { defineAdapter } from '../define';
import { readEditPage } from './edit-page';
import { ROWS, readRows } from './grid';

const MARKETS: Record<string, string> = {
  com: 'USD',
  'co.uk': 'GBP',
  de: 'EUR',
  fr: 'EUR',
  it: 'EUR',
  es: 'EUR',
  'com.au': 'AUD',
  ca: 'CAD',
};
const HOSTS = Object.keys(MARKETS).map((tld) => `www.ebay.${tld}`);
const TABS: Record<string, ListingStatus> = {
  active: 'active',
  ended: 'inactive',
  unsold: 'inactive',
  drafts: 'draft',
  // Not on sale until its start time.
  scheduled: 'inactive',
};
const LIST_PATH = /^\/sh\/lst\/(active|ended|unsold|drafts|scheduled)\/?$/;
const EDIT_PATH = /^\/(?:lstng|sl\/list)\/?$/;
const ITEM_ID = /^\d{9,15}$/;

type SellerHubPage = { kind: 'list'; tab: string } | { kind: 'edit'; itemId: string };

export function sellerHubPage(url: URL): SellerHubPage | null {
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
  const tab = LIST_PATH.exec(url.pathname)?.[1];
  if (tab) return { kind: 'list', tab };
  const itemId = url.searchParams.get('itemId') ?? '';
  const revising = url.searchParams.get('mode') === 'ReviseItem';
  return EDIT_PATH.test(url.pathname) && revising && ITEM_ID.test(itemId) ? { kind: 'edit', itemId } : null;
}

// eBay's sign-in page (signin.ebay.*), where a signed-out Seller Hub request is redirected.
const SIGN_IN = '#signin-form, form[name="signin-form"], #userid, #signin-continue-btn, #pass, #sgnBt';
const CAPTCHA = 'iframe[src*="hcaptcha.com"], .h-captcha, #captcha_loading, form[action*="/splashui/captcha"]';
const LOADING = 'img[alt="Updating results"], [aria-label="Updating results"], .progress-spinner, [aria-busy="true"]';
const GRID = 'table[role="grid"], .shui-dt, #shlistings-cntr';
const ZERO_RESULTS = '.zeroResultsMessage';

/** Why a page shows no listing to read: signed out, a security check, still loading, empty, or changed. */
function unreadable(doc: Document, form: string, productKey?: string): PageReadFailure {
  const key = productKey ? { productKey } : {};
  if (doc.querySelector(SIGN_IN)) {
    return { ok: false, reason: 'login-wall', detail: 'Sign in to Seller Hub to read your listings', ...key };
  }
  if (doc.querySelector(CAPTCHA)) {
    const detail = 'eBay is showing a security check (captcha): open Seller Hub and solve it';
    return { ok: false, reason: 'captcha', detail, ...key };
  }
  if (doc.querySelector(LOADING)) {
    const detail = `Seller Hub is still loading: no ${form} yet`;
    return { ok: false, reason: 'layout-changed', detail, ...key };
  }
  if (!productKey && doc.querySelector(ZERO_RESULTS) && doc.querySelector(GRID)) {
    const detail = 'The listings page shows no listings (empty list or filter)';
    return { ok: false, reason: 'not-a-product-page', detail };
  }
  const detail = `Could not find the ${form} on this Seller Hub page; eBay may have changed its layout (the adapter needs an update)`;
  return { ok: false, reason: 'layout-changed', detail, ...key };
}

function read(doc: Document, url: URL): PageRead {
  const page = sellerHubPage(url);
  if (!page)
    return { ok: false, reason: 'not-a-product-page', detail: 'Not a Seller Hub listings or listing edit page' };
  const currency = MARKETS[url.hostname.slice('www.ebay.'.length)];
  if (page.kind === 'edit') {
    return readEditPage(doc, page.itemId, currency) ?? unreadable(doc, 'listing form', `ebay-listing:${page.itemId}`);
  }
  const statusEvidence = `url:/sh/lst/${page.tab}`;
  const rows = doc.querySelectorAll(ROWS);
  const ctx = { status: TABS[page.tab], statusEvidence, currency, drafts: page.tab === 'drafts' };
  const products = rows.length ? readRows(rows, ctx) : [];
  if (products.length === 0) return unreadable(doc, 'listing rows');
  return { ok: true, products, evidence: [`dom:${ROWS}`, statusEvidence] };
}

export default defineAdapter({
  id: 'ebay-seller-hub',
  name: 'eBay Seller Hub',
  role: 'listing',
  // Keys name the channel (`ebay-listing:<itemId>:…`), parsed by the eBay channel API code.
  keyPrefix: 'ebay-listing',
  matches: HOSTS.flatMap((host) => [`https://${host}/sh/lst/*`, `https://${host}/lstng*`, `https://${host}/sl/list*`]),
  test: (url) => sellerHubPage(url) !== null,
  read,
});
