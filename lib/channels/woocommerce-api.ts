// Talking to one WooCommerce store over REST v3: Basic auth with the seller's API key, only over HTTPS, and
// WordPress error bodies (`{code, message, data: {status}}`) in words.
import type { z } from 'zod';
import { ChannelError, unexpectedShape } from './error';
import { type HttpResponse, isRedirect, sendRequest, type Transport } from './http';
import type { ListingRef } from './types';
import { type WooCredentials, WooErrorSchema } from './woocommerce-schemas';

export const WOO = 'WooCommerce';

export class WooApi {
  constructor(readonly transport: Transport) {}

  /**
   * The API root for these credentials. Basic auth sends the key in the clear, so anything but https is
   * refused before a byte leaves (WooCommerce itself asks for OAuth 1.0a signatures over http).
   */
  root(creds: WooCredentials, ref?: ListingRef): string {
    const site = new URL(creds.siteUrl);
    if (ref && site.host.toLowerCase() !== ref.store.toLowerCase())
      throw new ChannelError('refused', 'channelErrorOtherStore', [WOO, site.host, ref.store]);
    if (this.transport.testBaseUrl) return `${this.transport.testBaseUrl}/wp-json/wc/v3`;
    if (site.protocol !== 'https:') throw new ChannelError('refused', 'channelErrorHttp', [WOO, site.host]);
    return `${site.origin}${site.pathname.replace(/\/+$/, '')}/wp-json/wc/v3`;
  }

  async request<S extends z.ZodType>(
    creds: WooCredentials,
    ref: ListingRef | undefined,
    op: { method: 'GET' | 'PUT'; path: string; body?: object; data: S },
  ): Promise<z.infer<S>> {
    const res = await sendRequest(
      {
        url: `${this.root(creds, ref)}${op.path}`,
        method: op.method,
        headers: {
          Authorization: `Basic ${btoa(`${creds.consumerKey}:${creds.consumerSecret}`)}`,
          Accept: 'application/json',
          ...(op.body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: op.body ? JSON.stringify(op.body) : undefined,
        // Our PUTs carry absolute values only: sending one twice leaves the same state.
        idempotent: true,
      },
      this.transport,
      { channelName: WOO },
    );
    if (res.status < 200 || res.status >= 300) throw statusError(res, creds);
    const parsed = op.data.safeParse(res.json);
    if (!parsed.success) throw unexpectedShape(WOO, `${op.method} ${op.path}`, parsed.error);
    return parsed.data;
  }
}

function statusError(res: HttpResponse, creds: WooCredentials): ChannelError {
  const body = WooErrorSchema.safeParse(res.json);
  const code = body.success ? body.data.code : '';
  const detail = `HTTP ${res.status} ${code || res.text.slice(0, 200)}`;
  const host = new URL(creds.siteUrl).host;
  if (isRedirect(res)) return new ChannelError('refused', 'channelErrorRedirect', [WOO, host], { detail });
  if (res.status === 401 || res.status === 403) {
    // A Read key may read but not write: the seller needs a Read/Write key, not a new connection.
    if (code === 'woocommerce_rest_cannot_edit')
      return new ChannelError('auth', 'channelErrorReadOnlyKey', [WOO], { detail });
    return new ChannelError('auth', 'channelErrorAuth', [WOO], { detail });
  }
  if (res.status === 404) {
    if (code.endsWith('_invalid_id')) return new ChannelError('not-found', 'channelErrorNotFound', [WOO], { detail });
    // rest_no_route, or a WordPress page: no WooCommerce API at this address.
    return new ChannelError('not-found', 'channelErrorStoreNotFound', [WOO, creds.siteUrl], { detail });
  }
  if (body.success && res.status >= 400 && res.status < 500)
    return new ChannelError('refused', 'channelErrorRefusedByChannel', [WOO, body.data.message.slice(0, 300)], {
      detail,
    });
  return new ChannelError('unexpected', 'channelErrorUnexpected', [WOO, `HTTP ${res.status}`], { detail });
}
