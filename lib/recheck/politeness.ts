// Politeness toward supplier hosts, as plain arithmetic: spacing between two requests to one host (jittered
// upward, never under the seller's setting), exponential back-off on 403/429/503 that honours Retry-After,
// and the day a request counts against the daily cap.

/** Statuses that mean "too many requests from you": back off the whole host. */
export const BACKOFF_STATUSES: ReadonlySet<number> = new Set([403, 429, 503]);

const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 3600_000;
/** Retry-After beyond this is treated as "come back much later", not obeyed to the letter for days. */
const RETRY_AFTER_MAX_MS = 24 * 3600_000;

/** The wait after a request to a host: the setting plus up to 50 % jitter, so requests never tick like a bot. */
export function jitteredSpacingMs(spacingMs: number, random: () => number): number {
  return Math.round(spacingMs * (1 + 0.5 * random()));
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds ("120") or an HTTP date; null when absent or
 * unreadable (RFC 9110 section 10.2.3).
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(RETRY_AFTER_MAX_MS, Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, at - now));
}

/** Back-off after the `level`-th refusal in a row (1 = first): 1, 2, 4, 8 … min, capped; Retry-After wins when longer. */
export function backoffMs(level: number, retryAfterMs: number | null): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, level - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}

/** The UTC day a request counts against (the daily cap resets at 00:00 UTC). */
export const dayOf = (now: number): number => Math.floor(now / 86_400_000);
export const startOfNextDay = (now: number): number => (dayOf(now) + 1) * 86_400_000;
