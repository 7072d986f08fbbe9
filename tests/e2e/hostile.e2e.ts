// Bad input reaches the real worker from a real tab: a malformed message, a reading that claims another
// tab's URL, and a 5 MB page of junk. Each is handled without a stored reading or an uncaught error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStatusRow } from '../../lib/db';
import { type Harness, launch, readStore, sendFromTab, waitFor } from './harness';

const ITEM = 'https://www.aliexpress.com/item/1005009999999999.html';
const OTHER = 'https://www.aliexpress.com/item/1005001111111111.html';

let h: Harness;
/** Uncaught errors thrown by extension code (the junk page's own broken scripts throw too: those are its own). */
const extensionErrors: string[] = [];

beforeAll(async () => {
  h = await launch();
  h.context.on('weberror', (e) => {
    const stack = e.error().stack ?? '';
    if (stack.includes('chrome-extension://')) extensionErrors.push(stack);
  });
  // Content scripts log their own caught failures (an adapter that threw) with this prefix.
  h.context.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('[oversell-guard]')) extensionErrors.push(m.text());
  });
});
afterAll(async () => {
  await h?.close();
});

const stored = async () => ({
  latest: (await readStore(await h.worker(), 'latest')).length,
  history: (await readStore(await h.worker(), 'history')).length,
});

describe('hostile input', () => {
  it('drops a malformed message and a reading that claims another tab URL', async () => {
    h.web.serve(ITEM, '<!doctype html><html><head><title>Item</title></head><body><p>Loading…</p></body></html>');
    const page = await h.context.newPage();
    await page.goto(ITEM);

    const malformed = (
      await sendFromTab(await h.worker(), ITEM, { type: 'reading', reading: { adapterId: 'aliexpress', url: 12 } })
    ).reply;
    expect(malformed).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message/) });

    const claiming = {
      type: 'reading',
      reading: {
        adapterId: 'aliexpress',
        role: 'supplier',
        url: OTHER,
        observedAt: Date.now(),
        via: 'page',
        page: {
          ok: true,
          evidence: ['embedded-json:forged'],
          products: [
            {
              key: 'aliexpress:1005001111111111',
              title: 'Forged',
              variants: [
                {
                  key: 'aliexpress:1005001111111111:default',
                  label: 'Default',
                  options: {},
                  stock: { kind: 'outOfStock' },
                  evidence: ['forged'],
                },
              ],
            },
          ],
        },
      },
    };
    const forged = (await sendFromTab(await h.worker(), ITEM, claiming)).reply;
    expect(forged).toMatchObject({ ok: false, error: expect.stringContaining("is not the sender tab's URL") });
    expect(await stored()).toEqual({ latest: 0, history: 0 });
    await page.close();
  });

  it('reads a 5 MB page of junk at a product URL as unreadable, never as stock', async () => {
    const junk = Array.from(
      { length: 50_000 },
      (_, i) => `<div class="x${i % 97}">${'&#x1F4A9;<b>'.repeat(3)}${'lorem ipsum '.repeat(6)}</div>`,
    ).join('');
    const html = `<!doctype html><html><head><title>?</title><script>window.runParams = {data: {skuModule: ${'['.repeat(5000)}</script></head><body>${junk}<script>var x = "unterminated</script></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    h.web.serve(ITEM, html);
    const page = await h.context.newPage();
    await page.goto(ITEM);
    const status = await waitFor(
      async () => (await readStore<PageStatusRow>(await h.worker(), 'pages')).find((p) => p.url === ITEM),
      'the page status of the junk page',
      20_000,
    );
    console.log('junk page read in', status.readMs, 'ms');
    expect(status).toMatchObject({ ok: false, reason: 'layout-changed', variantCount: 0 });
    expect(await stored()).toEqual({ latest: 0, history: 0 });
    expect((await h.badge()).text).toBe('');
    await page.close();
    expect(extensionErrors).toEqual([]);
  });
});
