import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LWA_CLIENT_ID, LWA_CLIENT_SECRET, LWA_REFRESH_TOKEN, SELLER_ID } from '../../../tests/fakes/amazon';
import { EBAY_ACCESS_TOKEN } from '../../../tests/fakes/ebay';
import { ETSY_KEYSTRING, ETSY_REFRESH_TOKEN, ETSY_SHARED_SECRET, ETSY_SHOP_ID } from '../../../tests/fakes/etsy';
import { DRAFT_MESSAGE_KEYS, EMPTY_DRAFT, inputOf } from './draft';

const KEY = `ck_${'a1'.repeat(20)}`;
const SECRET = `cs_${'b2'.repeat(20)}`;

describe('connection drafts', () => {
  it('turn an admin address and a pasted token into Shopify credentials', () => {
    const draft = {
      ...EMPTY_DRAFT,
      shop: 'https://admin.shopify.com/store/acme-goods/',
      accessToken: ' shpat_0123456789abcdef \n',
    };
    expect(inputOf('shopify', draft)).toEqual({
      ok: true,
      input: {
        channel: 'shopify',
        credentials: { kind: 'token', shop: 'acme-goods', accessToken: 'shpat_0123456789abcdef' },
      },
    });
  });

  it('name each wrong field', () => {
    const result = inputOf('shopify', {
      ...EMPTY_DRAFT,
      shop: 'not a shop!',
      method: 'client-credentials',
      clientId: 'x',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['clientId', 'clientSecret', 'shop']);
  });

  it('connect WooCommerce over https only', () => {
    const draft = { ...EMPTY_DRAFT, siteUrl: 'http://shop.example.com', consumerKey: KEY, consumerSecret: SECRET };
    const http = inputOf('woocommerce', draft);
    expect(http.ok).toBe(false);
    if (!http.ok) expect(http.errors).toEqual({ siteUrl: 'connSiteHttps' });
    expect(inputOf('woocommerce', { ...draft, siteUrl: 'https://shop.example.com/store/' })).toMatchObject({
      ok: true,
      input: { credentials: { siteUrl: 'https://shop.example.com/store' } },
    });
  });

  it('connect eBay with a pasted token, carrying the out-of-stock answer as given', () => {
    const draft = { ...EMPTY_DRAFT, accessToken: ` ${EBAY_ACCESS_TOKEN} `, outOfStockControl: true };
    expect(inputOf('ebay', draft)).toEqual({
      ok: true,
      input: {
        channel: 'ebay',
        credentials: { kind: 'token', accessToken: EBAY_ACCESS_TOKEN, outOfStockControl: true },
      },
    });
    const refresh = inputOf('ebay', { ...EMPTY_DRAFT, method: 'refresh-token', clientId: 'short' });
    expect(refresh.ok).toBe(false);
    if (!refresh.ok)
      expect(refresh.errors).toEqual({
        clientId: 'connClientIdInvalid',
        clientSecret: 'connClientSecretInvalid',
        refreshToken: 'connRefreshTokenInvalid',
      });
    const noToken = inputOf('ebay', EMPTY_DRAFT);
    expect(noToken.ok || noToken.errors).toEqual({ accessToken: 'connEbayTokenInvalid' });
  });

  it('connect Etsy with its shop id, app keystring and secret, and refresh token', () => {
    const draft = {
      ...EMPTY_DRAFT,
      shopId: ` ${ETSY_SHOP_ID}`,
      keystring: ETSY_KEYSTRING,
      sharedSecret: ETSY_SHARED_SECRET,
      refreshToken: ETSY_REFRESH_TOKEN,
    };
    expect(inputOf('etsy', draft)).toMatchObject({ ok: true, input: { credentials: { shopId: ETSY_SHOP_ID } } });
    const named = inputOf('etsy', { ...draft, shopId: 'foxandfern', sharedSecret: 'has spaces' });
    expect(named.ok || named.errors).toEqual({
      shopId: 'connEtsyShopIdInvalid',
      sharedSecret: 'connEtsySecretInvalid',
    });
  });

  it('connect Amazon only once a region is chosen', () => {
    const draft = {
      ...EMPTY_DRAFT,
      sellerId: SELLER_ID.toLowerCase(),
      clientId: LWA_CLIENT_ID,
      clientSecret: LWA_CLIENT_SECRET,
      refreshToken: LWA_REFRESH_TOKEN,
    };
    const noRegion = inputOf('amazon', draft);
    expect(noRegion.ok || noRegion.errors).toEqual({ region: 'connAmazonRegionInvalid' });
    expect(inputOf('amazon', { ...draft, region: 'fe' })).toMatchObject({
      ok: true,
      input: { channel: 'amazon', credentials: { sellerId: SELLER_ID, region: 'fe' } },
    });
  });
});

it.each(['en', 'zh_CN'])('every field error has a message in %s', (lang) => {
  const path = join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`);
  const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>;
  expect(DRAFT_MESSAGE_KEYS.filter((key) => !messages[key]?.message)).toEqual([]);
});
