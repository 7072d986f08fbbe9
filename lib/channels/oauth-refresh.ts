// The OAuth 2.0 refresh-token grant eBay, Etsy and Amazon (Login with Amazon) share: a short-lived access token
// is fetched with the seller's long-lived refresh token, kept until shortly before it expires, and fetched again
// once when the API refuses it. Etsy rotates the refresh token with every grant: the newest one is used from then
// on and handed to the caller to store.
import { z } from 'zod';
import { ChannelError, unexpectedShape } from './error';
import { isRedirect, sendRequest, type Transport } from './http';

/** An access token is renewed this long before the channel says it expires. */
const TOKEN_MARGIN_MS = 60_000;

const TokenResponseSchema = z.object({
  access_token: z.string().min(10).max(4000),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(10).max(4000).optional(),
});

const TokenErrorSchema = z.object({ error: z.string().max(200), error_description: z.string().max(1000).optional() });

export interface RefreshGrant {
  channelName: string;
  /** Which connection the token belongs to (account and app), so two connections never share a token. */
  account: string;
  /** The token endpoint; a test server replaces its origin. */
  url: string;
  refreshToken: string;
  /** Form fields besides grant_type and refresh_token (client id, secret, scope). */
  fields: Record<string, string>;
  /** Extra headers (eBay sends the client id and secret as Basic auth). */
  headers?: Record<string, string>;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  /** The newest refresh token the channel handed out. */
  latestRefresh: string;
  /** Every refresh token of this chain, newest last: the stored connection holds one of them. */
  chain: string[];
}

/** Rotated tokens remembered per connection: enough for a connection stored a few renewals ago. */
const CHAIN_LENGTH = 20;

export class AccessTokens {
  private readonly cache = new Map<string, CachedToken>();
  /** Grants under way: calls that need a token at the same time wait for one grant (a rotated token is single-use). */
  private readonly granting = new Map<string, Promise<string>>();

  constructor(private readonly transport: Transport) {}

  /**
   * A token for this connection: the cached one, or a new one when none is valid or `fresh` is asked.
   * `onRotated` hears of a new refresh token, so the connection can be stored with it.
   */
  async get(
    grant: RefreshGrant,
    fresh: boolean,
    onRotated: (refreshToken: string) => Promise<void> = async () => {},
  ): Promise<string> {
    const pending = this.granting.get(grant.account);
    if (pending) return pending;
    const cached = this.cache.get(grant.account);
    if (!fresh && cached && cached.expiresAt > this.transport.now() && this.holds(cached, grant)) return cached.token;
    const granting = this.renew(grant, onRotated).finally(() => this.granting.delete(grant.account));
    this.granting.set(grant.account, granting);
    return granting;
  }

  private holds(cached: CachedToken, grant: RefreshGrant): boolean {
    return cached.chain.includes(grant.refreshToken);
  }

  private async renew(grant: RefreshGrant, onRotated: (refreshToken: string) => Promise<void>): Promise<string> {
    let cached = this.cache.get(grant.account);
    // A connection stored anew (reconnected) starts over; one still holding a rotated-away token does not.
    if (cached && !this.holds(cached, grant)) {
      this.cache.delete(grant.account);
      cached = undefined;
    }
    const refreshToken = cached?.latestRefresh ?? grant.refreshToken;
    const granted = await this.grant(grant, refreshToken);
    const latest = granted.refresh_token ?? refreshToken;
    this.cache.set(grant.account, {
      token: granted.access_token,
      expiresAt: this.transport.now() + Math.max(0, granted.expires_in * 1000 - TOKEN_MARGIN_MS),
      latestRefresh: latest,
      chain: [...(cached?.chain ?? [grant.refreshToken]), latest]
        .filter((t, i, all) => all.indexOf(t) === i)
        .slice(-CHAIN_LENGTH),
    });
    if (latest !== refreshToken) await onRotated(latest);
    return granted.access_token;
  }

  private async grant(grant: RefreshGrant, refreshToken: string): Promise<z.infer<typeof TokenResponseSchema>> {
    const url = this.transport.testBaseUrl ? `${this.transport.testBaseUrl}${new URL(grant.url).pathname}` : grant.url;
    const res = await sendRequest(
      {
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...grant.headers },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          ...grant.fields,
        }).toString(),
        // A lost answer costs one unused token; for Etsy the rotated one is lost with it, so the seller reconnects.
        idempotent: true,
      },
      this.transport,
      { channelName: grant.channelName },
    );
    const name = grant.channelName;
    const error = TokenErrorSchema.safeParse(res.json);
    const detail = `HTTP ${res.status} ${error.success ? error.data.error : res.text.slice(0, 200)}`;
    if (isRedirect(res))
      throw new ChannelError('refused', 'channelErrorRedirect', [name, new URL(url).host], { detail });
    // invalid_grant: the refresh token expired or was revoked; invalid_client: the app's id or secret is wrong.
    if (res.status === 401 || (error.success && error.data.error === 'invalid_client'))
      throw new ChannelError('auth', 'channelErrorAuthClient', [name], { detail });
    if (res.status === 400 || res.status === 403)
      throw new ChannelError('auth', 'channelErrorAuth', [name], { detail });
    if (res.status !== 200)
      throw new ChannelError('unexpected', 'channelErrorUnexpected', [name, `HTTP ${res.status}`], { detail });
    const parsed = TokenResponseSchema.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(name, 'access token', parsed.error);
    return parsed.data;
  }
}
