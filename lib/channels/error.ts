// Channel failures as data: a machine code the worker acts on (retry later, ask to reconnect) and words for
// the seller as an i18n key with substitutions, so this module stays free of browser APIs (Node tests, worker).
import { z } from 'zod';

export const ChannelErrorCodeSchema = z.enum([
  'auth',
  'throttled',
  'locked',
  'not-found',
  'conflict',
  'network',
  'server',
  'refused',
  /** The API answered in a shape we do not know: never guessed at, reported so the extension can be fixed. */
  'unexpected',
]);
export type ChannelErrorCode = z.infer<typeof ChannelErrorCodeSchema>;

/**
 * Every message key a channel can put in front of the seller (errors and notes). Each exists in
 * public/_locales/{en,zh_CN}/messages.json; `$1` is always the channel's name.
 */
export const CHANNEL_MESSAGE_KEYS = [
  'channelErrorAuth',
  'channelErrorAuthClient',
  'channelErrorScope',
  'channelErrorReadOnlyKey',
  'channelErrorThrottled',
  'channelErrorLocked',
  'channelErrorNotFound',
  'channelErrorStoreNotFound',
  'channelErrorPauseConflict',
  'channelErrorResumeConflict',
  'channelErrorNetwork',
  'channelErrorServer',
  'channelErrorUnexpected',
  'channelErrorRedirect',
  'channelErrorUntracked',
  'channelErrorContinueSelling',
  'channelErrorNoStockOfItsOwn',
  'channelErrorTooManyLocations',
  'channelErrorHttp',
  'channelErrorKey',
  'channelErrorOtherStore',
  'channelErrorRefusedByChannel',
  'channelErrorBadCredentials',
  'channelErrorBadSnapshot',
  'channelNoteBackordersOff',
  'channelNoteStockManagementOn',
  'channelNoteParentStock',
  'channelNoteWholeProduct',
  'channelNoteNothingToChange',
  'channelNoteRestoredDiffers',
  'channelErrorPartial',
  'channelErrorListingEnded',
  'channelErrorEbayNotInventoryApi',
  'channelErrorEbayNeedsSku',
  'channelErrorEbayDraft',
  'channelErrorEbayNoDeactivate',
  'channelErrorEbayOutOfStockControl',
  'channelNoteEbayEnded',
  'channelNoteEbayOtherSites',
  'channelErrorEtsyQuantityZero',
  'channelErrorEtsyExpired',
  'channelNoteEtsyExpiry',
  'channelErrorAmazonFba',
  'channelErrorAmazonNoQuantity',
  'channelErrorAmazonMarketplace',
  'channelErrorAmazonNoDeactivate',
  'channelNoteAmazonPending',
] as const;
export type ChannelMessageKey = (typeof CHANNEL_MESSAGE_KEYS)[number];

/** Words for the seller: render with `t(key, subs)`; subs come from the API and are shown as text only. */
export const ChannelWordsSchema = z.object({
  key: z.enum(CHANNEL_MESSAGE_KEYS),
  subs: z.array(z.string().max(500)).max(5),
});
export type ChannelWords = z.infer<typeof ChannelWordsSchema>;

/** A failure as stored (ActionRow.error) and sent to the popup. */
export const ChannelFailureSchema = z.object({
  code: ChannelErrorCodeSchema,
  words: ChannelWordsSchema,
  /** Wait at least this long before trying again (rate limits). */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Technical detail for diagnosis (HTTP status, API error code); never secrets. */
  detail: z.string().max(1000).optional(),
});
export type ChannelFailure = z.infer<typeof ChannelFailureSchema>;

export class ChannelError extends Error {
  readonly code: ChannelErrorCode;
  readonly words: ChannelWords;
  readonly retryAfterMs?: number;
  readonly detail?: string;

  constructor(
    code: ChannelErrorCode,
    key: ChannelMessageKey,
    subs: string[],
    extra: { retryAfterMs?: number; detail?: string } = {},
  ) {
    super(`${code}: ${key}(${subs.join(', ')})${extra.detail ? ` ${extra.detail}` : ''}`);
    this.name = 'ChannelError';
    this.code = code;
    this.words = { key, subs: subs.map((s) => s.slice(0, 500)) };
    this.retryAfterMs = extra.retryAfterMs;
    this.detail = extra.detail?.slice(0, 1000);
  }

  toFailure(): ChannelFailure {
    return {
      code: this.code,
      words: this.words,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}

/** Every channel call answers with this: a value, or a failure in words. Never thrown across the boundary. */
export type ChannelResult<T> = { ok: true; value: T } | { ok: false; error: ChannelFailure };

/** Runs a channel operation and turns any throw into a failure: a bug becomes `unexpected`, never a lost error. */
export async function settle<T>(channelName: string, run: () => Promise<T>): Promise<ChannelResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof ChannelError) return { ok: false, error: err.toFailure() };
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    console.error(`[oversell-guard] ${channelName} channel bug`, err);
    return {
      ok: false,
      error: new ChannelError('unexpected', 'channelErrorUnexpected', [channelName, detail], { detail }).toFailure(),
    };
  }
}

/** An answer whose shape we do not know: where it differs, for the seller's report and the log. */
export function unexpectedShape(channelName: string, what: string, error: z.ZodError): ChannelError {
  const issue = error.issues[0];
  const where = `${what} at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  return new ChannelError('unexpected', 'channelErrorUnexpected', [channelName, where], { detail: where });
}
