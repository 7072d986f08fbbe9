// What the seller types to connect a channel, checked field by field into the credentials the worker stores;
// each wrong field gets its own words. Whitespace pasted around a key is trimmed, nothing else is guessed.
import { shopHandleOf } from '@/lib/connections';
import { type ConnectionInput, ConnectionInputSchema } from '@/lib/messages';

export type ConnectableChannel = ConnectionInput['channel'];

export interface Draft {
  shop: string;
  method: 'token' | 'client-credentials';
  accessToken: string;
  clientId: string;
  clientSecret: string;
  siteUrl: string;
  consumerKey: string;
  consumerSecret: string;
}

export const EMPTY_DRAFT: Draft = {
  shop: '',
  method: 'token',
  accessToken: '',
  clientId: '',
  clientSecret: '',
  siteUrl: '',
  consumerKey: '',
  consumerSecret: '',
};

/** Per field, the message key saying what it must look like (pure: the page puts it in words). */
export type DraftErrors = Partial<Record<keyof Draft, string>>;

/** The message key that says what a field must look like. */
const FIELD_WORDS: Record<string, { field: keyof Draft; key: string }> = {
  shop: { field: 'shop', key: 'connShopInvalid' },
  accessToken: { field: 'accessToken', key: 'connTokenInvalid' },
  clientId: { field: 'clientId', key: 'connClientIdInvalid' },
  clientSecret: { field: 'clientSecret', key: 'connClientSecretInvalid' },
  siteUrl: { field: 'siteUrl', key: 'connSiteInvalid' },
  consumerKey: { field: 'consumerKey', key: 'connConsumerKeyInvalid' },
  consumerSecret: { field: 'consumerSecret', key: 'connConsumerSecretInvalid' },
};

export const DRAFT_MESSAGE_KEYS = [...Object.values(FIELD_WORDS).map((w) => w.key), 'connSiteHttps', 'connInvalid'];

export function inputOf(
  channel: ConnectableChannel,
  draft: Draft,
): { ok: true; input: ConnectionInput } | { ok: false; errors: DraftErrors } {
  const raw =
    channel === 'shopify'
      ? {
          channel,
          credentials:
            draft.method === 'token'
              ? { kind: 'token', shop: shopHandleOf(draft.shop), accessToken: draft.accessToken.trim() }
              : {
                  kind: 'client-credentials',
                  shop: shopHandleOf(draft.shop),
                  clientId: draft.clientId.trim(),
                  clientSecret: draft.clientSecret.trim(),
                },
        }
      : {
          channel,
          credentials: {
            siteUrl: draft.siteUrl.trim().replace(/\/+$/, ''),
            consumerKey: draft.consumerKey.trim(),
            consumerSecret: draft.consumerSecret.trim(),
          },
        };
  const parsed = ConnectionInputSchema.safeParse(raw);
  const errors: DraftErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const words = FIELD_WORDS[String(issue.path[issue.path.length - 1])];
    if (words) errors[words.field] ??= words.key;
  }
  // Basic auth would carry the key in the clear: only https stores are connected.
  if (channel === 'woocommerce' && !errors.siteUrl && !/^https:\/\//i.test(draft.siteUrl.trim()))
    errors.siteUrl = 'connSiteHttps';
  if (!parsed.success || Object.keys(errors).length > 0)
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { shop: 'connInvalid' } };
  return { ok: true, input: parsed.data };
}
