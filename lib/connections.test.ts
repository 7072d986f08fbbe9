// Credentials stay in storage.local: validated on every read, never in storage.sync, never in a backup,
// and what pages see of them (the summary) holds no secret.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { T0 } from '../tests/factories';
import { ACCESS_TOKEN } from '../tests/fakes/shopify';
import { CONSUMER_KEY, CONSUMER_SECRET } from '../tests/fakes/woocommerce';
import { buildBackup } from './backup';
import {
  apiOriginPattern,
  CONNECTIONS_KEY,
  credentialsFor,
  deleteConnection,
  loadConnections,
  recordTest,
  saveConnection,
  shopHandleOf,
  summarize,
} from './connections';
import { OversellDb } from './db';
import type { ConnectionInput } from './messages';
import { DEFAULT_SETTINGS } from './model';

const SHOPIFY: ConnectionInput = {
  channel: 'shopify',
  credentials: { kind: 'token', shop: 'acme-goods', accessToken: ACCESS_TOKEN },
};
const WOO: ConnectionInput = {
  channel: 'woocommerce',
  credentials: {
    siteUrl: 'https://shop.example.com/store',
    consumerKey: CONSUMER_KEY,
    consumerSecret: CONSUMER_SECRET,
  },
};

beforeEach(() => fakeBrowser.reset());

describe('connections', () => {
  it('are saved in storage.local only, and read back per channel', async () => {
    await saveConnection(SHOPIFY, T0);
    await saveConnection(WOO, T0 + 1);
    expect(await credentialsFor('shopify')).toEqual(SHOPIFY.credentials);
    expect(await credentialsFor('woocommerce')).toEqual(WOO.credentials);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await deleteConnection('shopify');
    expect(await credentialsFor('shopify')).toBeUndefined();
    expect(await credentialsFor('woocommerce')).toEqual(WOO.credentials);
  });

  it('refuses bad credentials before storing anything', async () => {
    const bad = { channel: 'woocommerce', credentials: { ...WOO.credentials, consumerKey: 'not-a-key' } };
    await expect(saveConnection(bad as ConnectionInput, T0)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(CONNECTIONS_KEY)).toEqual({});
  });

  it('count a damaged entry as not connected, and never log what it holds', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      [CONNECTIONS_KEY]: { shopify: { input: { channel: 'shopify', credentials: { accessToken: ACCESS_TOKEN } } } },
    });
    expect(await loadConnections()).toEqual({});
    expect(JSON.stringify(warn.mock.calls)).not.toContain(ACCESS_TOKEN);
    warn.mockRestore();
  });

  it('show pages the store and the last test, never a secret', async () => {
    await saveConnection(SHOPIFY, T0);
    await saveConnection(WOO, T0);
    await recordTest(SHOPIFY, { at: T0 + 5, storeName: 'Acme Goods' });
    const summary = summarize(await loadConnections());
    expect(summary).toEqual([
      {
        channel: 'shopify',
        store: 'acme-goods.myshopify.com',
        kind: 'token',
        savedAt: T0,
        test: { at: T0 + 5, storeName: 'Acme Goods' },
      },
      { channel: 'woocommerce', store: 'shop.example.com', kind: 'api-key', savedAt: T0 },
    ]);
    const text = JSON.stringify(summary);
    for (const secret of [ACCESS_TOKEN, CONSUMER_KEY, CONSUMER_SECRET]) expect(text).not.toContain(secret);
  });

  it('keep a test only for the connection tested (not for other typed credentials)', async () => {
    await saveConnection(SHOPIFY, T0);
    const other: ConnectionInput = {
      channel: 'shopify',
      credentials: { kind: 'token', shop: 'acme-goods', accessToken: 'shpat_other_token_0002' },
    };
    await recordTest(other, { at: T0, storeName: 'Other' });
    expect((await loadConnections()).shopify?.test).toBeUndefined();
  });

  it('are not in a backup', async () => {
    await saveConnection(SHOPIFY, T0);
    await saveConnection(WOO, T0);
    const db = new OversellDb('connections-backup-test');
    await db.open();
    const backup = JSON.stringify(await buildBackup(db, DEFAULT_SETTINGS, T0, { history: true }));
    for (const secret of [ACCESS_TOKEN, CONSUMER_KEY, CONSUMER_SECRET]) expect(backup).not.toContain(secret);
    db.close();
  });

  it('ask for exactly their API origin', () => {
    expect(apiOriginPattern(SHOPIFY)).toBe('https://acme-goods.myshopify.com/*');
    expect(apiOriginPattern(WOO)).toBe('https://shop.example.com/*');
  });

  it.each([
    ['acme-goods', 'acme-goods'],
    [' Acme-Goods.myshopify.com ', 'acme-goods'],
    ['https://acme-goods.myshopify.com/admin/products', 'acme-goods'],
    ['https://admin.shopify.com/store/acme-goods/products/1', 'acme-goods'],
  ])('read the Shopify store handle from %j', (typed, handle) => {
    expect(shopHandleOf(typed)).toBe(handle);
  });
});
