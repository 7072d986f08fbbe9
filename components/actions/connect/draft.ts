// What the seller types to connect a channel, checked field by field into the credentials the worker stores;
// each wrong field gets its own words. Whitespace pasted around a key is trimmed, nothing else is guessed.
import { shopHandleOf } from '@/lib/connections';
import { type ConnectionInput, ConnectionInputSchema } from '@/lib/messages';

export type ConnectableChannel = ConnectionInput['channel'];

export interface Draft {
  /** Shopify: a pasted token or client credentials; eBay: a pasted token or a refresh token. */
  method: 'token' | 'client-credentials' | 'refresh-token';
  shop: string;
  accessToken: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  siteUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** eBay: the seller says "Use the out-of-stock option" is on (the API cannot tell). */
  outOfStockControl: boolean;
  shopId: string;
  keystring: string;
  sharedSecret: string;
  sellerId: string;
  region: '' | 'na' | 'eu' | 'fe';
}

export type TextField = Exclude<keyof Draft, 'method' | 'outOfStockControl' | 'region'>;

export const EMPTY_DRAFT: Draft = {
  method: 'token',
  shop: '',
  accessToken: '',
  clientId: '',
  clientSecret: '',
  refreshToken: '',
  siteUrl: '',
  consumerKey: '',
  consumerSecret: '',
  outOfStockControl: false,
  shopId: '',
  keystring: '',
  sharedSecret: '',
  sellerId: '',
  region: '',
};

/** Per field, the message key saying what it must look like (pure: the page puts it in words). */
export type DraftErrors = Partial<Record<keyof Draft, string>>;

/** The message key that says what a field must look like, by the credential field zod names. */
const FIELD_WORDS: Record<string, { field: keyof Draft; key: string }> = {
  shop: { field: 'shop', key: 'connShopInvalid' },
  accessToken: { field: 'accessToken', key: 'connTokenInvalid' },
  clientId: { field: 'clientId', key: 'connClientIdInvalid' },
  clientSecret: { field: 'clientSecret', key: 'connClientSecretInvalid' },
  refreshToken: { field: 'refreshToken', key: 'connRefreshTokenInvalid' },
  siteUrl: { field: 'siteUrl', key: 'connSiteInvalid' },
  consumerKey: { field: 'consumerKey', key: 'connConsumerKeyInvalid' },
  consumerSecret: { field: 'consumerSecret', key: 'connConsumerSecretInvalid' },
  shopId: { field: 'shopId', key: 'connEtsyShopIdInvalid' },
  keystring: { field: 'keystring', key: 'connEtsyKeystringInvalid' },
  sharedSecret: { field: 'sharedSecret', key: 'connEtsySecretInvalid' },
  sellerId: { field: 'sellerId', key: 'connAmazonSellerIdInvalid' },
  region: { field: 'region', key: 'connAmazonRegionInvalid' },
};

/** Where a channel's token is not Shopify's `shpat_…`. */
const CHANNEL_WORDS: Partial<Record<ConnectableChannel, Partial<Record<keyof Draft, string>>>> = {
  ebay: { accessToken: 'connEbayTokenInvalid' },
};

export const DRAFT_MESSAGE_KEYS = [
  ...Object.values(FIELD_WORDS).map((w) => w.key),
  ...Object.values(CHANNEL_WORDS).flatMap((words) => Object.values(words ?? {})),
  'connSiteHttps',
  'connInvalid',
];

export function inputOf(
  channel: ConnectableChannel,
  draft: Draft,
): { ok: true; input: ConnectionInput } | { ok: false; errors: DraftErrors } {
  const parsed = ConnectionInputSchema.safeParse({ channel, credentials: credentialsOf(channel, draft) });
  const errors: DraftErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const words = FIELD_WORDS[String(issue.path[issue.path.length - 1])];
    if (words) errors[words.field] ??= CHANNEL_WORDS[channel]?.[words.field] ?? words.key;
  }
  // Basic auth would carry the key in the clear: only https stores are connected.
  if (channel === 'woocommerce' && !errors.siteUrl && !/^https:\/\//i.test(draft.siteUrl.trim()))
    errors.siteUrl = 'connSiteHttps';
  if (!parsed.success || Object.keys(errors).length > 0)
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { shop: 'connInvalid' } };
  return { ok: true, input: parsed.data };
}

/** The credentials a channel's schema checks, from the fields its form shows. */
function credentialsOf(channel: ConnectableChannel, d: Draft): unknown {
  const trim = (field: TextField) => d[field].trim();
  switch (channel) {
    case 'shopify':
      return d.method === 'client-credentials'
        ? { kind: d.method, shop: shopHandleOf(d.shop), clientId: trim('clientId'), clientSecret: trim('clientSecret') }
        : { kind: 'token', shop: shopHandleOf(d.shop), accessToken: trim('accessToken') };
    case 'woocommerce':
      return {
        siteUrl: trim('siteUrl').replace(/\/+$/, ''),
        consumerKey: trim('consumerKey'),
        consumerSecret: trim('consumerSecret'),
      };
    case 'ebay':
      return d.method === 'refresh-token'
        ? {
            kind: d.method,
            clientId: trim('clientId'),
            clientSecret: trim('clientSecret'),
            refreshToken: trim('refreshToken'),
            outOfStockControl: d.outOfStockControl,
          }
        : { kind: 'token', accessToken: trim('accessToken'), outOfStockControl: d.outOfStockControl };
    case 'etsy':
      return {
        shopId: trim('shopId'),
        keystring: trim('keystring'),
        sharedSecret: trim('sharedSecret'),
        refreshToken: trim('refreshToken'),
      };
    case 'amazon':
      return {
        // Merchant tokens are capitals and digits; one typed in lower case is the same token.
        sellerId: trim('sellerId').toUpperCase(),
        clientId: trim('clientId'),
        clientSecret: trim('clientSecret'),
        refreshToken: trim('refreshToken'),
        region: d.region,
      };
  }
}
