// `npm run bench [-- --json bench.json]`: measures what DESIGN.md section 8 budgets and prints a table.
// Node part: reconcile at scale. Chromium part (real extension, e2e build): adapter read time per fixture
// and on a 2 MB page, ingest + reconcile of a 1,000-variant list reading, bytes stored per reading,
// popup first paint with 10,000 problems, background re-checks of 500 products on 100 hosts (bench-recheck.ts).
// Bundle sizes from the production build.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adapterById, adapters } from '../lib/adapters';
import { exact, outOfStock } from '../lib/extract/stock';
import { DEFAULT_SETTINGS, type Link, type Observation } from '../lib/model';
import { assessLink } from '../lib/reconcile';
import { launch, readStore, waitFor } from '../tests/e2e/harness';
import { loadFixtures } from '../tests/fixtures';
import { benchRecheck } from './bench-recheck';
import { benchInWorker } from './bench-worker';
import { requireChrome } from './chrome-path.mjs';
import { run } from './run.mjs';

const { values } = parseArgs({
  options: { json: { type: 'string' }, 'no-build': { type: 'boolean' }, 'reads-only': { type: 'boolean' } },
});
/** `--reads-only`: just the bundle sizes and the adapter read times (a minute instead of ten). */
const readsOnly = values['reads-only'] === true;
process.env.CHROME_PATH = requireChrome();

interface Row {
  what: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}
const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// --- reconcile at scale (pure, Node) ------------------------------------------------------------
function reconcileBench(links: number): number {
  const now = Date.now();
  const offers: Record<string, Observation> = {};
  const inputs: { listing: Observation; link: Link }[] = [];
  const base = {
    adapterId: 'aliexpress',
    role: 'supplier' as const,
    url: 'https://www.aliexpress.com/item/1.html',
    productTitle: 'P',
    options: {},
    evidence: ['embedded-json:x'],
    observedAt: now - 3600_000,
    via: 'page' as const,
    presence: 'present' as const,
  };
  for (let i = 0; i < links; i++) {
    const keys = [0, 1, 2].map((s) => `aliexpress:${i}:${s}`);
    keys.forEach((key, s) => {
      offers[key] = {
        ...base,
        key,
        productKey: `aliexpress:${i}`,
        label: `v${s}`,
        stock: i % 7 === s ? outOfStock() : exact((i * 13 + s) % 50),
      };
    });
    const listingKey = `shopify:s:${i}:1`;
    inputs.push({
      listing: {
        ...base,
        role: 'listing',
        adapterId: 'shopify-admin',
        key: listingKey,
        productKey: `shopify:s:${i}`,
        label: 'd',
        stock: exact(i % 9),
        status: 'active',
      },
      link: {
        listingKey,
        suppliers: keys.map((offerKey, priority) => ({ offerKey, priority, unitsPerSale: 1 })),
        createdAt: now,
        updatedAt: now,
      },
    });
  }
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (const { listing, link } of inputs) {
      assessLink({ listing, listingKey: link.listingKey, link, offers, settings: DEFAULT_SETTINGS, now });
    }
    times.push(performance.now() - t0);
  }
  return median(times);
}
if (!readsOnly) {
  rows.push({ what: 'reconcile 10,000 links x 3 suppliers', value: reconcileBench(10_000), unit: 'ms', budget: 50 });
  rows.push({ what: 'reconcile 100,000 links x 3 suppliers', value: reconcileBench(100_000), unit: 'ms', budget: 500 });
}

// --- bundle sizes (production build) ------------------------------------------------------------
if (!values['no-build']) {
  run('build', 'npx', ['wxt', 'build']);
  run('build (e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e'], { OVERSELL_GUARD_E2E: '1', NODE_ENV: 'production' });
}
const csDir = resolve('.output/chrome-mv3/content-scripts');
for (const file of readdirSync(csDir).filter((f) => f.endsWith('.js'))) {
  rows.push({ what: `content script ${file}`, value: statSync(join(csDir, file)).size / 1024, unit: 'KB', budget: 40 });
}

// --- in Chromium, with the real extension --------------------------------------------------------
const h = await launch();
try {
  // Pages that are sent at once: a changed layout is waited on for late data (8 s) and not-a-product-page is
  // never sent, so neither measures read time.
  const fixtures = loadFixtures().filter(
    (f) => f.expected.ok || !['layout-changed', 'not-a-product-page'].includes(f.expected.reason),
  );
  // Store adapters run only where the seller watches a site: register them for the fixture origins, as
  // "Watch this site" does (the e2e build pre-grants those origins).
  const storeOrigins = fixtures.filter((f) => adapterById(f.adapterId)?.dynamic).map((f) => new URL(f.url).origin);
  await (await h.worker()).evaluate('self.__name ??= (f) => f');
  await (await h.worker()).evaluate(
    async ({ origins, files }) => {
      const api = (
        globalThis as unknown as { chrome: { scripting: { registerContentScripts(s: object[]): Promise<void> } } }
      ).chrome;
      await api.scripting.registerContentScripts([
        { id: 'bench-stores', matches: origins.map((o) => `${o}/*`), js: files, runAt: 'document_idle' },
      ]);
    },
    {
      origins: [...new Set(storeOrigins)],
      files: adapters.filter((a) => a.dynamic).map((a) => `content-scripts/${a.id}.js`),
    },
  );
  const readTimes = new Map<string, { fixture: string; ms: number }[]>();
  for (const f of fixtures) {
    h.web.serve(f.url, f.html);
    // A tab per fixture: the worker rate-limits readings per tab.
    const page = await h.context.newPage();
    for (let i = 0; i < 5; i++) {
      const before = Date.now();
      // Via a blank page: going to the same URL with a fragment (`…#offer`) would not load it again.
      await page.goto('about:blank');
      await page.goto(f.url, { waitUntil: 'domcontentloaded' });
      const status = await waitFor(
        async () =>
          // By adapter and time, not URL: bot walls rewrite their URL as the real ones do.
          (await readStore<{ adapterId: string; at: number; readMs?: number }>(await h.worker(), 'pages')).find(
            // On a watched store all store adapters run; a bot wall is reported by whichever sees it first.
            (p) => p.at >= before && (p.adapterId === f.adapterId || !!adapterById(f.adapterId)?.dynamic),
          ),
        `the reading of ${f.adapterId}/${f.name}`,
        20_000,
      );
      const list = readTimes.get(f.adapterId) ?? [];
      list.push({ fixture: f.name, ms: status.readMs ?? Number.NaN });
      readTimes.set(f.adapterId, list);
    }
    await page.close();
  }
  for (const [adapterId, reads] of readTimes) {
    const times = reads.map((r) => r.ms);
    // The fixture whose own median is highest: where to look when the adapter's median creeps up.
    const [slowName, slowMedian] = [...new Set(reads.map((r) => r.fixture))]
      .map((name) => [name, median(reads.filter((r) => r.fixture === name).map((r) => r.ms))] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a));
    const slowest = reads.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({
      what: `read ${adapterId} fixtures, median (${times.length} reads)`,
      value: median(times),
      unit: 'ms',
      budget: 3,
      note: `slowest fixture: ${slowName} ${slowMedian.toFixed(2)} ms`,
    });
    // Not budgeted: DESIGN's 15 ms maximum is for the 2 MB page below. The slowest read is nearly always a
    // tab's first (cold) one, or one the 2-core VM preempted; it is shown to catch a real outlier.
    rows.push({ what: `read ${adapterId} fixtures, slowest`, value: slowest.ms, unit: 'ms', note: slowest.fixture });
  }

  // A 2 MB product page: the in-stock fixture with a realistic bulk of unrelated markup and script.
  const big = loadFixtures().find((f) => f.adapterId === 'aliexpress' && f.name === 'old-layout-in-stock')!;
  const filler = Array.from(
    { length: 9000 },
    (_, i) =>
      `<li class="rec-item"><a href="/item/${1005000000000000 + i}.html"><img alt="Recommended item ${i}" data-src="//ae01.alicdn.com/kf/S${i}.jpg" loading="lazy"><span>US $${(i % 90) + 0.99}</span></a></li>`,
  ).join('');
  const bigScript = `<script>window.__recommend = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => ({ id: i, title: `Item ${i} with a long marketing title`, price: i * 1.1 })))};</script>`;
  const bigHtml = big.html.replace('</body>', `<ul>${filler}</ul>${bigScript}</body>`);
  const bigUrl = big.url.replace(/(\d+)\.html/, '$1.html?big=1');
  h.web.serve(bigUrl, bigHtml);
  const page = await h.context.newPage();
  const bigTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = Date.now();
    await page.goto(bigUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const status = await waitFor(
      async () =>
        (await readStore<{ url: string; at: number; readMs?: number }>(await h.worker(), 'pages')).find(
          (p) => p.url === bigUrl && p.at >= before,
        ),
      'the reading of the 2 MB page',
    );
    bigTimes.push(status.readMs ?? Number.NaN);
  }
  rows.push({
    what: `read a ${(bigHtml.length / 1e6).toFixed(1)} MB AliExpress page, max of 5`,
    value: Math.max(...bigTimes),
    unit: 'ms',
    budget: 15,
  });
  await page.close();

  if (!readsOnly) {
    rows.push(...(await benchInWorker(h)));
    rows.push(...(await benchRecheck(h)));
  }
} finally {
  await h.close();
}

// --- report ----------------------------------------------------------------------------------------
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const table = rows.map((r) => ({
  what: r.what,
  value: `${fmt(r.value)} ${r.unit}`,
  budget: r.budget === undefined ? '' : `<= ${r.budget} ${r.unit}`,
  verdict: r.budget === undefined ? '' : r.value <= r.budget ? 'ok' : 'OVER',
  note: r.note ?? '',
}));
const widths = ['what', 'value', 'budget', 'verdict', 'note'].map((k) =>
  Math.max(k.length, ...table.map((t) => String(t[k as keyof typeof t]).length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(`\n${line(['what', 'value', 'budget', 'verdict', 'note'])}`);
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const t of table) console.log(line([t.what, t.value, t.budget, t.verdict, t.note]));
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(`\nwrote ${values.json}`);
}
