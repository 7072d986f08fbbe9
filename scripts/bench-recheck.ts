// Background re-checks at scale, in Chromium with the real extension: 500 linked supplier products on 100
// hosts, every page served locally through context.route, the production spacing (10 s per host, jittered
// upward) and the production alarm-driven runs. Measures the time to re-check them all, the request rate
// per host, gaps under the spacing, double fetches, and the JS heap of the worker and the offscreen reader.
import type { Route } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness';
import { readStore, waitFor } from '../tests/e2e/harness';
import { loadFixtures } from '../tests/fixtures';

const PRODUCTS = 500;
const HOSTS = 100;
const SPACING_MS = 10_000;
const FIXTURE_ID = '1005003245617890';
const VARIANT = '14:193;5:361386';

interface Row {
  what: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}

export async function benchRecheck(h: Harness): Promise<Row[]> {
  const template = loadFixtures().find((f) => f.adapterId === 'aliexpress' && f.name === 'old-layout-in-stock')!.html;
  const requests: { host: string; url: string; at: number }[] = [];
  await h.context.route(/^https:\/\/b\d{3}\.aliexpress\.com\/item\//, (route: Route) => {
    const url = new URL(route.request().url());
    requests.push({ host: url.host, url: url.href, at: Date.now() });
    const id = /(\d+)\.html$/.exec(url.pathname)?.[1] ?? FIXTURE_ID;
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: template.replaceAll(FIXTURE_ID, id) });
  });

  // 500 supplier products read two hours ago and 500 selling listing variants linked to them, written straight
  // into IndexedDB (this measures re-checks, not first reads); the popup's refresh then queues them.
  await (await h.worker()).evaluate(
    ({ n, hosts, variant }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onsuccess = () => {
          const tx = open.result.transaction(['latest', 'links'], 'readwrite');
          const at = Date.now() - 2 * 3600_000;
          for (let i = 0; i < n; i++) {
            const id = String(1005009000000000 + i);
            const url = `https://b${String(i % hosts).padStart(3, '0')}.aliexpress.com/item/${id}.html`;
            const common = { options: {}, evidence: ['bench'], observedAt: at, via: 'page', presence: 'present' };
            const offerKey = `aliexpress:${id}:${variant}`;
            const listingKey = `shopify:bench-recheck:${i}:1`;
            tx.objectStore('latest').put({
              ...common,
              key: offerKey,
              productKey: `aliexpress:${id}`,
              adapterId: 'aliexpress',
              role: 'supplier',
              url,
              productTitle: `Bench product ${i}`,
              label: 'Blue / M',
              stock: { kind: 'exact', qty: 150 },
              historyCount: 0,
            });
            tx.objectStore('latest').put({
              ...common,
              key: listingKey,
              productKey: `shopify:bench-recheck:${i}`,
              adapterId: 'shopify-admin',
              role: 'listing',
              url: `https://admin.shopify.com/store/bench-recheck/products/${i}`,
              productTitle: `Bench listing ${i}`,
              label: 'Default',
              stock: { kind: 'exact', qty: 5 },
              status: 'active',
              historyCount: 0,
            });
            tx.objectStore('links').put({
              listingKey,
              suppliers: [{ offerKey, priority: 0, unitsPerSale: 1 }],
              offerKeys: [offerKey],
              createdAt: at,
              updatedAt: at,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { n: PRODUCTS, hosts: HOSTS, variant: VARIANT },
  );
  const popup = await h.openPopup(); // its refresh message syncs the queue with the links
  const queued = async () =>
    (await readStore<{ host: string; checkedAt?: number; verifiedVia?: string }>(await h.worker(), 'recheck')).filter(
      (r) => /^b\d{3}\./.test(r.host),
    );
  await waitFor(async () => (await queued()).length === PRODUCTS, 'the 500 products queued', 30_000);
  await popup.close();

  // Two hours have passed: every product is due; the alarm starts the first run, later runs follow alone.
  const start = Date.now();
  await (await h.worker()).evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onsuccess = () => {
          const tx = open.result.transaction('recheck', 'readwrite');
          const all = tx.objectStore('recheck').getAll();
          all.onsuccess = () => {
            for (const row of all.result) tx.objectStore('recheck').put({ ...row, dueAt: 0 });
          };
          tx.oncomplete = () => {
            (
              globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): void } } }
            ).chrome.alarms.create('recheck', { when: Date.now() + 50 });
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const heap: Heaps = { worker: 0, offscreen: 0, workerLive: 0, offscreenLive: 0 };
  const sampling = sampleHeaps(h, heap);
  await waitFor(
    async () => (await queued()).every((r) => (r.checkedAt ?? 0) >= start),
    'every product re-checked',
    15 * 60_000,
  );
  const seconds = (Date.now() - start) / 1000;
  sampling.stop();
  await sampling.done;

  const byHost = new Map<string, number[]>();
  for (const r of requests) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.at]);
  let minGap = Number.POSITIVE_INFINITY;
  let perMinute = 0;
  for (const times of byHost.values()) {
    times.sort((a, b) => a - b);
    times.forEach((t, i) => {
      if (i > 0) minGap = Math.min(minGap, t - times[i - 1]);
      perMinute = Math.max(perMinute, times.filter((u) => u >= t && u < t + 60_000).length);
    });
  }
  const verified = (await queued()).filter((r) => r.verifiedVia === 'recheck').length;
  return [
    {
      what: `re-check ${PRODUCTS} linked products on ${HOSTS} hosts (10 s spacing), all done`,
      value: seconds,
      unit: 's',
      note: `${verified} read via recheck; floor ${((PRODUCTS / HOSTS - 1) * SPACING_MS) / 1000} s`,
    },
    {
      what: 're-check requests to one host in any minute, max',
      value: perMinute,
      unit: 'req',
      budget: 60_000 / SPACING_MS,
    },
    {
      what: 're-check: shortest gap between two requests to one host',
      value: minGap / 1000,
      unit: 's',
      note: `must be >= ${SPACING_MS / 1000} s`,
    },
    {
      what: 're-check: requests beyond one per product',
      value: requests.length - new Set(requests.map((r) => r.url)).size,
      unit: 'req',
      budget: 0,
    },
    {
      what: 're-check: worker JS heap, peak during the run',
      value: heap.worker / 1e6,
      unit: 'MB',
      note: `${(heap.workerLive / 1e6).toFixed(1)} MB live after GC`,
    },
    {
      what: 're-check: offscreen reader JS heap, peak',
      value: heap.offscreen / 1e6,
      unit: 'MB',
      note: `${(heap.offscreenLive / 1e6).toFixed(1)} MB live after GC; closed after each run`,
    },
  ];
}

interface Heaps {
  /** Peak used heap, garbage included. */
  worker: number;
  offscreen: number;
  /** Peak heap still in use right after a forced garbage collection (every fifth sample). */
  workerLive: number;
  offscreenLive: number;
}

/** Samples the JS heap of the service worker and the offscreen document once a second, through CDP. */
function sampleHeaps(h: Harness, peak: Heaps) {
  let running = true;
  const done = (async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const cdp = await h.context.newCDPSession(page);
    let id = 0;
    const pending = new Map<number, (v: { usedSize?: number }) => void>();
    cdp.on('Target.receivedMessageFromTarget' as never, (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id: number; result?: { usedSize?: number } };
      pending.get(m.id)?.(m.result ?? {});
    });
    const sessions = new Map<string, string>();
    /** One CDP call inside a target (worker or offscreen document), through the page's session. */
    const ask = async (targetId: string, method: string): Promise<{ usedSize?: number }> => {
      let sessionId = sessions.get(targetId);
      if (!sessionId) {
        ({ sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
          sessionId: string;
        });
        sessions.set(targetId, sessionId);
      }
      const asked = ++id;
      const answer = new Promise<{ usedSize?: number }>((resolve) => pending.set(asked, resolve));
      const message = JSON.stringify({ id: asked, method });
      await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message } as never);
      return Promise.race([answer, new Promise<{ usedSize?: number }>((r) => setTimeout(() => r({}), 5000))]);
    };
    for (let tick = 0; running; tick++) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      for (const t of targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${h.extensionId}/`))) {
        const which = t.type === 'service_worker' ? 'worker' : t.url.endsWith('/offscreen.html') ? 'offscreen' : null;
        if (!which) continue;
        const heapOf = async () => (await ask(t.targetId, 'Runtime.getHeapUsage').catch(() => null))?.usedSize ?? 0;
        const used = await heapOf();
        peak[which] = Math.max(peak[which], used);
        if (tick % 5 !== 0) continue;
        await ask(t.targetId, 'HeapProfiler.collectGarbage').catch(() => null);
        const live = await heapOf();
        const key = which === 'worker' ? 'workerLive' : 'offscreenLive';
        peak[key] = Math.max(peak[key], live);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    await cdp.detach().catch(() => {});
    await page.close();
  })();
  return {
    done,
    stop: () => {
      running = false;
    },
  };
}
