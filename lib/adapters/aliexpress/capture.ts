// The current (2024+) item page is an HTML shell whose data arrives in the response of one lib-mtop call,
// mtop.aliexpress.pdp.pc.query. A page-world script (entrypoints/aliexpress-mtop.content.ts) posts that
// response to the content script; this module decides which messages to believe and writes the accepted
// payload into the document, where the adapter reads it like any embedded JSON (read stays pure).
// Nothing here imports a reader: the page-world script takes its constants from this file.

export const PDP_API = 'mtop.aliexpress.pdp.pc.query';
export const CAPTURE_SOURCE = 'oversell-guard';
export const CAPTURE_KIND = 'aliexpress-pdp';
/** The element the bridge writes and the adapter reads. */
export const CAPTURE_SELECTOR = `script[type="application/json"][data-oversell-guard-capture="${PDP_API}"]`;
/** Item pages of every locale subdomain (es., de., fr., m.); aliexpress.ru is a separate site and left out. */
export const ITEM_PAGE_MATCHES = [
  '*://*.aliexpress.com/item/*',
  '*://aliexpress.com/item/*',
  '*://*.aliexpress.us/item/*',
  '*://aliexpress.us/item/*',
];

/** Real responses are 50-800 KB; anything past this is not one. */
export const MAX_CAPTURE_CHARS = 3 * 1024 * 1024;
/** A pdp response about a product carries at least one of these modules in `data.result`. */
const PRODUCT_MODULES = ['SKU', 'PRICE', 'PRODUCT_TITLE', 'GLOBAL_DATA', 'QUANTITY_PC'];

type Json = Record<string, unknown>;
/** A record created by a literal or JSON (its prototype is some realm's Object.prototype, or none). */
const isPlainRecord = (v: unknown): v is Json => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
};
const own = (v: Json, key: string): unknown => (Object.hasOwn(v, key) ? v[key] : undefined);

interface CaptureEvent {
  source: unknown;
  origin: string;
  data: unknown;
}

/**
 * The JSON text to write for a message from this page's own window and origin that carries a pdp response,
 * or null. The text is re-parsed and checked, so getters, prototypes and toJSON tricks end as plain data.
 */
export function acceptCapture(event: CaptureEvent, page: { location: { origin: string } }): string | null {
  if (event.source !== page || event.origin !== page.location.origin) return null;
  const message = event.data;
  if (!isPlainRecord(message) || own(message, 'source') !== CAPTURE_SOURCE || own(message, 'kind') !== CAPTURE_KIND)
    return null;
  const payload = own(message, 'payload');
  if (!isPlainRecord(payload)) return null;
  let text: string;
  let copy: unknown;
  try {
    text = JSON.stringify(payload);
    if (typeof text !== 'string' || text.length > MAX_CAPTURE_CHARS) return null;
    copy = JSON.parse(text);
  } catch {
    return null; // cycles, BigInt, a throwing getter
  }
  if (!isPlainRecord(copy)) return null;
  const api = own(copy, 'api');
  const data = own(copy, 'data');
  const result = isPlainRecord(data) ? own(data, 'result') : undefined;
  if ((api !== undefined && api !== PDP_API) || !isPlainRecord(result)) return null;
  return PRODUCT_MODULES.some((m) => isPlainRecord(own(result, m))) ? text : null;
}

/** Writes (or replaces) the capture element; textContent only, so nothing in it is ever parsed as HTML. */
export function writeCapture(doc: Document, json: string): void {
  for (const old of Array.from(doc.querySelectorAll(CAPTURE_SELECTOR))) old.remove();
  const el = doc.createElement('script');
  el.setAttribute('type', 'application/json');
  el.setAttribute('data-oversell-guard-capture', PDP_API);
  el.textContent = json;
  (doc.head ?? doc.documentElement).append(el);
}
