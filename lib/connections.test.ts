// Credentials stay in storage.local: validated on every read, never in storage.sync, never in a backup,
// and what pages see of them (the summary) holds no secret.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { T0 } from '../tests/factories';
import { LWA_CLIENT_ID, LWA_CLIENT_SECRET, LWA_REFRESH_TOKEN, SELLER_ID } from '../tests/fakes/amazon';
import { EBAY_ACCESS_TOKEN } from '../tests/fakes/ebay';
import { ETSY_KEYSTRING, ETSY_REFRESH_TOKEN, ETSY_SHARED_SECRET, ETSY_SHOP_ID } from '../tests/fakes/etsy';
import { ACCESS_TOKEN } from '../tests/fakes/shopify';
import { CONSUMER_KEY, CONSUMER_SECRET } from '../tests/fakes/woocommerce';
import { buildBackup } from './backup';
import {
  apiOriginPatterns,
  CONNECTIONS_KEY,
  credentialsFor,
  deleteConnection,
  loadConnections,
  recordTest,
  renewCredentials,
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

const EBAY: ConnectionInput = {
  channel: 'ebay',
  credentials: { kind: 'token', accessToken: EBAY_ACCESS_TOKEN, outOfStockControl: true },
};
const ETSY: ConnectionInput = {
  channel: 'etsy',
  credentials: {
    shopId: ETSY_SHOP_ID,
    keystring: ETSY_KEYSTRING,
    sharedSecret: ETSY_SHARED_SECRET,
    refreshToken: ETSY_REFRESH_TOKEN,
  },
};
const AMAZON: ConnectionInput = {
  channel: 'amazon',
  credentials: {
    sellerId: SELLER_ID,
    clientId: LWA_CLIENT_ID,
    clientSecret: LWA_CLIENT_SECRET,
    refreshToken: LWA_REFRESH_TOKEN,
    region: 'eu',
  },
};
const SECRETS = [
  ACCESS_TOKEN,
  CONSUMER_KEY,
  CONSUMER_SECRET,
  EBAY_ACCESS_TOKEN,
  ETSY_SHARED_SECRET,
  ETSY_REFRESH_TOKEN,
  LWA_CLIENT_SECRET,
  LWA_REFRESH_TOKEN,
];

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
    for (const input of [SHOPIFY, WOO, EBAY, ETSY, AMAZON]) await saveConnection(input, T0);
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
      { channel: 'ebay', store: 'eBay', kind: 'token', outOfStockControl: true, savedAt: T0 },
      { channel: 'etsy', store: `Etsy ${ETSY_SHOP_ID}`, kind: 'refresh-token', savedAt: T0 },
      { channel: 'amazon', store: `${SELLER_ID} (EU)`, kind: 'refresh-token', savedAt: T0 },
    ]);
    const text = JSON.stringify(summary);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
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
    for (const input of [SHOPIFY, WOO, EBAY, ETSY, AMAZON]) await saveConnection(input, T0);
    const db = new OversellDb('connections-backup-test');
    await db.open();
    const backup = JSON.stringify(await buildBackup(db, DEFAULT_SETTINGS, T0, { history: true }));
    for (const secret of SECRETS) expect(backup).not.toContain(secret);
    db.close();
  });

  it('ask for exactly their API origins', () => {
    expect(apiOriginPatterns(SHOPIFY)).toEqual(['https://acme-goods.myshopify.com/*']);
    expect(apiOriginPatterns(WOO)).toEqual(['https://shop.example.com/*']);
    expect(apiOriginPatterns(EBAY)).toEqual(['https://api.ebay.com/*']);
    expect(apiOriginPatterns(ETSY)).toEqual(['https://openapi.etsy.com/*', 'https://api.etsy.com/*']);
    expect(apiOriginPatterns(AMAZON)).toEqual([
      'https://api.amazon.com/*',
      'https://sellingpartnerapi-eu.amazon.com/*',
    ]);
  });

  describe('renewed credentials (Etsy rotates its refresh token)', () => {
    const rotated = { ...ETSY.credentials, refreshToken: '27182818.fake_refresh_token_0002' };

    it('replace the saved ones, keeping when it was saved and its last test', async () => {
      await saveConnection(ETSY, T0);
      await recordTest(ETSY, { at: T0 + 1, storeName: 'Fox and Fern' });
      await renewCredentials('etsy', rotated);
      expect(await credentialsFor('etsy')).toEqual(rotated);
      expect((await loadConnections()).etsy).toMatchObject({ savedAt: T0, test: { storeName: 'Fox and Fern' } });
    });

    it('are not stored for a channel disconnected, or connected to another shop, in the meantime', async () => {
      await renewCredentials('etsy', rotated);
      expect(await loadConnections()).toEqual({});
      await saveConnection({ channel: 'etsy', credentials: { ...ETSY.credentials, shopId: '99887766' } }, T0);
      await renewCredentials('etsy', rotated);
      expect(await credentialsFor('etsy')).toMatchObject({ shopId: '99887766', refreshToken: ETSY_REFRESH_TOKEN });
    });

    it('are refused when they do not validate, saying so without a value', async () => {
      await saveConnection(ETSY, T0);
      const bad = { ...rotated, sharedSecret: 'not a secret!' };
      const error = await renewCredentials('etsy', bad).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).not.toContain('not a secret');
      expect(String(error)).not.toContain(rotated.refreshToken);
      expect(await credentialsFor('etsy')).toEqual(ETSY.credentials);
    });
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
