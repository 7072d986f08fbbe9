// Talking to one Shopify store: the access token (a custom app's, or client-credentials tokens refreshed when
// they expire and once on a 401), the GraphQL call with THROTTLED handling, and HTTP statuses in words.
import type { z } from 'zod';
import { ChannelError, unexpectedShape } from './error';
import { type HttpResponse, isRedirect, type RetryPolicy, sendRequest, type Transport } from './http';
import {
  type GraphqlEnvelope,
  GraphqlEnvelopeSchema,
  SHOPIFY_API_VERSION,
  type ShopifyCredentials,
  TokenResponseSchema,
} from './shopify-schemas';

export const SHOPIFY = 'Shopify';
/** A client-credentials token is renewed this long before Shopify says it expires. */
const TOKEN_MARGIN_MS = 60_000;

export function shopOrigin(shop: string, transport: Transport): string {
  return transport.testBaseUrl ?? `https://${shop}.myshopify.com`;
}

const POLICY: RetryPolicy = { channelName: SHOPIFY, throttledFor: throttledWaitMs };

/** THROTTLED in a 200 body: wait until the bucket holds the query's cost again (cost / restore rate). */
export function throttledWaitMs(res: HttpResponse): number | null {
  const env = GraphqlEnvelopeSchema.safeParse(res.json);
  if (!env.success || !env.data.errors?.some((e) => e.extensions?.code === 'THROTTLED')) return null;
  const cost = env.data.extensions?.cost;
  const status = cost?.throttleStatus;
  if (!status || !cost?.requestedQueryCost || status.restoreRate <= 0) return 1000;
  const missing = Math.max(0, cost.requestedQueryCost - status.currentlyAvailable);
  return Math.max(1000, Math.ceil((missing / status.restoreRate) * 1000));
}

/** Statuses that are not a GraphQL answer, in words (the 5xx and 429 are handled by the retry policy). */
function statusError(res: HttpResponse, shop: string, clientCredentials: boolean): ChannelError {
  const detail = `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  if (isRedirect(res)) return new ChannelError('refused', 'channelErrorRedirect', [SHOPIFY, shop], { detail });
  if (res.status === 401)
    return new ChannelError('auth', clientCredentials ? 'channelErrorAuthClient' : 'channelErrorAuth', [SHOPIFY], {
      detail,
    });
  if (res.status === 403) return new ChannelError('auth', 'channelErrorScope', [SHOPIFY, 'HTTP 403'], { detail });
  // 402: the store is frozen for an unpaid bill; 423: locked.
  if (res.status === 402 || res.status === 423)
    return new ChannelError('locked', 'channelErrorLocked', [SHOPIFY], { detail });
  if (res.status === 404)
    return new ChannelError('not-found', 'channelErrorStoreNotFound', [SHOPIFY, `${shop}.myshopify.com`], { detail });
  return new ChannelError('unexpected', 'channelErrorUnexpected', [SHOPIFY, `HTTP ${res.status}`], { detail });
}

export class ShopifyApi {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(readonly transport: Transport) {}

  /** Runs one GraphQL operation; `idempotent` = safe to resend after a lost answer. */
  async graphql<S extends z.ZodType>(
    creds: ShopifyCredentials,
    op: { query: string; variables?: Record<string, unknown>; idempotent: boolean; data: S },
  ): Promise<z.infer<S>> {
    const url = `${shopOrigin(creds.shop, this.transport)}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
    const body = JSON.stringify({ query: op.query, variables: op.variables ?? {} });
    const send = async (token: string) =>
      sendRequest(
        {
          url,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': token },
          body,
          idempotent: op.idempotent,
        },
        this.transport,
        POLICY,
      );
    let res = await send(await this.token(creds, false));
    // An expired or revoked client-credentials token: fetch a new one once, then give up in words.
    if (res.status === 401 && creds.kind === 'client-credentials') res = await send(await this.token(creds, true));
    if (res.status !== 200) throw statusError(res, creds.shop, creds.kind === 'client-credentials');
    return readData(res, op.data);
  }

  private async token(creds: ShopifyCredentials, fresh: boolean): Promise<string> {
    if (creds.kind === 'token') return creds.accessToken;
    const cacheKey = `${creds.shop}\n${creds.clientId}`;
    const cached = this.tokens.get(cacheKey);
    if (!fresh && cached && cached.expiresAt > this.transport.now()) return cached.token;
    this.tokens.delete(cacheKey);
    const res = await sendRequest(
      {
        url: `${shopOrigin(creds.shop, this.transport)}/admin/oauth/access_token`,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        }).toString(),
        idempotent: true,
      },
      this.transport,
      { channelName: SHOPIFY },
    );
    // Shopify answers a wrong client id or secret with 400 (invalid_client) as well as 401.
    if (res.status === 400)
      throw new ChannelError('auth', 'channelErrorAuthClient', [SHOPIFY], { detail: res.text.slice(0, 200) });
    if (res.status !== 200) throw statusError(res, creds.shop, true);
    const parsed = TokenResponseSchema.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(SHOPIFY, 'access token', parsed.error);
    const { access_token, expires_in } = parsed.data;
    this.tokens.set(cacheKey, {
      token: access_token,
      expiresAt: this.transport.now() + Math.max(0, expires_in * 1000 - TOKEN_MARGIN_MS),
    });
    return access_token;
  }
}

function readData<S extends z.ZodType>(res: HttpResponse, schema: S): z.infer<S> {
  const env = GraphqlEnvelopeSchema.safeParse(res.json);
  if (!env.success) throw unexpectedShape(SHOPIFY, 'GraphQL envelope', env.error);
  const errors = (env.data as GraphqlEnvelope).errors ?? [];
  if (errors.length > 0) {
    const first = errors[0];
    const code = first.extensions?.code ?? 'ERROR';
    if (code === 'ACCESS_DENIED')
      throw new ChannelError('auth', 'channelErrorScope', [SHOPIFY, first.message.slice(0, 200)], { detail: code });
    throw new ChannelError(
      'unexpected',
      'channelErrorUnexpected',
      [SHOPIFY, `${code}: ${first.message.slice(0, 200)}`],
      {
        detail: code,
      },
    );
  }
  const data = schema.safeParse(env.data.data);
  if (!data.success) throw unexpectedShape(SHOPIFY, 'GraphQL data', data.error);
  return data.data;
}
