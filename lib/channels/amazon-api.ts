// Talking to Amazon's Selling Partner API: a Login with Amazon access token (from the seller's refresh token,
// renewed once when refused) sent as `x-amz-access-token` (no AWS signature since October 2023), the regional host
// each marketplace is served from, and SP-API's `{errors: [{code, message}]}` bodies in words.
import type { z } from 'zod';
import { type AmazonCredentials, AmazonErrorsSchema } from './amazon-schemas';
import { ChannelError, unexpectedShape } from './error';
import { type HttpResponse, isRedirect, sendRequest, type Transport } from './http';
import { AccessTokens } from './oauth-refresh';

export const AMAZON = 'Amazon';
const TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export type Region = 'na' | 'eu' | 'fe';
const HOSTS: Record<Region, string> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

// SP-API's marketplace ids by the region that serves them (developer-docs.amazon.com/sp-api/docs/marketplace-ids).
const REGION_MARKETPLACES: Record<Region, string[]> = {
  na: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC'],
  eu: [
    'A28R8C7NBKEWEA',
    'A1RKKUPIHCS9HS',
    'A1F83G8C2ARO7P',
    'A13V1IB3VIYZZH',
    'AMEN7PMS3EDWL',
    'A1805IZSGTT6HS',
    'A1PA6795UKMFR9',
    'APJ6JRA9NG5V4',
    'A2NODRKZP88ZB9',
    'AE08WJ6YKNBMC',
    'A1C3SOZRARQ6R3',
    'ARBP9OOSHTCHU',
    'A33AVAJ2PDY3EV',
    'A17E79C6D8DWNP',
    'A2VIGQ35RCS4UG',
    'A21TJRUUN4KGV',
  ],
  fe: ['A19VAU5U5O7RUS', 'A39IBJ37TRP1C6', 'A1VC38T7YXB528'],
};

export function regionOf(marketplaceId: string): Region | null {
  const found = Object.entries(REGION_MARKETPLACES).find(([, ids]) => ids.includes(marketplaceId));
  return found ? (found[0] as Region) : null;
}

/** A 429 names the operation's rate (requests per second) in x-amzn-RateLimit-Limit: one token's wait. */
export function rateLimitWaitMs(res: HttpResponse): number | null {
  const rate = Number(res.headers.get('x-amzn-ratelimit-limit'));
  return Number.isFinite(rate) && rate > 0 ? Math.max(100, Math.ceil(1000 / rate)) : null;
}

export interface AmazonRequest<S extends z.ZodType> {
  method: 'GET' | 'PATCH';
  region: Region;
  /** Path and query, already encoded. */
  path: string;
  body?: object;
  data: S;
}

export class AmazonApi {
  private readonly tokens: AccessTokens;

  constructor(readonly transport: Transport) {
    this.tokens = new AccessTokens(transport);
  }

  async request<S extends z.ZodType>(creds: AmazonCredentials, op: AmazonRequest<S>): Promise<z.infer<S>> {
    const send = async (token: string) =>
      sendRequest(
        {
          url: `${this.transport.testBaseUrl ?? HOSTS[op.region]}${op.path}`,
          method: op.method,
          headers: {
            'x-amz-access-token': token,
            Accept: 'application/json',
            ...(op.body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: op.body ? JSON.stringify(op.body) : undefined,
          // Reads, and patches that set an absolute quantity: sending one twice leaves the same state.
          idempotent: true,
        },
        this.transport,
        { channelName: AMAZON, rateLimitWaitMs },
      );
    let res = await send(await this.token(creds, false));
    // An expired or revoked token is refused with 403 (Unauthorized) as often as 401: renew once.
    if (res.status === 401 || res.status === 403) res = await send(await this.token(creds, true));
    if (res.status !== 200) throw statusError(res);
    const parsed = op.data.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(AMAZON, `${op.method} ${op.path.split('?')[0]}`, parsed.error);
    return parsed.data;
  }

  private token(creds: AmazonCredentials, fresh: boolean): Promise<string> {
    return this.tokens.get(
      {
        channelName: AMAZON,
        account: `${creds.sellerId}\n${creds.clientId}`,
        url: TOKEN_URL,
        refreshToken: creds.refreshToken,
        fields: { client_id: creds.clientId, client_secret: creds.clientSecret },
      },
      fresh,
    );
  }
}

function statusError(res: HttpResponse): ChannelError {
  const body = AmazonErrorsSchema.safeParse(res.json);
  const first = body.success ? body.data.errors[0] : null;
  const detail = `HTTP ${res.status} ${first ? `${first.code}: ${first.message}` : res.text.slice(0, 200)}`;
  const host = 'sellingpartnerapi.amazon.com';
  if (isRedirect(res)) return new ChannelError('refused', 'channelErrorRedirect', [AMAZON, host], { detail });
  if (res.status === 401) return new ChannelError('auth', 'channelErrorAuth', [AMAZON], { detail });
  // A fresh token refused: the app lacks the role (Product Listing) or the seller's authorisation.
  if (res.status === 403)
    return new ChannelError('auth', 'channelErrorScope', [AMAZON, (first?.message ?? 'HTTP 403').slice(0, 200)], {
      detail,
    });
  if (res.status === 404) return new ChannelError('not-found', 'channelErrorNotFound', [AMAZON], { detail });
  if (first && res.status >= 400 && res.status < 500)
    return new ChannelError('refused', 'channelErrorRefusedByChannel', [AMAZON, first.message.slice(0, 300)], {
      detail,
    });
  return new ChannelError('unexpected', 'channelErrorUnexpected', [AMAZON, `HTTP ${res.status}`], { detail });
}
