import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});

it.each(['en', 'zh_CN'])('every field error has a message in %s', (lang) => {
  const path = join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`);
  const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>;
  expect(DRAFT_MESSAGE_KEYS.filter((key) => !messages[key]?.message)).toEqual([]);
});
