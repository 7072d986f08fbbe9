import { describe, expect, it } from 'vitest';
import type { PageRead } from '../model';
import { classifyFetch, type FetchOutcome } from './outcome';

const KEY = 'aliexpress:1005003245617890';
const read = (key = KEY, removed = false): PageRead => ({
  ok: true,
  products: [{ key, title: 'Backpack', variants: [], ...(removed ? { removed } : {}) }],
  evidence: ['embedded-json:x'],
});
const fail = (reason: Extract<PageRead, { ok: false }>['reason']): PageRead => ({
  ok: false,
  reason,
  detail: `AliExpress: ${reason}`,
});

describe('classifyFetch', () => {
  it.each<[string, number, PageRead | null, number | null, FetchOutcome['kind']]>([
    ['a page that reads', 200, read(), null, 'reading'],
    ['a removal notice on a 404', 404, read('aliexpress:other', true), null, 'reading'],
    ['429: back off the host', 429, null, 30_000, 'backoff'],
    ['503 without a wall: back off', 503, fail('layout-changed'), null, 'backoff'],
    ['403 with a bot wall: stop the host', 403, fail('captcha'), null, 'stop-host'],
    ['200 with a captcha: stop the host', 200, fail('captcha'), null, 'stop-host'],
    ['client-rendered data missing: visit', 200, fail('layout-changed'), null, 'needs-visit'],
    ['a login wall: visit', 200, fail('login-wall'), null, 'needs-visit'],
    ['redirected off the product: visit', 200, fail('not-a-product-page'), null, 'needs-visit'],
    ['another product under the URL: visit', 200, read('aliexpress:999'), null, 'needs-visit'],
    ['a 410 the adapter cannot read: visit', 410, null, null, 'needs-visit'],
    ['a server error: retry later', 500, null, null, 'failed'],
  ])('%s', (_, status, page, retryAfterMs, kind) => {
    expect(classifyFetch({ status, page, retryAfterMs }, KEY).kind).toBe(kind);
  });

  it('keeps Retry-After for the back-off and the wall words for the seller', () => {
    expect(classifyFetch({ status: 429, page: null, retryAfterMs: 30_000 }, KEY)).toEqual({
      kind: 'backoff',
      status: 429,
      retryAfterMs: 30_000,
    });
    expect(classifyFetch({ status: 200, page: fail('captcha'), retryAfterMs: null }, KEY)).toMatchObject({
      kind: 'stop-host',
      detail: 'AliExpress: captcha',
      evidence: ['http:200', 'reason:captcha'],
    });
  });
});
