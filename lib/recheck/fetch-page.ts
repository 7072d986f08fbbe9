// One polite GET of a supplier page from the background: no cookies unless the seller allowed them for
// that origin, a timeout, and a size cap, so a hostile or broken host can neither hang nor flood the worker.
import { parseRetryAfter } from './politeness';

export const FETCH_TIMEOUT_MS = 30_000;
/** Product pages run 0.3 to 3 MB; anything much larger is not a product page worth parsing. */
export const MAX_PAGE_BYTES = 12 * 1024 * 1024;

export type FetchResult =
  | { kind: 'response'; status: number; html: string | null; finalUrl: string; retryAfterMs: number | null }
  | { kind: 'network'; detail: string };

/** Statuses whose body is worth reading: pages, gone pages (removal notices), and bot walls (often 403/503). */
const READ_BODY = (status: number) => (status >= 200 && status < 300) || [403, 404, 410, 503].includes(status);

export async function fetchSupplierPage(
  fetcher: typeof fetch,
  url: string,
  withCookies: boolean,
  now: number,
): Promise<FetchResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetcher(url, {
      credentials: withCookies ? 'include' : 'omit',
      redirect: 'follow',
      signal: abort.signal,
      headers: { Accept: 'text/html,application/xhtml+xml' },
    });
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const length = Number(response.headers.get('content-length') ?? 0);
    let html: string | null = null;
    if (READ_BODY(response.status) && length <= MAX_PAGE_BYTES) {
      html = await response.text();
      if (html.length > MAX_PAGE_BYTES) html = null;
    } else await response.body?.cancel();
    if (html === null && response.ok)
      return { kind: 'network', detail: `the page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB` };
    return { kind: 'response', status: response.status, html, finalUrl: response.url || url, retryAfterMs };
  } catch (error) {
    const detail = abort.signal.aborted ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s` : (error as Error).message;
    return { kind: 'network', detail };
  } finally {
    clearTimeout(timer);
  }
}
