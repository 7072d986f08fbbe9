import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LISTING_URL, listingReading, SUPPLIER_PRODUCT, SUPPLIER_URL, supplierReading, T0 } from '../tests/factories';
import { OversellDb } from './db';
import { exact } from './extract/stock';
import { DEFAULT_SETTINGS, type Reading } from './model';
import { type ReceiveDeps, receiveMessage, type Sender, sameDocument, TabRateLimiter } from './receive';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
let db: OversellDb;
let deps: ReceiveDeps;
let n = 0;

beforeEach(async () => {
  db = new OversellDb(`receive-test-${n++}`);
  await db.open();
  deps = {
    db,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    settings: async () => DEFAULT_SETTINGS,
    now: () => T0,
    afterChange: vi.fn(async () => {}),
    rateLimiter: new TabRateLimiter(3, 60_000),
    sites: { watch: vi.fn(async () => {}), unwatch: vi.fn(async () => {}) },
    openPopupFor: vi.fn(async () => {}),
  };
});

const fromTab = (url: string, tabId = 7): Sender => ({ id: ID, tab: { id: tabId, url }, frameId: 0, url });
const fromPopup: Sender = { id: ID, url: `${ORIGIN}popup.html` };
const reading = (r: Reading) => ({ type: 'reading', reading: r });
const stored = async () => ({ latest: await db.latest.count(), pages: await db.pages.count() });

describe('receiveMessage', () => {
  it('stores a reading from the tab it describes and tells how much of it is linked', async () => {
    const reply = await receiveMessage(
      reading(supplierReading([{ id: '1' }, { id: '2' }])),
      fromTab(SUPPLIER_URL),
      deps,
    );
    expect(reply).toEqual({ ok: true, variants: 2, linkedVariants: 0 });
    expect(await stored()).toEqual({ latest: 2, pages: 1 });
    expect(deps.afterChange).toHaveBeenCalledOnce();
  });

  it('ignores the fragment when matching the tab URL (single-page apps)', async () => {
    const reply = await receiveMessage(
      reading(listingReading([{ id: '1' }])),
      fromTab(`${LISTING_URL}#variants`),
      deps,
    );
    expect(reply.ok).toBe(true);
  });

  const junk = 'x'.repeat(5 * 1024 * 1024);
  const bad: [string, unknown, Sender, RegExp][] = [
    [
      'another extension',
      reading(supplierReading([{ id: '1' }])),
      { ...fromTab(SUPPLIER_URL), id: 'evil' },
      /not this extension/,
    ],
    ['a malformed message', { type: 'reading', reading: { url: 42 } }, fromTab(SUPPLIER_URL), /malformed/],
    ['an unknown message type', { type: 'drop-tables' }, fromTab(SUPPLIER_URL), /malformed/],
    ['a message that is not an object', 'hello', fromTab(SUPPLIER_URL), /malformed/],
    [
      'a reading claiming another tab URL',
      reading(supplierReading([{ id: '1' }])),
      fromTab('https://www.aliexpress.com/item/1.html'),
      /not the sender tab/,
    ],
    [
      'a reading from a sub-frame',
      reading(supplierReading([{ id: '1' }])),
      { ...fromTab(SUPPLIER_URL), frameId: 3 },
      /top frame/,
    ],
    ['a reading from no tab', reading(supplierReading([{ id: '1' }])), fromPopup, /from a tab/],
    [
      'a re-check claimed by a page',
      reading({ ...supplierReading([{ id: '1' }]), via: 'recheck' }),
      fromTab(SUPPLIER_URL),
      /via recheck/,
    ],
    [
      'a reading by the wrong adapter',
      reading({ ...supplierReading([{ id: '1' }]), adapterId: 'shopify-admin' }),
      fromTab(SUPPLIER_URL),
      /does not read/,
    ],
    [
      'a listing role claimed by a supplier page',
      reading({ ...supplierReading([{ id: '1' }]), role: 'listing' }),
      fromTab(SUPPLIER_URL),
      /does not read/,
    ],
    ['5 MB of junk', { type: 'reading', reading: { junk } }, fromTab(SUPPLIER_URL), /over the .* limit/],
    ['a message that cannot be serialised', { type: 'reading', n: 1n }, fromTab(SUPPLIER_URL), /not serialisable/],
    [
      'a content script saving a link',
      {
        type: 'link:save',
        listingKey: 'shopify:a:1:2',
        suppliers: [{ offerKey: 'aliexpress:1:2', priority: 0, unitsPerSale: 1 }],
      },
      fromTab(SUPPLIER_URL),
      /only comes from the popup/,
    ],
  ];
  it.each(bad)('drops %s, stores nothing and says why', async (_, message, sender, why) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await receiveMessage(message, sender, deps);
    expect(reply.ok).toBe(false);
    expect(reply.ok === false && reply.error).toMatch(why);
    expect(warn).toHaveBeenCalledOnce();
    expect(await stored()).toEqual({ latest: 0, pages: 0 });
    expect(await db.links.count()).toBe(0);
    warn.mockRestore();
  });

  it("refuses keys outside the adapter's own namespace", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = supplierReading([{ id: '1' }]);
    if (!r.page.ok) throw new Error('fixture');
    const foreign = structuredClone(r);
    if (foreign.page.ok) foreign.page.products[0].key = 'shopify:acme:1';
    expect((await receiveMessage(reading(foreign), fromTab(SUPPLIER_URL), deps)).ok).toBe(false);
    const stray = structuredClone(r);
    if (stray.page.ok) stray.page.products[0].variants[0].key = 'aliexpress:999:1';
    expect((await receiveMessage(reading(stray), fromTab(SUPPLIER_URL), deps)).ok).toBe(false);
    expect(await stored()).toEqual({ latest: 0, pages: 0 });
  });

  it('rate-limits a tab that floods readings, and not the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const send = (tabId: number) =>
      receiveMessage(reading(supplierReading([{ id: '1' }])), fromTab(SUPPLIER_URL, tabId), deps);
    const replies = [await send(1), await send(1), await send(1), await send(1), await send(2)];
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, false, true]);
  });

  it('saves a link from the popup and assesses it at once', async () => {
    await receiveMessage(reading(listingReading([{ id: '41001', stock: exact(4) }])), fromTab(LISTING_URL), deps);
    await receiveMessage(reading(supplierReading([{ id: '9', stock: exact(0) }])), fromTab(SUPPLIER_URL), deps);
    const listingKey = 'shopify:acme-goods:8123456789:41001';
    const save = {
      type: 'link:save',
      listingKey,
      suppliers: [{ offerKey: `${SUPPLIER_PRODUCT}:9`, priority: 0, unitsPerSale: 1 }],
    };
    expect(await receiveMessage(save, fromPopup, deps)).toEqual({ ok: true, saved: 1 });
    expect(await db.links.get(listingKey)).toMatchObject({ offerKeys: [`${SUPPLIER_PRODUCT}:9`], createdAt: T0 });
    expect((await db.assessments.get(listingKey))?.status).toBe('oversell-risk');

    expect(await receiveMessage({ type: 'link:delete', listingKey }, fromPopup, deps)).toEqual({ ok: true });
    expect((await db.assessments.get(listingKey))?.status).toBe('unlinked');
  });

  it('refuses a link whose suppliers share a priority', async () => {
    const save = {
      type: 'link:save',
      listingKey: 'shopify:a:1:2',
      suppliers: [
        { offerKey: 'aliexpress:1:1', priority: 0, unitsPerSale: 1 },
        { offerKey: 'aliexpress:1:2', priority: 0, unitsPerSale: 1 },
      ],
    };
    expect(await receiveMessage(save, fromPopup, deps)).toEqual({ ok: false, error: 'two suppliers share a priority' });
  });

  it('saves a mapping of several variants in one batch, or none of it when one link is wrong', async () => {
    const link = (id: string, offer: string) => ({
      listingKey: `shopify:a:1:${id}`,
      suppliers: [{ offerKey: `aliexpress:1:${offer}`, priority: 0, unitsPerSale: 1 }],
    });
    const bad = { listingKey: 'shopify:a:1:3', suppliers: [link('3', 'x').suppliers[0], link('3', 'x').suppliers[0]] };
    bad.suppliers[1] = { ...bad.suppliers[1], priority: 1 };
    expect(await receiveMessage({ type: 'links:save', links: [link('1', 'a'), bad] }, fromPopup, deps)).toEqual({
      ok: false,
      error: 'shopify:a:1:3: the same supplier variant is listed twice',
    });
    expect(await db.links.count()).toBe(0);

    const batch = { type: 'links:save', links: [link('1', 'a'), link('2', 'b')] };
    expect(await receiveMessage(batch, fromPopup, deps)).toEqual({ ok: true, saved: 2 });
    expect((await db.links.toArray()).map((l) => l.offerKeys)).toEqual([['aliexpress:1:a'], ['aliexpress:1:b']]);
    expect(await db.assessments.count()).toBe(2);
    expect(await receiveMessage({ ...batch, links: [] }, fromPopup, deps)).toMatchObject({ ok: false });
  });
});

describe('the chip', () => {
  it('opens the popup for the tab it sits on', async () => {
    expect(await receiveMessage({ type: 'popup:open' }, fromTab(SUPPLIER_URL, 9), deps)).toEqual({ ok: true });
    expect(deps.openPopupFor).toHaveBeenCalledWith(9);
  });
});

describe('watching a site', () => {
  it('passes the origin and tab on from the popup, and refuses the same from a page', async () => {
    const watch = { type: 'site:watch', origin: 'https://shop.example.com', tabId: 4 };
    expect(await receiveMessage(watch, fromPopup, deps)).toEqual({ ok: true });
    expect(deps.sites.watch).toHaveBeenCalledWith('https://shop.example.com', 4);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await receiveMessage(watch, fromTab(SUPPLIER_URL), deps)).ok).toBe(false);
    expect(deps.sites.watch).toHaveBeenCalledOnce();
  });

  it('reports a failed registration in words', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    deps.sites.watch = vi.fn(async () => {
      throw new Error('no permission for https://shop.example.com: grant it from the popup first');
    });
    const reply = await receiveMessage({ type: 'site:watch', origin: 'https://shop.example.com' }, fromPopup, deps);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('grant it from the popup first') });
  });
});

describe('sameDocument', () => {
  it.each([
    ['https://a.com/x#1', 'https://a.com/x#2', true],
    ['https://a.com/x?q=1', 'https://a.com/x?q=2', false],
    ['https://a.com/x', 'https://b.com/x', false],
    ['nonsense', 'https://a.com/', false],
  ])('%s vs %s -> %s', (a, b, same) => expect(sameDocument(a, b)).toBe(same));
});

describe('setting a problem aside', () => {
  const listingKey = 'shopify:acme-goods:8123456789:41001';
  beforeEach(async () => {
    await receiveMessage(reading(listingReading([{ id: '41001', stock: exact(4) }])), fromTab(LISTING_URL), deps);
    await receiveMessage(reading(supplierReading([{ id: '9', stock: exact(0) }])), fromTab(SUPPLIER_URL), deps);
    const suppliers = [{ offerKey: `${SUPPLIER_PRODUCT}:9`, priority: 0, unitsPerSale: 1 }];
    await receiveMessage({ type: 'link:save', listingKey, suppliers }, fromPopup, deps);
    vi.mocked(deps.afterChange).mockClear();
  });

  it('snoozes a problem for a while against its current status, and the badge is told', async () => {
    const until = T0 + 3600_000;
    expect(await receiveMessage({ type: 'problem:snooze', listingKey, until }, fromPopup, deps)).toEqual({ ok: true });
    expect(await db.snoozes.get(listingKey)).toEqual({
      listingKey,
      until,
      status: 'oversell-risk',
      kind: 'snooze',
      at: T0,
    });
    expect(deps.afterChange).toHaveBeenCalledOnce();
  });

  it('snoozes until the status changes when no time is given, and acknowledges the same way', async () => {
    await receiveMessage({ type: 'problem:snooze', listingKey, until: 'change' }, fromPopup, deps);
    expect(await db.snoozes.get(listingKey)).toEqual({ listingKey, status: 'oversell-risk', kind: 'snooze', at: T0 });
    await receiveMessage({ type: 'problem:acknowledge', listingKey }, fromPopup, deps);
    expect(await db.snoozes.get(listingKey)).toEqual({
      listingKey,
      status: 'oversell-risk',
      kind: 'acknowledge',
      at: T0,
    });
  });

  it('shows a problem again on unsnooze', async () => {
    await receiveMessage({ type: 'problem:acknowledge', listingKey }, fromPopup, deps);
    expect(await receiveMessage({ type: 'problem:unsnooze', listingKey }, fromPopup, deps)).toEqual({ ok: true });
    expect(await db.snoozes.count()).toBe(0);
  });

  it('refuses in words: a past or far-off time, an unknown listing, a page', async () => {
    const cases: [unknown, Sender, RegExp][] = [
      [{ type: 'problem:snooze', listingKey, until: T0 - 1 }, fromPopup, /must end in the future/],
      [{ type: 'problem:snooze', listingKey, until: T0 + 400 * 24 * 3600_000 }, fromPopup, /within a year/],
      [{ type: 'problem:snooze', listingKey, until: 'tomorrow' }, fromPopup, /malformed message: until/],
      [
        { type: 'problem:acknowledge', listingKey: 'shopify:x:1:1' },
        fromPopup,
        /no problem is known for shopify:x:1:1/,
      ],
      [{ type: 'problem:acknowledge', listingKey }, fromTab(LISTING_URL), /only comes from the popup or options/],
    ];
    for (const [message, sender, error] of cases) {
      const reply = await receiveMessage(message, sender, deps);
      expect(reply.ok, JSON.stringify(message)).toBe(false);
      expect((reply as { error: string }).error).toMatch(error);
    }
    expect(await db.snoozes.count()).toBe(0);
    expect(deps.afterChange).not.toHaveBeenCalled();
  });

  it('refuses to set aside a listing that has no problem', async () => {
    await receiveMessage(
      reading(supplierReading([{ id: '9', stock: exact(50) }], T0 + 1)),
      fromTab(SUPPLIER_URL),
      deps,
    );
    expect((await db.assessments.get(listingKey))?.status).toBe('ok');
    expect(await receiveMessage({ type: 'problem:acknowledge', listingKey }, fromPopup, deps)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/has no problem now/),
    });
  });
});
