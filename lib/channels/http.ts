// One request with the retry policy every channel shares: rate limits wait what the store asks (capped) and
// retry; server errors and dropped connections back off exponentially, but only for idempotent requests
// (reads, absolute writes, writes with an idempotency key), since a lost answer may hide a done write.
import { ChannelError } from './error';
import type { ChannelOptions } from './types';

/** Longest wait we sit through for a rate limit; beyond it the caller gets `throttled` with the wait. */
export const MAX_THROTTLE_WAIT_MS = 60_000;
export const THROTTLE_RETRIES = 2;
export const TRANSIENT_RETRIES = 2;
export const BACKOFF_BASE_MS = 500;
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface Transport {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  timeoutMs: number;
  /** Loopback origin (and path) replacing the store's, tests only. */
  testBaseUrl?: string;
}

export function resolveTransport(options: ChannelOptions = {}): Transport {
  if (options.testBaseUrl !== undefined) assertLoopback(options.testBaseUrl);
  return {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? Date.now,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    testBaseUrl: options.testBaseUrl?.replace(/\/+$/, ''),
  };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`testBaseUrl must be a loopback test server, not ${host}`);
  }
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  body?: string;
  /** Safe to send again when the answer was lost. */
  idempotent: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

export interface RetryPolicy {
  /** The channel's name for the seller's words. */
  channelName: string;
  /** A throttle the channel signals inside a normal answer (Shopify's THROTTLED): how long to wait, else null. */
  throttledFor?: (res: HttpResponse) => number | null;
  /** How long a 429 without Retry-After asks to wait, from the channel's own headers (Amazon's rate limit), else null. */
  rateLimitWaitMs?: (res: HttpResponse) => number | null;
}

/**
 * Sends the request and answers the final response for the caller to interpret (auth, not found, bodies);
 * throws `throttled`, `server` or `network` when retries are used up or not allowed.
 */
export async function sendRequest(req: HttpRequest, transport: Transport, policy: RetryPolicy): Promise<HttpResponse> {
  let throttles = 0;
  let transients = 0;
  for (;;) {
    let res: HttpResponse;
    try {
      res = await sendOnce(req, transport);
    } catch (err) {
      if (req.idempotent && transients < TRANSIENT_RETRIES) {
        await transport.sleep(BACKOFF_BASE_MS * 2 ** transients++);
        continue;
      }
      const detail = err instanceof Error ? err.message : String(err);
      throw new ChannelError('network', 'channelErrorNetwork', [policy.channelName], { detail });
    }

    const wait = res.status === 429 ? rateLimitWait(res, transport, policy) : (policy.throttledFor?.(res) ?? null);
    if (wait !== null) {
      if (wait <= MAX_THROTTLE_WAIT_MS && throttles < THROTTLE_RETRIES) {
        throttles++;
        await transport.sleep(wait);
        continue;
      }
      throw new ChannelError(
        'throttled',
        'channelErrorThrottled',
        [policy.channelName, String(Math.ceil(wait / 1000))],
        {
          retryAfterMs: wait,
          detail: `HTTP ${res.status}`,
        },
      );
    }

    if (res.status >= 500) {
      if (req.idempotent && transients < TRANSIENT_RETRIES) {
        // A 503 may say when to come back; otherwise back off exponentially.
        const asked = res.headers.has('retry-after') ? retryAfterMs(res.headers, transport.now()) : null;
        await transport.sleep(Math.min(asked ?? BACKOFF_BASE_MS * 2 ** transients, MAX_THROTTLE_WAIT_MS));
        transients++;
        continue;
      }
      throw new ChannelError('server', 'channelErrorServer', [policy.channelName, `HTTP ${res.status}`], {
        detail: `HTTP ${res.status}: ${res.text.slice(0, 200)}`,
      });
    }
    return res;
  }
}

function rateLimitWait(res: HttpResponse, transport: Transport, policy: RetryPolicy): number {
  if (res.headers.has('retry-after')) return retryAfterMs(res.headers, transport.now());
  return policy.rateLimitWaitMs?.(res) ?? retryAfterMs(res.headers, transport.now());
}

async function sendOnce(req: HttpRequest, transport: Transport): Promise<HttpResponse> {
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`no answer within ${transport.timeoutMs} ms`)),
    transport.timeoutMs,
  );
  try {
    const res = await transport.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: abort.signal,
      // A redirect could carry credentials elsewhere (or to http): it is reported, never followed.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: parseJson(text), text };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date; 2 s when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const value = headers.get('retry-after')?.trim();
  if (value && /^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? 2000 : Math.max(0, at - now);
}

/** A 3xx (Node) or an opaque redirect (browsers, status 0): the store address is not the API's final one. */
export function isRedirect(res: HttpResponse): boolean {
  return res.status === 0 || (res.status >= 300 && res.status < 400);
}
