// What one fetched supplier page means for the queue, decided from the HTTP status and what the adapter
// read. Pure: the table in outcome.test.ts is the specification.
import type { PageRead, PageReadOk } from '../model';
import { BACKOFF_STATUSES } from './politeness';

export type FetchOutcome =
  /** A reading to ingest (a removed product is one too). */
  | { kind: 'reading'; page: PageReadOk }
  /** The host refuses for now: back off the whole host, the product stays due. */
  | { kind: 'backoff'; status: number; retryAfterMs: number | null }
  /** A captcha or bot wall: stop re-checking this host until the seller resumes it. */
  | { kind: 'stop-host'; detail: string; evidence: string[] }
  /** The fetched HTML lacks what a real visit shows (client-rendered data, a login): list it for a visit. */
  | { kind: 'needs-visit'; detail: string; evidence: string[] }
  /** Anything else (server errors, a product key that is not this product's): try again later. */
  | { kind: 'failed'; detail: string };

export interface Fetched {
  status: number;
  /** What the adapter read from the body (null when the body was not read, e.g. a 429). */
  page: PageRead | null;
  retryAfterMs: number | null;
}

export function classifyFetch({ status, page, retryAfterMs }: Fetched, productKey: string): FetchOutcome {
  // A bot wall often comes with a 403 or 503: the wall decides, since backing off would not make it go away.
  if (page && !page.ok && page.reason === 'captcha')
    return { kind: 'stop-host', detail: page.detail, evidence: [`http:${status}`, `reason:${page.reason}`] };
  if (BACKOFF_STATUSES.has(status)) return { kind: 'backoff', status, retryAfterMs };
  if (page?.ok) {
    const mine = page.products.some((p) => p.key === productKey || p.removed);
    if (mine) return { kind: 'reading', page };
    return {
      kind: 'needs-visit',
      detail: `The page now shows another product (${page.products[0].key})`,
      evidence: page.evidence,
    };
  }
  if (page && page.reason !== 'http-error')
    // login-wall, layout-changed (data the browser would render), not-a-product-page (a redirect elsewhere).
    return { kind: 'needs-visit', detail: page.detail, evidence: [`http:${status}`, `reason:${page.reason}`] };
  if (status === 404 || status === 410)
    return { kind: 'needs-visit', detail: `HTTP ${status}: the page is gone or moved`, evidence: [`http:${status}`] };
  return { kind: 'failed', detail: page?.detail ?? `HTTP ${status}` };
}
