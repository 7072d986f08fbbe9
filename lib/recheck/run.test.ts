// The queue end to end in Node: real adapters over real fixture pages, Dexie on fake-indexeddb, a fake web
// and a virtual clock. What the e2e tests show in Chromium, shown here case by case and fast.
import { beforeEach, describe, expect, it } from 'vitest';
import { linkRow, listingReading, T0 } from '../../tests/factories';
import { loadFixtures } from '../../tests/fixtures';
import { parseHtml } from '../../tests/parse-html';
import { OversellDb } from '../db';
import { exact } from '../extract/stock';
import { type IngestResult, ingestReading } from '../ingest';
import { DEFAULT_SETTINGS, type Reading, type Settings } from '../model';
import { LEASE_MS } from './queue';
import { readFetchedPage } from './read-page';
import { type RecheckProgress, type RunDeps, runRecheck } from './run';
import { syncRecheckQueue } from './sync';

const fixture = (name: string) => {
  const f = loadFixtures().find((c) => c.adapterId === 'aliexpress' && c.name === name);
  if (!f) throw new Error(name);
  return f;
};
const IN_STOCK = fixture('old-layout-in-stock').html;
const ONE_SOLD_OUT = fixture('old-layout-one-sold-out').html;
const CAPTCHA = fixture('captcha').html;
const SHELL_ONLY = fixture('current-layout-shell-only').html;
const FIXTURE_ID = '1005003245617890';
/** The variant that sells out in ONE_SOLD_OUT. */
const SOLD_OUT_VARIANT = '14:193;5:361386';

/** The fixture page as product `id` (every id in the page replaced, so the adapter keys it by `id`). */
const pageOf = (html: string, id: string) => html.replaceAll(FIXTURE_ID, id);
const urlOf = (id: string, host = 'www.aliexpress.com') => `https://${host}/item/${id}.html`;
const keyOf = (id: string) => `aliexpress:${id}`;

type Answer = { status?: number; body?: string; headers?: Record<string, string> };

/** Serves answers by URL (a list is answered in turn, the last one repeats) and logs every request. */
class FakeWeb {
  answers = new Map<string, Answer[]>();
  log: { url: string; at: number; credentials?: RequestCredentials }[] = [];
  constructor(private readonly clock: () => number) {}
  serve(url: string, ...answers: Answer[]) {
    this.answers.set(url, answers);
  }
  fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    this.log.push({ url, at: this.clock(), credentials: init?.credentials });
    const list = this.answers.get(url) ?? [{ status: 404, body: '<h1>Not found</h1>' }];
    const answer = list.length > 1 ? (list.shift() as Answer) : list[0];
    return new Response(answer.body ?? '', { status: answer.status ?? 200, headers: answer.headers });
  }) as typeof fetch;
  fetchesOf = (url: string) => this.log.filter((l) => l.url === url);
}

let db: OversellDb;
let clock: number;
let web: FakeWeb;
let settings: Settings;
let ingested: IngestResult[];
let alarms: (number | null)[];
let progress: RecheckProgress | null;
let n = 0;

beforeEach(async () => {
  db = new OversellDb(`recheck-run-${n++}`);
  await db.open();
  clock = T0;
  web = new FakeWeb(() => clock);
  settings = { ...DEFAULT_SETTINGS };
  ingested = [];
  alarms = [];
  progress = null;
});

const deps = (over: Partial<RunDeps> = {}): RunDeps => ({
  db,
  worker: 'worker-1',
  settings: async () => settings,
  now: () => clock,
  random: () => 0.5,
  fetch: web.fetch,
  readPage: async (page) => readFetchedPage(parseHtml(page.html), page),
  hasPermission: async () => true,
  spacingMs: () => settings.hostSpacingSeconds * 1000,
  afterIngest: async (result) => {
    ingested.push(result);
  },
  setAlarm: async (when) => {
    alarms.push(when);
  },
  progress: {
    get: async () => progress,
    set: async (p) => {
      progress = { ...p };
    },
  },
  // Virtual time: waiting is moving the clock.
  sleep: async (ms) => {
    clock += ms;
  },
  ...over,
});

/** A supplier product read by a visit `ago` ms before T0, linked to a selling listing variant of its own. */
async function linkSupplier(id: string, host = 'www.aliexpress.com', ago = 2 * 3600_000) {
  const url = urlOf(id, host);
  const page = readFetchedPage(parseHtml(pageOf(IN_STOCK, id)), {
    html: '',
    url,
    finalUrl: url,
    adapterId: 'aliexpress',
  });
  if (!page.ok) throw new Error('fixture does not read');
  const supplier: Reading = { adapterId: 'aliexpress', role: 'supplier', url, observedAt: T0 - ago, via: 'page', page };
  await ingestReading(db, supplier, settings, T0 - ago);
  const listing = listingReading([{ id, stock: exact(5) }], T0 - ago);
  await ingestReading(db, listing, settings, T0 - ago);
  const listingKey = listing.page.ok ? listing.page.products[0].variants[0].key : '';
  await db.links.put(linkRow(listingKey, [`${keyOf(id)}:${SOLD_OUT_VARIANT}`], T0 - ago));
  return { url, listingKey };
}

const sync = () => syncRecheckQueue(db, settings, clock, () => 0.5);

describe('a re-check with no tab open', () => {
  it('reads a linked supplier page that sold out, ingests it "via recheck" and turns the link critical', async () => {
    const { url, listingKey } = await linkSupplier('1005000000000001');
    expect(await sync()).toEqual({ added: 1, removed: 0 });
    web.serve(url, { body: pageOf(ONE_SOLD_OUT, '1005000000000001') });

    expect(await runRecheck(deps())).toEqual({ reading: 1 });

    const offer = await db.latest.get(`${keyOf('1005000000000001')}:${SOLD_OUT_VARIANT}`);
    expect(offer).toMatchObject({ stock: { kind: 'outOfStock' }, via: 'recheck', observedAt: T0 });
    expect((await db.assessments.get(listingKey))?.status).toBe('oversell-risk');
    expect(ingested[0].changed.map((a) => [a.listingKey, a.status])).toEqual([[listingKey, 'oversell-risk']]);
    const row = await db.recheck.get(keyOf('1005000000000001'));
    expect(row).toMatchObject({ state: 'ok', verifiedAt: T0, verifiedVia: 'recheck', checkedAt: T0 });
    expect(row?.leaseUntil).toBeUndefined();
    // Out of stock while the listing still sells is not "dormant": due again within the base hour.
    expect(row!.dueAt - T0).toBeGreaterThan(0);
    expect(row!.dueAt - T0).toBeLessThanOrEqual(66 * 60_000);
    expect(alarms.at(-1)).toBe(row!.dueAt);
    expect(web.log[0].credentials).toBe('omit');
    expect(progress).toMatchObject({ total: 1, done: 1, finishedAt: expect.any(Number) });
  });

  it('sends cookies only to an origin the seller allowed', async () => {
    const { url } = await linkSupplier('1005000000000001');
    await sync();
    settings = { ...settings, cookieOrigins: ['https://www.aliexpress.com'] };
    web.serve(url, { body: pageOf(IN_STOCK, '1005000000000001') });
    await runRecheck(deps());
    expect(web.log.map((l) => l.credentials)).toEqual(['include']);
  });

  it('leaves a product that was read recently alone until it is due', async () => {
    await linkSupplier('1005000000000001', 'www.aliexpress.com', 10 * 60_000);
    await sync();
    expect(await runRecheck(deps())).toEqual({});
    expect(web.log).toEqual([]);
    const row = await db.recheck.get(keyOf('1005000000000001'));
    expect(alarms.at(-1)).toBe(row!.dueAt);
  });
});

describe('politeness', () => {
  it('spaces requests to one host by the setting, while other hosts go in parallel', async () => {
    const ids = ['1005000000000001', '1005000000000002', '1005000000000003'];
    for (const id of ids) {
      const { url } = await linkSupplier(id);
      web.serve(url, { body: pageOf(IN_STOCK, id) });
    }
    const other = await linkSupplier('1005000000000009', 'es.aliexpress.com');
    web.serve(other.url, { body: pageOf(IN_STOCK, '1005000000000009') });
    await sync();
    settings = { ...settings, hostSpacingSeconds: 10 };

    expect(await runRecheck(deps(), 600_000)).toEqual({ reading: 4 });
    const www = web.log.filter((l) => l.url.includes('www.')).map((l) => l.at - T0);
    expect(www).toHaveLength(3);
    expect(www[1] - www[0]).toBeGreaterThanOrEqual(10_000);
    expect(www[2] - www[1]).toBeGreaterThanOrEqual(10_000);
    // The other host did not wait behind the first one.
    expect(web.fetchesOf(other.url)[0].at).toBe(T0);
  });

  it('backs off on 429 honouring Retry-After, then stops the host at a captcha and says why', async () => {
    const { url } = await linkSupplier('1005000000000001');
    const second = await linkSupplier('1005000000000002');
    await sync();
    web.serve(
      url,
      { status: 429, headers: { 'Retry-After': '600' } },
      { status: 200, body: CAPTCHA }, // the wall, served under the product URL as the host's firewall does
    );
    web.serve(second.url, { body: pageOf(IN_STOCK, '1005000000000002') });

    expect(await runRecheck(deps())).toEqual({ backoff: 1 });
    const host = await db.hosts.get('www.aliexpress.com');
    expect(host).toMatchObject({ backoffLevel: 1, lastStatus: 429, nextAllowedAt: T0 + 600_000 });
    // Nothing else goes to that host during the back-off, not even the other product.
    expect(web.log.map((l) => l.url)).toEqual([url]);
    expect(alarms.at(-1)).toBe(T0 + 600_000);

    clock = T0 + 600_000;
    const summary = await runRecheck(deps());
    expect(summary).toEqual({ 'stop-host': 1 });
    expect(web.fetchesOf(url).map((l) => l.at - T0)).toEqual([0, 600_000]);
    const stopped = await db.hosts.get('www.aliexpress.com');
    expect(stopped?.stopped).toMatchObject({ url, detail: expect.stringContaining('captcha') });
    expect(stopped?.stopped?.evidence).toContain('reason:captcha');
    expect(await db.recheck.get(keyOf('1005000000000001'))).toMatchObject({
      state: 'failed',
      detail: expect.stringContaining('captcha'),
      evidence: expect.arrayContaining(['reason:captcha']),
    });
    // A captcha is no reading: the stock stays as last seen, not unknown, not zero.
    const offer = await db.latest.get(`${keyOf('1005000000000001')}:${SOLD_OUT_VARIANT}`);
    expect(offer).toMatchObject({ stock: { kind: 'exact', qty: 287 }, via: 'page' });
    expect(offer?.failure).toBeUndefined();

    // Stopped means stopped: hours later nothing goes to that host, and no alarm is set for it.
    clock = T0 + 5 * 3600_000;
    expect(await runRecheck(deps())).toEqual({});
    expect(web.log).toHaveLength(2);
    expect(alarms.at(-1)).toBeNull();
  });

  it('stops at the daily cap and wakes the next day', async () => {
    for (const id of ['1005000000000001', '1005000000000002']) {
      const { url } = await linkSupplier(id, `h${id.slice(-1)}.aliexpress.com`);
      web.serve(url, { body: pageOf(IN_STOCK, id) });
    }
    await sync();
    settings = { ...settings, recheckDailyCap: 1 };
    expect(await runRecheck(deps())).toEqual({ reading: 1 });
    expect(progress?.capped).toBe(true);
    expect(alarms.at(-1)).toBe(Math.ceil((T0 + 1) / 86_400_000) * 86_400_000);
  });

  it('asks for the permission instead of failing silently, and counts no request', async () => {
    await linkSupplier('1005000000000001');
    await sync();
    expect(await runRecheck(deps({ hasPermission: async () => false }))).toEqual({ 'needs-permission': 1 });
    expect(web.log).toEqual([]);
    expect(await db.recheck.get(keyOf('1005000000000001'))).toMatchObject({
      state: 'needs-permission',
      detail: 'https://www.aliexpress.com',
    });
    expect((await db.hosts.get('www.aliexpress.com'))?.dayCount).toBe(0);
  });

  it('does nothing while the seller has paused re-checks', async () => {
    await linkSupplier('1005000000000001');
    await sync();
    settings = { ...settings, recheckPaused: true };
    expect(await runRecheck(deps())).toEqual({});
    expect(web.log).toEqual([]);
    expect(alarms).toEqual([null]);
  });
});

describe('pages a fetch cannot read', () => {
  it('lists a client-rendered page for a visit and keeps its stock as it was (not unknown, not zero)', async () => {
    const { url, listingKey } = await linkSupplier('1005000000000001');
    await sync();
    web.serve(url, { body: SHELL_ONLY });
    expect(await runRecheck(deps())).toEqual({ 'needs-visit': 1 });
    const row = await db.recheck.get(keyOf('1005000000000001'));
    expect(row).toMatchObject({ state: 'needs-visit', detail: expect.stringContaining('AliExpress') });
    expect(row!.dueAt - T0).toBe(24 * 3600_000);
    const offer = await db.latest.get(`${keyOf('1005000000000001')}:${SOLD_OUT_VARIANT}`);
    expect(offer?.failure).toBeUndefined();
    expect((await db.assessments.get(listingKey))?.status).not.toBe('unreadable');
  });

  it('retries a server error on the product alone, backing off 5, 10, 20 min', async () => {
    const { url } = await linkSupplier('1005000000000001');
    await sync();
    web.serve(url, { status: 500 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await runRecheck(deps(), 1000);
      const row = await db.recheck.get(keyOf('1005000000000001'));
      waits.push(row!.dueAt - clock);
      clock = row!.dueAt;
    }
    expect(waits).toEqual([5, 10, 20].map((m) => m * 60_000));
  });
});

describe('a worker killed mid-queue', () => {
  it('finishes the queue after a restart with no product fetched twice', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `100500000000001${i}`);
    for (const id of ids) {
      const { url } = await linkSupplier(id);
      web.serve(url, { body: pageOf(ONE_SOLD_OUT, id) });
    }
    await sync();
    // The first worker dies after its third fetch went out: the answer never comes back, and nothing of
    // that worker runs again (its fetch and its timers never settle).
    let sent = 0;
    const never = () => new Promise<never>(() => {});
    const dying = (async (input: string, init?: RequestInit) => {
      sent += 1;
      const response = await web.fetch(input, init);
      return sent === 3 ? never() : response;
    }) as typeof fetch;
    const deadSleep = async (ms: number) => {
      if (sent >= 3) return never();
      clock += ms;
    };
    void runRecheck(deps({ fetch: dying, sleep: deadSleep, worker: 'dead' }), 600_000);
    await waitUntil(() => sent === 3);

    // The restarted worker, a few seconds later: the dead one's lease keeps its in-flight product out.
    clock += 5_000;
    await runRecheck(deps({ worker: 'restarted' }), 60_000);
    expect(new Set(web.log.map((l) => l.url)).size).toBe(web.log.length);
    expect(web.log).toHaveLength(6);
    // The dead worker's request died with it: its host waits out the spacing, not the whole lease.
    const gap = web.log[3].at - web.log[2].at;
    expect(gap).toBeGreaterThanOrEqual(10_000);
    expect(gap).toBeLessThan(LEASE_MS);
    const leased = (await db.recheck.toArray()).filter((r) => r.leaseUntil);
    expect(leased).toHaveLength(1);

    // Only after the lease runs out is that one product fetched again (its answer was lost with the worker).
    clock = leased[0].leaseUntil! + 1;
    await runRecheck(deps({ worker: 'restarted' }), 60_000);
    expect(web.log).toHaveLength(7);
    expect(web.fetchesOf(leased[0].url)).toHaveLength(2);
    expect((await db.recheck.toArray()).every((r) => r.state === 'ok' && !r.leaseUntil)).toBe(true);
    expect(LEASE_MS).toBeGreaterThan(30_000);
  });
});

async function waitUntil(probe: () => boolean) {
  for (let i = 0; i < 1000 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!probe()) throw new Error('timed out');
}
