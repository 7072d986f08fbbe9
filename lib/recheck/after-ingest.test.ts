// lib/recheck.ts wired as the background wires it: a re-check's reading goes through the one afterChange a page's
// reading goes through, so the seller is notified once per link that turns critical (not once by the run and
// again by afterChange), the auto-pause/resume rules hear of it, and the queue row is moved once.
import { DOMParser as LinkedomParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { linkRow, listingReading, T0 } from '../../tests/factories';
import { loadFixtures } from '../../tests/fixtures';
import { OversellDb } from '../db';
import { exact } from '../extract/stock';
import { type IngestResult, ingestReading } from '../ingest';
import { type Assessment, DEFAULT_SETTINGS, type Reading } from '../model';
import { createRechecks, type Rechecks } from '../recheck';
import { noteSupplierReading } from './sync';

// Counted, not replaced: the run (check-one.ts) and afterChange share this one module.
vi.mock('./sync', async (importOriginal) => {
  const real = await importOriginal<typeof import('./sync')>();
  return { ...real, noteSupplierReading: vi.fn(real.noteSupplierReading) };
});

const fixture = (name: string) => loadFixtures().find((c) => c.adapterId === 'aliexpress' && c.name === name)!;
const IN_STOCK = fixture('old-layout-in-stock');
const ONE_SOLD_OUT = fixture('old-layout-one-sold-out');
const SOLD_OUT_VARIANT = '14:193;5:361386';

let db: OversellDb;
let rechecks: Rechecks;
/** What the background's afterChange heard: every ingest, page or re-check. */
let heard: { via?: string; changed: Assessment[] }[];
let rulesHeard: Assessment[][];
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new OversellDb(`recheck-after-ingest-${n++}`);
  await db.open();
  heard = [];
  rulesHeard = [];
  // The background's afterChange, in its order: (badge,) notifications and queue, then the rules.
  const afterChange = async (result: IngestResult | null, reading?: Reading) => {
    heard.push({ via: reading?.via, changed: result?.changed ?? [] });
    await rechecks.afterChange(result, reading);
    if (result?.changed.length) rulesHeard.push(result.changed);
  };
  rechecks = createRechecks(db, afterChange);
  vi.spyOn(browser.permissions, 'contains').mockImplementation((async () => true) as never);
  vi.spyOn(browser.notifications, 'getAll').mockImplementation((async () => ({})) as never);
  vi.spyOn(browser.notifications, 'create').mockImplementation((async () => '') as never);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) => key) as typeof browser.i18n.getMessage);
  // No DOM in Node: the background page's DOMParser path (Firefox) with linkedom's parser.
  vi.stubGlobal('DOMParser', LinkedomParser);
  vi.stubGlobal('fetch', async () => new Response(ONE_SOLD_OUT.html, { status: 200 }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  db.close();
});

/** The supplier read in stock by a visit, a listing selling 5, linked: the queue holds the supplier product. */
async function linked(): Promise<string> {
  const page = IN_STOCK.expected;
  const productKey = page.ok ? page.products[0].key : '';
  const visit: Reading = {
    adapterId: 'aliexpress',
    role: 'supplier',
    url: IN_STOCK.url,
    observedAt: T0,
    via: 'page',
    page,
  };
  await ingestReading(db, visit, DEFAULT_SETTINGS, T0);
  const listing = listingReading([{ id: '1', stock: exact(5) }], T0);
  await ingestReading(db, listing, DEFAULT_SETTINGS, T0);
  const listingKey = listing.page.ok ? listing.page.products[0].variants[0].key : '';
  await db.links.put(linkRow(listingKey, [`${productKey}:${SOLD_OUT_VARIANT}`]));
  await rechecks.afterChange(null);
  return listingKey;
}

describe('a background re-check', () => {
  it('goes through the page path once: one notification, the rules told once, the queue row moved once', async () => {
    const listingKey = await linked();
    expect(await db.recheck.count()).toBe(1);
    vi.mocked(noteSupplierReading).mockClear();
    heard = [];

    await rechecks.now();
    // The run ends by writing its progress as finished (and setting the next alarm).
    await vi.waitFor(
      async () =>
        expect((await browser.storage.local.get('recheckProgress')).recheckProgress).toHaveProperty('finishedAt'),
      { timeout: 5000 },
    );
    await vi.waitFor(() => expect(rulesHeard).toHaveLength(1));
    expect(heard).toHaveLength(1);

    expect(heard[0]).toMatchObject({
      via: 'recheck',
      changed: [expect.objectContaining({ listingKey, status: 'oversell-risk' })],
    });
    expect(rulesHeard).toEqual([[expect.objectContaining({ listingKey, status: 'oversell-risk' })]]);
    expect(browser.notifications.create).toHaveBeenCalledOnce();
    expect(browser.notifications.create).toHaveBeenCalledWith(`critical:${listingKey}`, expect.anything());
    expect(noteSupplierReading).toHaveBeenCalledOnce();
    expect((await db.recheck.toArray())[0]).toMatchObject({ verifiedVia: 'recheck', state: 'ok' });
  });
});
