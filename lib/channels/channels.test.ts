// The shared pieces: words in every language, the stored shapes of an action, and the retry policy's edges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, PRODUCT_ID, SHOP, startShopifyFake, VARIANT_TRACKED } from '../../tests/fakes/shopify';
import { CHANNEL_MESSAGE_KEYS, ChannelError, ChannelFailureSchema, settle } from './error';
import { type HttpRequest, resolveTransport, retryAfterMs, sendRequest } from './http';
import { channelOfKey, createChannels, PauseRecordSchema } from './index';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('channel words', () => {
  it.each(['en', 'zh_CN'])('every error and note has a message in %s', (lang) => {
    const messages = locale(lang);
    expect(CHANNEL_MESSAGE_KEYS.filter((key) => !messages[key]?.message)).toEqual([]);
  });

  it('a failure survives storage as plain data, and a bug becomes `unexpected`, not a throw', async () => {
    const error = new ChannelError('throttled', 'channelErrorThrottled', ['Shopify', '3'], { retryAfterMs: 3000 });
    const stored = JSON.parse(JSON.stringify(error.toFailure()));
    expect(ChannelFailureSchema.parse(stored)).toEqual({
      code: 'throttled',
      words: { key: 'channelErrorThrottled', subs: ['Shopify', '3'] },
      retryAfterMs: 3000,
    });
    const bug = await settle('Shopify', async () => {
      throw new TypeError('x is undefined');
    });
    expect(bug).toMatchObject({ ok: false, error: { code: 'unexpected', words: { key: 'channelErrorUnexpected' } } });
  });
});

describe('channel registry', () => {
  it('names the channel of a listing key, and no channel for listings no API pauses', () => {
    expect(channelOfKey('shopify:acme-goods:1:2')).toBe('shopify');
    expect(channelOfKey('woocommerce:shop.example.com:1:default')).toBe('woocommerce');
    expect(channelOfKey('ebay-listing:225512345678:default')).toBe('ebay');
    expect(channelOfKey('etsy-listing:1487263519:default')).toBe('etsy');
    expect(channelOfKey('amazon-listing:ATVPDKIKX0DER:TEE:TEE-M')).toBe('amazon');
    expect(channelOfKey('etsy:123:456')).toBeNull();
    expect(channelOfKey('aliexpress:1005001234:14')).toBeNull();
    expect(channelOfKey('constructor:1:2')).toBeNull();
    expect(channelOfKey('nonsense')).toBeNull();
  });

  it('registers every channel under its id, each with a default pause strategy first', () => {
    const channels = createChannels();
    for (const [id, channel] of Object.entries(channels)) {
      expect(channel.id).toBe(id);
      expect(channel.pauseStrategies.length).toBeGreaterThan(0);
    }
    expect(Object.keys(channels)).toEqual(['shopify', 'woocommerce', 'ebay', 'etsy', 'amazon']);
  });

  it('a pause outcome round-trips through JSON (as the actions table stores it) and validates', async () => {
    const fake = await startShopifyFake();
    try {
      const { shopify } = createChannels({ testBaseUrl: fake.url, sleep: async () => {} });
      const creds = { kind: 'token', shop: SHOP, accessToken: ACCESS_TOKEN };
      const parsed = shopify.parseKey(`shopify:${SHOP}:${PRODUCT_ID}:${VARIANT_TRACKED}`);
      if (!parsed.ok) throw new Error('key');
      const snap = await shopify.snapshot(parsed.value, creds);
      if (!snap.ok) throw new Error('snapshot');
      const paused = await shopify.pause(parsed.value, snap.value, 'quantity-zero', creds);
      if (!paused.ok) throw new Error('pause');
      const record = PauseRecordSchema.parse(JSON.parse(JSON.stringify(paused.value)));
      expect(record.before).toEqual(snap.value);
      expect(PauseRecordSchema.safeParse({ ...record, before: { channel: 'etsy' } }).success).toBe(false);
    } finally {
      await fake.close();
    }
  });
});

describe('retry policy', () => {
  const transportAnswering = (...statuses: number[]) => {
    const sent: number[] = [];
    const transport = resolveTransport({
      fetch: async () => {
        sent.push(sent.length);
        return new Response('{}', { status: statuses[Math.min(sent.length - 1, statuses.length - 1)] });
      },
      sleep: async () => {},
    });
    return { transport, sent };
  };
  const post = (idempotent: boolean): HttpRequest => ({
    url: 'https://x.test/',
    method: 'POST',
    headers: {},
    idempotent,
  });

  it('never resends a write that is not idempotent after a 5xx: its outcome is unknown', async () => {
    const { transport, sent } = transportAnswering(503, 200);
    await expect(sendRequest(post(false), transport, { channelName: 'Shopify' })).rejects.toMatchObject({
      code: 'server',
    });
    expect(sent).toHaveLength(1);
  });

  it('resends an idempotent request after a 5xx', async () => {
    const { transport, sent } = transportAnswering(503, 200);
    expect((await sendRequest(post(true), transport, { channelName: 'Shopify' })).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('reads Retry-After as seconds or an HTTP date, and falls back to 2 s', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers(), now)).toBe(2000);
  });
});
