// The current AliExpress item page as the real site serves it: an HTML shell whose page script asks
// mtop.aliexpress.pdp.pc.query the way lib-mtop does (a JSONP `mtopjsonpN` script, or XMLHttpRequest/fetch
// in JSON mode) once the page has loaded. The page-world capture hands the response to the content script,
// whose settle loop re-reads when the capture element appears; every SKU lands in IndexedDB, and the page's
// own callback still gets the response it asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LatestRow } from '../../lib/db';
import type { Variant } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const fixtures = loadFixtures();
const fixture = (name: string): FixtureCase => {
  const found = fixtures.find((f) => f.adapterId === 'aliexpress' && f.name === name);
  if (!found) throw new Error(`no fixture aliexpress/${name}`);
  return found;
};
const variantsOf = (f: FixtureCase): Variant[] => (f.expected.ok ? f.expected.products.flatMap((p) => p.variants) : []);

const CAPTURE =
  /<script type="application\/json" data-oversell-guard-capture="mtop\.aliexpress\.pdp\.pc\.query">(.*?)<\/script>\n?/s;
/** The fixture as the server sends it (no capture yet) and the pdp response the page will ask for. */
function split(f: FixtureCase): { shell: string; response: { data: { result: Record<string, unknown> } } } {
  const match = CAPTURE.exec(f.html);
  if (!match) throw new Error(`${f.name} has no capture element`);
  return { shell: f.html.replace(CAPTURE, ''), response: JSON.parse(match[1]) };
}

/** The signed GET lib-mtop makes; t and sign fixed so the fake web can serve it by exact URL. */
function mtopUrl(productId: string, mode: 'jsonp' | 'json', callback = '', sign = 'a41c7e0b2f3d'): string {
  const data = JSON.stringify({ productId, _lang: 'es_ES', _currency: 'EUR', country: 'ES', clientType: 'pc' });
  const query = new URLSearchParams({
    jsv: '2.7.2',
    appKey: '12574478',
    t: '1732800000000',
    sign,
    api: 'mtop.aliexpress.pdp.pc.query',
    v: '1.0',
    type: mode === 'jsonp' ? 'originaljsonp' : 'originaljson',
    dataType: mode,
    timeout: '20000',
    ...(callback && { callback }),
    data,
  });
  return `https://acs.aliexpress.com/h5/mtop.aliexpress.pdp.pc.query/1.0/?${query}`;
}

/** What the page does with the response: the title in #root and the SKU count, so the test sees it arrived intact. */
const RENDER = `function render(json) {
  var result = json && json.data && json.data.result;
  if (!result || !result.SKU) return false;
  var root = document.getElementById('root');
  var h1 = document.createElement('h1');
  h1.textContent = result.PRODUCT_TITLE.text;
  root.appendChild(h1);
  root.setAttribute('data-sku-count', String(result.SKU.skuPaths.length));
  return true;
}`;

/** lib-mtop's JSONP: the callback is set first, then the script goes into <head>; a token-empty reply is retried. */
const jsonpPage = (urls: Record<string, string>) => `<script>
(function () {
  var urls = ${JSON.stringify(urls)};
  var n = 0;
  ${RENDER}
  function request() {
    var name = 'mtopjsonp' + ++n;
    var script = document.createElement('script');
    script.src = urls[name];
    script.async = true;
    window[name] = function (json) {
      window[name] = undefined;
      try { delete window[name]; } catch (e) {}
      if (script.parentNode) script.parentNode.removeChild(script);
      if (!render(json)) request();
    };
    (document.getElementsByTagName('head')[0] || document.body).appendChild(script);
  }
  window.addEventListener('load', function () { setTimeout(request, 500); });
})();
</script>
</body>`;

/** lib-mtop's JSON mode: XMLHttpRequest with credentials (or fetch in newer builds). */
const jsonPage = (url: string, transport: 'xhr' | 'fetch') => `<script>
(function () {
  ${RENDER}
  function request() {
    ${
      transport === 'xhr'
        ? `var x = new XMLHttpRequest();
    x.onreadystatechange = function () { if (x.readyState == 4 && x.status == 200) render(JSON.parse(x.responseText)); };
    x.open('GET', ${JSON.stringify(url)}, true);
    x.withCredentials = true;
    x.setRequestHeader('Accept', 'application/json');
    x.send();`
        : `fetch(${JSON.stringify(url)}, { credentials: 'include', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); }).then(render);`
    }
  }
  window.addEventListener('load', function () { setTimeout(request, 500); });
})();
</script>
</body>`;

let h: Harness;
const errors: string[] = [];
const latest = async () => readStore<LatestRow>(await h.worker(), 'latest');

beforeAll(async () => {
  h = await launch();
  h.context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));
});
afterAll(async () => {
  await h?.close();
});

describe('the current AliExpress item page (client-rendered, data from the pdp mtop call)', () => {
  it('reads every SKU from the JSONP response once it arrives, and the page still gets it', async () => {
    const f = fixture('current-layout-captured-partial');
    const { shell, response } = split(f);
    const productId = String(
      (response.data.result.GLOBAL_DATA as { globalData: { productId: number } }).globalData.productId,
    );
    const urls = {
      mtopjsonp1: mtopUrl(productId, 'jsonp', 'mtopjsonp1', ''),
      mtopjsonp2: mtopUrl(productId, 'jsonp', 'mtopjsonp2'),
    };
    // The first call of a session has no token yet: AliExpress answers FAIL_SYS_TOKEN_EMPTY and lib-mtop retries.
    const empty = { api: 'mtop.aliexpress.pdp.pc.query', data: {}, ret: ['FAIL_SYS_TOKEN_EMPTY::令牌为空'], v: '1.0' };
    h.web.serve(urls.mtopjsonp1, `mtopjsonp1(${JSON.stringify(empty)})`);
    h.web.serve(urls.mtopjsonp2, `mtopjsonp2(${JSON.stringify(response)})`);
    h.web.serve(f.url, shell.replace('</body>', jsonpPage(urls)));

    const page = await h.context.newPage();
    await page.goto(f.url);
    const expected = variantsOf(f);
    const rows = await waitFor(async () => {
      const all = await latest();
      return expected.every((v) => all.some((r) => r.key === v.key)) ? all : null;
    }, 'every SKU of the captured response in IndexedDB');
    for (const v of expected) {
      expect(
        rows.find((r) => r.key === v.key),
        v.key,
      ).toMatchObject({ stock: v.stock, price: v.price, via: 'page' });
    }
    // The page's own callback ran with the unchanged response, cleaned up after itself, and nothing leaked onto window.
    expect(await page.locator('#root h1').textContent()).toBe(f.expected.ok && f.expected.products[0].title);
    expect(await page.locator('#root').getAttribute('data-sku-count')).toBe(String(expected.length));
    expect(
      await page.evaluate(() => ['mtopjsonp1', 'mtopjsonp2', 'aliexpressMtop'].filter((k) => k in window)),
    ).toEqual([]);
    // The capture is where the adapter reads it, once.
    expect(await page.locator('script[data-oversell-guard-capture]').count()).toBe(1);
    await page.close();
  });

  it.each(['xhr', 'fetch'] as const)('reads the response of a JSON-mode call made with %s', async (transport) => {
    const f = fixture('current-layout-captured-sold-out');
    const { shell, response } = split(f);
    const productId = String(
      (response.data.result.GLOBAL_DATA as { globalData: { productId: number } }).globalData.productId,
    );
    // A restock between the visits, so this reading is told apart from the previous transport's.
    const restocked = structuredClone(response);
    const paths = (restocked.data.result.SKU as { skuPaths: { skuStock: number; salable: boolean }[] }).skuPaths;
    const units = transport === 'xhr' ? 7 : 9;
    Object.assign(paths[1], { skuStock: units, salable: true });
    const url = mtopUrl(productId, 'json', '', transport);
    const page = await h.context.newPage();
    // Cross-origin with credentials: the fake web serves HTML without CORS headers, so this one route answers
    // as acs.aliexpress.com does.
    await page.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json;charset=UTF-8',
        headers: { 'access-control-allow-origin': new URL(f.url).origin, 'access-control-allow-credentials': 'true' },
        body: JSON.stringify(restocked),
      }),
    );
    // The restock also clears the page's "Ausverkauft" notice.
    h.web.serve(
      f.url,
      shell
        .replace('<span>Ausverkauft</span>', '<span>7 Stück verfügbar</span>')
        .replace('</body>', jsonPage(url, transport)),
    );
    await page.goto(f.url);
    const key = variantsOf(f)[1].key;
    const row = await waitFor(
      async () => (await latest()).find((r) => r.key === key && r.stock.kind === 'exact' && r.stock.qty === units),
      `${key} restocked to ${units} via ${transport}`,
    );
    expect(row).toMatchObject({ price: variantsOf(f)[1].price });
    const others = (await latest()).filter((r) => r.productKey === 'aliexpress:1005006183920457' && r.key !== key);
    expect(others.map((r) => r.stock.kind)).toEqual(['outOfStock', 'outOfStock', 'outOfStock']);
    expect(await page.locator('#root').getAttribute('data-sku-count')).toBe('4');
    await page.close();
    expect(errors).toEqual([]);
  });
});
