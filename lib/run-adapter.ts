// Content-script side of an adapter: read the page, send the Reading, re-read when a single-page app
// renders late or navigates. Kept free of zod, Dexie and React (content-script budget: 40 KB).

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Adapter, adapterMatches } from './adapters/define';
import { chipEnabled, showChip } from './chip';
import type { ReadingMessage, ReadingReply, Reply } from './messages';
import type { PageRead, Reading } from './model';

/** How long to wait for late data (client-rendered pages) before reporting what we have. */
const SETTLE_MS = 8000;
/** Re-read at most this often while waiting for late data. */
const REREAD_EVERY_MS = 400;

/** Runs the adapter's pure `read`, turning a thrown bug into an unreadable page, never a wrong stock. */
export function readPage(adapter: Adapter, doc: Document, url: URL): { page: PageRead; readMs: number } {
  const t0 = performance.now();
  let page: PageRead;
  try {
    page = adapter.read(doc, url);
  } catch (error) {
    console.error(`[oversell-guard] ${adapter.id} failed on ${url.href}`, error);
    page = {
      ok: false,
      reason: 'layout-changed',
      detail: `${adapter.name}: the page could not be read (${String(error)})`,
    };
  }
  return { page, readMs: Math.round((performance.now() - t0) * 100) / 100 };
}

/** What one read of the page gave, and which adapter gave it. */
interface PageOutcome {
  adapter: Adapter;
  page: PageRead;
  readMs: number;
}

/**
 * Reads with the first candidate that recognises the page: generic store adapters (Shopify, WooCommerce,
 * schema.org) each say `not-a-product-page` for pages that are not theirs, so the next one gets its turn.
 */
export function readFirst(candidates: readonly Adapter[], doc: Document, url: URL): PageOutcome {
  let outcome: PageOutcome | undefined;
  for (const adapter of candidates) {
    outcome = { adapter, ...readPage(adapter, doc, url) };
    if (outcome.page.ok || outcome.page.reason !== 'not-a-product-page') return outcome;
  }
  if (!outcome) throw new Error('readFirst needs at least one adapter');
  return outcome;
}

export function runAdapter(adapter: Adapter, ctx: ContentScriptContext): void {
  runAdapters([adapter], ctx);
}

export function runAdapters(candidates: readonly Adapter[], ctx: ContentScriptContext): void {
  let lastSent = '';
  const readAndSend = async () => {
    const url = new URL(location.href);
    const applicable = candidates.filter((a) => adapterMatches(a, url));
    if (applicable.length === 0) return;
    const { adapter, page, readMs } = await settledRead(applicable, ctx);
    // Browsing a store's other pages (home, cart, blog) is not news: only product pages are reported.
    if (ctx.isInvalid || (!page.ok && page.reason === 'not-a-product-page')) return;
    const fingerprint = `${url.href}\n${JSON.stringify(page)}`;
    if (fingerprint === lastSent) return;
    lastSent = fingerprint;
    const reading: Reading = {
      adapterId: adapter.id,
      role: adapter.role,
      url: url.href,
      observedAt: Date.now(),
      via: 'page',
      page,
      readMs,
    };
    const message: ReadingMessage = { type: 'reading', reading };
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply<ReadingReply> | undefined;
      if (reply && !reply.ok) console.warn(`[oversell-guard] reading refused: ${reply.error}`);
      if (reply?.ok && adapter.role === 'supplier' && (await chipEnabled())) {
        showChip({ siteName: adapter.name, page, readMs, linkedVariants: reply.linkedVariants });
      }
    } catch (error) {
      // The extension was reloaded or updated under this page: nothing to do until the next visit.
      if (!ctx.isInvalid) console.warn('[oversell-guard] could not send the reading', error);
    }
  };
  void readAndSend();
  // Single-page apps (Shopify admin) change URL without a reload.
  ctx.addEventListener(window, 'wxt:locationchange', () => void readAndSend());
}

/**
 * Reads now; if the page is not readable yet (client-rendered data still arriving), re-reads on DOM
 * changes, throttled, until it reads or SETTLE_MS pass. The observer is always disconnected after.
 */
function settledRead(candidates: readonly Adapter[], ctx: ContentScriptContext): Promise<PageOutcome> {
  const read = () => readFirst(candidates, document, new URL(location.href));
  const first = read();
  // Only a page that looks like its product page but lacks the data yet is worth waiting for.
  if (first.page.ok || first.page.reason !== 'layout-changed') {
    return Promise.resolve(first);
  }
  return new Promise((resolve) => {
    let latest = first;
    let pending: number | undefined;
    const finish = () => {
      observer.disconnect();
      clearTimeout(pending);
      clearTimeout(deadline);
      resolve(latest);
    };
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = undefined;
        latest = read();
        if (latest.page.ok) finish();
      }, REREAD_EVERY_MS);
    });
    const deadline = ctx.setTimeout(finish, SETTLE_MS);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}
