// Which Amazon marketplace a Seller Central page shows. One seller account sells on several marketplaces from
// the same host (sellercentral.amazon.de serves every EU store), so the page is asked first: the selection in
// the URL, the storefront its listings link to, the classic marketplace switcher; the host's own marketplace
// only last, and never for sellercentral-europe, which has none.

export interface Marketplace {
  id: string;
  /** The currency its prices are in; unknown for marketplaces outside the table. */
  currency?: string;
  /** How the page told: `url:mons_sel_mkid`, `dom:<selector>`, `host:<hostname>`. */
  evidence: string;
}

// Marketplace id -> [storefront domain, currency] (the ids SP-API takes).
const MARKETPLACES: Record<string, [domain: string, currency: string]> = {
  ATVPDKIKX0DER: ['amazon.com', 'USD'],
  A2EUQ1WTGCTBG2: ['amazon.ca', 'CAD'],
  A1F83G8C2ARO7P: ['amazon.co.uk', 'GBP'],
  A1PA6795UKMFR9: ['amazon.de', 'EUR'],
  A13V1IB3VIYZZH: ['amazon.fr', 'EUR'],
  APJ6JRA9NG5V4: ['amazon.it', 'EUR'],
  A1RKKUPIHCS9HS: ['amazon.es', 'EUR'],
  A1VC38T7YXB528: ['amazon.co.jp', 'JPY'],
  A39IBJ37TRP1C6: ['amazon.com.au', 'AUD'],
};
const BY_DOMAIN = new Map(Object.entries(MARKETPLACES).map(([id, [domain]]) => [domain, id]));

// Hosts that belong to one marketplace; sellercentral-europe.amazon.com is left out on purpose.
const HOST_DEFAULT: Record<string, string> = {
  'sellercentral.amazon.com': 'ATVPDKIKX0DER',
  'sellercentral.amazon.ca': 'A2EUQ1WTGCTBG2',
  'sellercentral.amazon.co.uk': 'A1F83G8C2ARO7P',
  'sellercentral.amazon.de': 'A1PA6795UKMFR9',
  'sellercentral.amazon.fr': 'A13V1IB3VIYZZH',
  'sellercentral.amazon.it': 'APJ6JRA9NG5V4',
  'sellercentral.amazon.es': 'A1RKKUPIHCS9HS',
  'sellercentral.amazon.co.jp': 'A1VC38T7YXB528',
  'sellercentral-japan.amazon.com': 'A1VC38T7YXB528',
  'sellercentral.amazon.com.au': 'A39IBJ37TRP1C6',
};

export const SELLER_CENTRAL_HOSTS = [...Object.keys(HOST_DEFAULT), 'sellercentral-europe.amazon.com'];

// Amazon ids are an upper-case A and 9-15 more letters or digits; anything else in a parameter is ignored.
const MARKETPLACE_ID = /^A[0-9A-Z]{9,15}$/;
const URL_PARAMS = ['mons_sel_mkid', 'marketplaceID', 'marketplaceId'];
const SWITCHER = '#sc-mkt-picker-switcher-select option[selected]';
const STOREFRONT = /^(?:www\.)?(amazon\.(?:com|ca|co\.uk|de|fr|it|es|co\.jp|com\.au))$/;

const known = (id: string, evidence: string): Marketplace => ({ id, currency: MARKETPLACES[id]?.[1], evidence });

function idIn(value: string | null | undefined): string | null {
  const id = value?.trim() ?? '';
  return MARKETPLACE_ID.test(id) ? id : null;
}

/** The storefront a listing links to (`https://www.amazon.de/dp/…`) names its marketplace. */
export function marketplaceOfLink(href: string | null): string | null {
  if (!href) return null;
  try {
    const domain = STOREFRONT.exec(new URL(href).hostname)?.[1];
    return domain ? (BY_DOMAIN.get(domain) ?? null) : null;
  } catch {
    return null;
  }
}

/** The marketplace this page shows, or null when neither the page nor its host says. */
export function readMarketplace(doc: Document, url: URL, storefrontLink: string | null): Marketplace | null {
  for (const param of URL_PARAMS) {
    const id = idIn(url.searchParams.get(param));
    if (id) return known(id, `url:${param}`);
  }
  const linked = marketplaceOfLink(storefrontLink);
  if (linked) return known(linked, 'dom:a[href*="/dp/"]');
  const option = doc.querySelector(SWITCHER)?.getAttribute('value') ?? '';
  const chosen = idIn(/[?&]marketplaceId=([^&#]+)/i.exec(option)?.[1]);
  if (chosen) return known(chosen, `dom:${SWITCHER}`);
  const byHost = HOST_DEFAULT[url.hostname];
  return byHost ? known(byHost, `host:${url.hostname}`) : null;
}
