// Reads a fetched supplier page with the very adapter that reads it in a tab. The HTML is parsed by
// DOMParser: in the offscreen document on Chrome (service workers have no DOM), in the background page on
// Firefox. Scripts never run in a parsed document, so pages that render their data in the browser read as
// layout-changed, and the queue lists them for a real visit.
import { adapterById } from '../adapters';
import { adapterMatches } from '../adapters/define';
import type { PageRead } from '../model';

export interface FetchedPage {
  html: string;
  /** The URL that was asked for (the product's). */
  url: string;
  /** Where redirects ended: a bot wall or a login page often lives under another path or host. */
  finalUrl: string;
  adapterId: string;
}

export function readFetchedPage(doc: Document, page: FetchedPage): PageRead {
  const adapter = adapterById(page.adapterId);
  if (!adapter) return { ok: false, reason: 'not-a-product-page', detail: `No adapter "${page.adapterId}"` };
  const final = new URL(page.finalUrl);
  // Redirected somewhere this adapter reads (its captcha path, a locale host): read it there, as a tab would.
  if (adapterMatches(adapter, final)) return adapter.read(doc, final);
  if (final.href === new URL(page.url).href) return adapter.read(doc, final);
  return {
    ok: false,
    reason: 'not-a-product-page',
    detail: `The page sent Oversell Guard to ${final.host}${final.pathname}: open it in a tab`,
  };
}

/** Parses and reads in this realm: Firefox's background page, the offscreen document, tests with a DOMParser. */
export function readWithDomParser(page: FetchedPage): PageRead {
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  return readFetchedPage(doc, page);
}
