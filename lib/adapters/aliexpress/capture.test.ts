// The bridge believes only its own page's window and origin, a pdp-shaped payload, and writes text only.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { acceptCapture, CAPTURE_SELECTOR, MAX_CAPTURE_CHARS, writeCapture } from './capture';

const page = { location: { origin: 'https://es.aliexpress.com' } };
const response = {
  api: 'mtop.aliexpress.pdp.pc.query',
  data: { result: { SKU: { skuPaths: [{ skuIdStr: '1', path: '14:193', skuStock: 3 }] } } },
  ret: ['SUCCESS::调用成功'],
  v: '1.0',
};
const message = (payload: unknown, extra: object = {}) => ({
  source: 'oversell-guard',
  kind: 'aliexpress-pdp',
  payload,
  ...extra,
});
const event = (data: unknown, overrides: object = {}) => ({
  source: page,
  origin: page.location.origin,
  data,
  ...overrides,
});

describe('acceptCapture', () => {
  it('accepts a pdp response posted by the page window to its own origin, as JSON text', () => {
    expect(acceptCapture(event(message(response)), page)).toBe(JSON.stringify(response));
  });

  it.each([
    ['a forged origin', event(message(response), { origin: 'https://evil.example' })],
    ['another window (an iframe)', event(message(response), { source: {} })],
    ['no source window', event(message(response), { source: null })],
    ['a wrong kind', event(message(response, { kind: 'aliexpress-cart' }))],
    ['a wrong source tag', event(message(response, { source: 'someone-else' }))],
    ['a string payload', event(message(JSON.stringify(response)))],
    ['an array payload', event(message([response]))],
    ['a null payload', event(message(null))],
    ['a non-object message', event('oversell-guard')],
    ['another API', event(message({ ...response, api: 'mtop.aliexpress.review.pc.list' }))],
    [
      'the token-empty handshake',
      event(message({ api: response.api, ret: ['FAIL_SYS_TOKEN_EMPTY::令牌为空'], data: {} })),
    ],
    ['a result without product modules', event(message({ data: { result: { RECOMMEND_PC: {} } } }))],
    ['a result that is an array', event(message({ data: { result: [{ SKU: {} }] } }))],
  ])('refuses %s', (_label, e) => {
    expect(acceptCapture(e, page)).toBeNull();
  });

  it('refuses a payload over 3 MB when serialised', () => {
    const big = { data: { result: { SKU: { skuPaths: [] }, DESC: { html: 'x'.repeat(MAX_CAPTURE_CHARS) } } } };
    expect(acceptCapture(event(message(big)), page)).toBeNull();
  });

  it('refuses payloads that cannot be serialised (cycles, BigInt, throwing getters)', () => {
    const cyclic: Record<string, unknown> = { data: { result: { SKU: {} } } };
    cyclic.self = cyclic;
    const throwing = {
      data: { result: { SKU: {} } },
      get boom() {
        throw new Error('no');
      },
    };
    for (const payload of [cyclic, { data: { result: { SKU: { n: 1n } } } }, throwing]) {
      expect(acceptCapture(event(message(payload)), page)).toBeNull();
    }
  });

  describe('prototype tricks', () => {
    it('does not count inherited message fields or an inherited payload', () => {
      const inherited = Object.create({ source: 'oversell-guard', kind: 'aliexpress-pdp', payload: response });
      expect(acceptCapture(event(inherited), page)).toBeNull();
    });

    it('does not count an inherited data.result', () => {
      const payload = Object.create(Object.create({ data: { result: { SKU: {} } } }));
      expect(acceptCapture(event(message(payload)), page)).toBeNull();
    });

    it('refuses class instances and exotic objects as payload', () => {
      class Response {
        data = { result: { SKU: {} } };
      }
      for (const payload of [new Response(), new Map([['data', {}]]), new Date()]) {
        expect(acceptCapture(event(message(payload)), page)).toBeNull();
      }
    });

    it('keeps a "__proto__" key as plain data, never as a prototype', () => {
      const payload = JSON.parse('{"__proto__": {"polluted": true}, "data": {"result": {"SKU": {}}}}');
      const text = acceptCapture(event(message(payload)), page);
      expect(text).toContain('"__proto__"');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('writes what toJSON returns only if that is itself a pdp response', () => {
      const lying = { toJSON: () => 'not an object', data: { result: { SKU: {} } } };
      expect(acceptCapture(event(message(lying)), page)).toBeNull();
    });
  });
});

describe('writeCapture', () => {
  it('writes the JSON as text into <head> and replaces an earlier capture', () => {
    const doc = parseHtml('<html><head><title>x</title></head><body><div id="root"></div></body></html>');
    writeCapture(doc, '{"data":{"result":{"SKU":{}}},"n":1}');
    writeCapture(doc, '{"data":{"result":{"SKU":{}}},"n":"</script><img src=x onerror=alert(1)>"}');
    const found = doc.querySelectorAll(CAPTURE_SELECTOR);
    expect(found).toHaveLength(1);
    expect(found[0].parentNode).toBe(doc.head);
    expect(JSON.parse(found[0].textContent ?? '').n).toBe('</script><img src=x onerror=alert(1)>');
    expect(doc.querySelector('img')).toBeNull();
  });
});
