// Talking to Etsy's Open API v3: every request carries the app key as `keystring:shared secret` (required since
// 2026) and an OAuth access token fetched with the seller's refresh token, renewed once on a 401. Etsy rotates the
// refresh token with each access token, so the new one is handed to the caller to store.
import type { z } from 'zod';
import { ChannelError, unexpectedShape } from './error';
import { type EtsyCredentials, EtsyErrorSchema } from './etsy-schemas';
import { type HttpResponse, isRedirect, sendRequest, type Transport } from './http';
import { AccessTokens } from './oauth-refresh';

export const ETSY = 'Etsy';
const API_ORIGIN = 'https://openapi.etsy.com';
const TOKEN_URL = 'https://api.etsy.com/v3/public/oauth/token';
export const APPLICATION = '/v3/application';

export interface EtsyRequest<S extends z.ZodType> {
  method: 'GET' | 'PATCH';
  path: string;
  /** Sent form-encoded, as Etsy's updateListing takes it. */
  form?: Record<string, string>;
  data: S;
}

export class EtsyApi {
  private readonly tokens: AccessTokens;

  constructor(
    readonly transport: Transport,
    /** Stores the connection with its rotated refresh token. */
    private readonly onRenewed: (credentials: EtsyCredentials) => Promise<void>,
  ) {
    this.tokens = new AccessTokens(transport);
  }

  async request<S extends z.ZodType>(creds: EtsyCredentials, op: EtsyRequest<S>): Promise<z.infer<S>> {
    const send = async (token: string) =>
      sendRequest(
        {
          url: `${this.transport.testBaseUrl ?? API_ORIGIN}${op.path}`,
          method: op.method,
          headers: {
            'x-api-key': `${creds.keystring}:${creds.sharedSecret}`,
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(op.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          },
          body: op.form ? new URLSearchParams(op.form).toString() : undefined,
          // Reads, and absolute state writes: sending one twice leaves the same state.
          idempotent: true,
        },
        this.transport,
        { channelName: ETSY },
      );
    let res = await send(await this.token(creds, false));
    if (res.status === 401) res = await send(await this.token(creds, true));
    if (res.status !== 200) throw statusError(res);
    const parsed = op.data.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(ETSY, `${op.method} ${op.path}`, parsed.error);
    return parsed.data;
  }

  private token(creds: EtsyCredentials, fresh: boolean): Promise<string> {
    return this.tokens.get(
      {
        channelName: ETSY,
        account: `${creds.shopId}\n${creds.keystring}`,
        url: TOKEN_URL,
        refreshToken: creds.refreshToken,
        fields: { client_id: creds.keystring },
      },
      fresh,
      (refreshToken) => this.onRenewed({ ...creds, refreshToken }),
    );
  }
}

function statusError(res: HttpResponse): ChannelError {
  const body = EtsyErrorSchema.safeParse(res.json);
  const said = body.success ? body.data.error : '';
  const detail = `HTTP ${res.status} ${said || res.text.slice(0, 200)}`;
  if (isRedirect(res))
    return new ChannelError('refused', 'channelErrorRedirect', [ETSY, 'openapi.etsy.com'], { detail });
  if (res.status === 401) return new ChannelError('auth', 'channelErrorAuth', [ETSY], { detail });
  // A token without listings_w, or a key sent without its shared secret.
  if (res.status === 403)
    return new ChannelError('auth', 'channelErrorScope', [ETSY, (said || 'HTTP 403').slice(0, 200)], { detail });
  if (res.status === 404) return new ChannelError('not-found', 'channelErrorNotFound', [ETSY], { detail });
  if (said && res.status >= 400 && res.status < 500)
    return new ChannelError('refused', 'channelErrorRefusedByChannel', [ETSY, said.slice(0, 300)], { detail });
  return new ChannelError('unexpected', 'channelErrorUnexpected', [ETSY, `HTTP ${res.status}`], { detail });
}
