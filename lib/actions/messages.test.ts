// The action and connection messages at the worker's front door: only the extension's own pages may send them,
// and each is checked field by field before lib/actions.ts sees it.
import { describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN } from '../../tests/fakes/shopify';
import { OversellDb } from '../db';
import { DEFAULT_SETTINGS } from '../model';
import { type ReceiveDeps, receiveMessage, TabRateLimiter } from '../receive';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPopup = { id: ID, url: `${ORIGIN}popup.html` };
const fromTab = {
  id: ID,
  url: 'https://admin.shopify.com/store/acme-goods/products/1',
  tab: { id: 4, url: 'https://admin.shopify.com/store/acme-goods/products/1' },
  frameId: 0,
};

function depsWith(receive = vi.fn(async (_message: unknown) => ({ ok: true as const }))) {
  const deps: ReceiveDeps = {
    db: new OversellDb('action-messages-test'),
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    settings: async () => DEFAULT_SETTINGS,
    now: () => 0,
    afterChange: async () => {},
    rateLimiter: new TabRateLimiter(),
    sites: { watch: async () => {}, unwatch: async () => {} },
    openPopupFor: async () => {},
    actions: { receive },
  };
  return { deps, receive };
}

const pause = { type: 'listing:pause', listingKey: 'shopify:acme-goods:1:2' };
const save = {
  type: 'connection:save',
  connection: { channel: 'shopify', credentials: { kind: 'token', shop: 'acme-goods', accessToken: ACCESS_TOKEN } },
};

describe('action messages', () => {
  it('reach the actions from the popup or options', async () => {
    const { deps, receive } = depsWith();
    expect(await receiveMessage(pause, fromPopup, deps)).toEqual({ ok: true });
    expect(await receiveMessage(save, fromPopup, deps)).toEqual({ ok: true });
    expect(await receiveMessage({ type: 'listings:pause-critical' }, fromPopup, deps)).toEqual({ ok: true });
    expect(receive.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual([
      'listing:pause',
      'connection:save',
      'listings:pause-critical',
    ]);
  });

  it('are refused from a content script', async () => {
    const { deps, receive } = depsWith();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const message of [pause, save, { type: 'connection:test', channel: 'shopify' }]) {
      expect(await receiveMessage(message, fromTab, deps)).toMatchObject({
        ok: false,
        error: /only comes from the popup/,
      });
    }
    expect(receive).not.toHaveBeenCalled();
  });

  it.each([
    ['a strategy no channel has', { ...pause, strategy: 'delete' }],
    [
      'a Shopify store handle with a dot',
      {
        ...save,
        connection: { ...save.connection, credentials: { ...save.connection.credentials, shop: 'evil.com' } },
      },
    ],
    [
      'WooCommerce without a secret',
      {
        type: 'connection:save',
        connection: {
          channel: 'woocommerce',
          credentials: { siteUrl: 'https://shop.example.com', consumerKey: 'ck_abcdefgh12' },
        },
      },
    ],
    ['an unknown channel', { type: 'connection:delete', channel: 'myspace' }],
  ])('refuse %s', async (_, message) => {
    const { deps, receive } = depsWith();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await receiveMessage(message, fromPopup, deps)).toMatchObject({ ok: false, error: /malformed/ });
    expect(receive).not.toHaveBeenCalled();
  });
});
