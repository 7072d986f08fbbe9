// The in-Chromium figures that need the worker: ingest + reconcile of a 1,000-variant list reading
// (sent from a real tab, timed round trip), bytes stored per variant reading, popup paint with 10,000 problems.
import type { Harness } from '../tests/e2e/harness';
import { readStore, sendFromTab } from '../tests/e2e/harness';

const SUPPLIER_URL = 'https://www.aliexpress.com/item/1005000000002000.html';
const LISTING_URL = 'https://admin.shopify.com/store/bench/products/1';
const LISTINGS = 1000;

/** `round` changes every variant's stock (worst case); `changeEvery` 20 changes only one in twenty. */
function reading(role: 'supplier' | 'listing', n: number, round: number, changeEvery = 1) {
  const supplier = role === 'supplier';
  const productKey = supplier ? 'aliexpress:1005000000002000' : 'shopify:bench:1';
  return {
    type: 'reading',
    reading: {
      adapterId: supplier ? 'aliexpress' : 'shopify-admin',
      role,
      url: supplier ? SUPPLIER_URL : LISTING_URL,
      observedAt: Date.now(),
      via: 'page',
      page: {
        ok: true,
        evidence: ['bench'],
        products: [
          {
            key: productKey,
            title: supplier ? 'Bench supplier product' : 'Bench listing',
            variants: Array.from({ length: n }, (_, i) => ({
              key: `${productKey}:${i}`,
              label: `Colour ${i % 12} / Size ${i % 7}`,
              sku: `SKU-${i}`,
              options: { Color: `Colour ${i % 12}`, Size: `Size ${i % 7}` },
              stock: stockOf(i, i % changeEvery === 0 ? round : 0),
              price: { amount: 1999 + i, currency: 'USD' },
              ...(supplier ? {} : { status: 'active' }),
              evidence: [
                supplier
                  ? 'embedded-json:skuModule.skuPriceList[0].skuVal.availQuantity'
                  : 'dom:input[name="available"]',
              ],
            })),
          },
        ],
      },
    },
  };
}

const stockOf = (i: number, round: number) =>
  (i + round) % 5 === 0 ? { kind: 'outOfStock' } : { kind: 'exact', qty: (i * 7 + round) % 40 };

export async function benchInWorker(h: Harness) {
  const rows: { what: string; value: number; unit: string; budget?: number; note?: string }[] = [];
  const blank = '<!doctype html><html><head><title>bench</title></head><body></body></html>';
  h.web.serve(SUPPLIER_URL, blank);
  h.web.serve(LISTING_URL, blank);
  const supplierTab = await h.context.newPage();
  await supplierTab.goto(SUPPLIER_URL);
  const listingTab = await h.context.newPage();
  await listingTab.goto(LISTING_URL);

  // 3,000 supplier variants, then 1,000 links of 3 suppliers each, written straight into IndexedDB.
  const { reply: supplierReply } = await sendFromTab(
    await h.worker(),
    SUPPLIER_URL,
    reading('supplier', LISTINGS * 3, 0),
  );
  if (!(supplierReply as { ok: boolean }).ok)
    throw new Error(`supplier reading refused: ${JSON.stringify(supplierReply)}`);
  const worker = await h.worker();
  await worker.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onsuccess = () => {
          const tx = open.result.transaction('links', 'readwrite');
          for (let i = 0; i < n; i++) {
            const offerKeys = [0, 1, 2].map((s) => `aliexpress:1005000000002000:${i * 3 + s}`);
            tx.objectStore('links').put({
              listingKey: `shopify:bench:1:${i}`,
              suppliers: offerKeys.map((offerKey, priority) => ({ offerKey, priority, unitsPerSale: 1 })),
              offerKeys,
              createdAt: Date.now(),
              updatedAt: Date.now(),
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    LISTINGS,
  );

  for (const [changeEvery, what] of [
    [1, 'every row changed'],
    [20, '1 row in 20 changed'],
  ] as const) {
    const times: number[] = [];
    for (let round = 1; round <= 5; round++) {
      const { reply, ms } = await sendFromTab(
        await h.worker(),
        LISTING_URL,
        reading('listing', LISTINGS, round, changeEvery),
      );
      if (!(reply as { ok: boolean }).ok) throw new Error(`listing reading refused: ${JSON.stringify(reply)}`);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    rows.push({
      what: `ingest + reconcile a 1,000-row list page (1,000 links x 3), ${what}, median of 5`,
      value: times[2],
      unit: 'ms',
      budget: 300,
      note: 'round trip from the tab',
    });
  }

  const history = await readStore(await h.worker(), 'history');
  const bytes = history.reduce<number>((sum, row) => sum + JSON.stringify(row).length, 0) / history.length;
  rows.push({
    what: `stored per variant reading (history row, ${history.length} rows)`,
    value: bytes,
    unit: 'bytes',
    budget: 600,
    note: 'JSON size of the row',
  });

  // 10,000 problems: the popup's first paint of its list.
  await (await h.worker()).evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onsuccess = () => {
          const tx = open.result.transaction('assessments', 'readwrite');
          for (let i = 0; i < n; i++) {
            const status = i % 3 === 0 ? 'oversell-risk' : 'stale';
            tx.objectStore('assessments').put({
              listingKey: `shopify:bench:2:${i}`,
              status,
              severity: i % 3 === 0 ? 'critical' : 'warning',
              findings: [{ status, severity: i % 3 === 0 ? 'critical' : 'warning', facts: {}, evidence: ['bench'] }],
              assessedAt: Date.now(),
              changedAt: Date.now() - i,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    10_000,
  );
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.waitForSelector('.problem', { timeout: 30_000 });
  const paint = await popup.evaluate(() => performance.now());
  rows.push({
    what: 'popup first paint of the list with 10,000 problems',
    value: paint,
    unit: 'ms',
    budget: 200,
    note: 'not virtualized yet (issue 5)',
  });
  await popup.close();
  await supplierTab.close();
  await listingTab.close();
  return rows;
}
