// Talking to the eBay Sell Inventory API: a user access token as Bearer (pasted, or fetched with the seller's
// refresh token and renewed once on a 401), eBay's `{errors: [{errorId, message}]}` bodies in words.
import type { z } from 'zod';
import { type EbayCredentials, EbayErrorsSchema } from './ebay-schemas';
import { ChannelError, unexpectedShape } from './error';
import { type HttpResponse, isRedirect, sendRequest, type Transport } from './http';
import { AccessTokens, type RefreshGrant } from './oauth-refresh';

export const EBAY = 'eBay';
const API_ORIGIN = 'https://api.ebay.com';
export const INVENTORY = '/sell/inventory/v1';
const SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.inventory';

/** "We didn't find the entity you are requesting": the SKU is no inventory item (a Seller Hub listing has none). */
export const ENTITY_NOT_FOUND = 25710;

export interface EbayRequest<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  data: S;
  /** Statuses answered with a body to read (besides 200); others are errors. */
  accept?: number[];
}

export class EbayApi {
  private readonly tokens: AccessTokens;

  constructor(readonly transport: Transport) {
    this.tokens = new AccessTokens(transport);
  }

  async request<S extends z.ZodType>(creds: EbayCredentials, op: EbayRequest<S>): Promise<z.infer<S>> {
    const send = async (token: string) =>
      sendRequest(
        {
          url: `${this.transport.testBaseUrl ?? API_ORIGIN}${op.path}`,
          method: op.method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(op.body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: op.body ? JSON.stringify(op.body) : undefined,
          // Reads, and bulk writes of absolute quantities: sending one twice leaves the same state.
          idempotent: true,
        },
        this.transport,
        { channelName: EBAY },
      );
    let res = await send(await this.token(creds, false));
    if (res.status === 401 && creds.kind === 'refresh-token') res = await send(await this.token(creds, true));
    if (res.status !== 200 && !op.accept?.includes(res.status)) throw statusError(res);
    const parsed = op.data.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(EBAY, `${op.method} ${op.path.split('?')[0]}`, parsed.error);
    return parsed.data;
  }

  private token(creds: EbayCredentials, fresh: boolean): Promise<string> {
    if (creds.kind === 'token') return Promise.resolve(creds.accessToken);
    const grant: RefreshGrant = {
      channelName: EBAY,
      account: `${creds.clientId}\n${creds.refreshToken}`,
      url: `${API_ORIGIN}/identity/v1/oauth2/token`,
      refreshToken: creds.refreshToken,
      fields: { scope: SCOPE },
      headers: { Authorization: `Basic ${btoa(`${creds.clientId}:${creds.clientSecret}`)}` },
    };
    return this.tokens.get(grant, fresh);
  }
}

/** The first error eBay names in a body, or null. */
export function ebayErrorOf(res: HttpResponse): { errorId: number; message: string } | null {
  const body = EbayErrorsSchema.safeParse(res.json);
  return body.success ? body.data.errors[0] : null;
}

function statusError(res: HttpResponse): ChannelError {
  const error = ebayErrorOf(res);
  const detail = `HTTP ${res.status} ${error ? `${error.errorId}: ${error.message}` : res.text.slice(0, 200)}`;
  if (isRedirect(res)) return new ChannelError('refused', 'channelErrorRedirect', [EBAY, 'api.ebay.com'], { detail });
  // A pasted token expired, or (after one renewal) the seller revoked the app's access.
  if (res.status === 401) return new ChannelError('auth', 'channelErrorAuth', [EBAY], { detail });
  // 1100 "Access denied": the token lacks the sell.inventory scope.
  if (res.status === 403)
    return new ChannelError('auth', 'channelErrorScope', [EBAY, error?.message.slice(0, 200) ?? 'HTTP 403'], {
      detail,
    });
  if (res.status === 404) return new ChannelError('not-found', 'channelErrorNotFound', [EBAY], { detail });
  if (error && res.status >= 400 && res.status < 500)
    return new ChannelError('refused', 'channelErrorRefusedByChannel', [EBAY, error.message.slice(0, 300)], { detail });
  return new ChannelError('unexpected', 'channelErrorUnexpected', [EBAY, `HTTP ${res.status}`], { detail });
}
