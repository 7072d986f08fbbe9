// The one shape every site adapter has. `read` is pure: a document and its URL in, a PageRead out;
// it never stores, sends or waits, so the same code runs in content scripts, the offscreen
// document (background re-checks), Node (tests, `npm run extract`) and the benchmarks.
import type { PageRead, Role } from '../model';

export interface Adapter {
  /** kebab-case; the folder name under lib/adapters/ and the fixtures folder under tests/fixtures/. */
  id: string;
  /** Shown to the seller: "AliExpress", "Shopify admin". */
  name: string;
  role: Role;
  /** What every product key this adapter makes starts with (`shopify` for shopify-admin); default: the id. */
  keyPrefix?: string;
  /**
   * Match patterns of the pages this adapter reads. Static adapters get a manifest content script for them;
   * `dynamic` ones (any Shopify or WooCommerce store) are registered at run time, only for the origins the
   * seller grants ("Watch this site"), so their patterns may be as wide as any host with a /products/ path.
   */
  matches: string[];
  dynamic?: boolean;
  /** A finer check than match patterns can express (".html" suffixes, query parameters). */
  test?: (url: URL) => boolean;
  read: (doc: Document, url: URL) => PageRead;
}

export function defineAdapter(adapter: Adapter): Adapter {
  return adapter;
}

/** Turns a manifest match pattern into a RegExp (scheme, host with leading `*.`, path with `*`). */
export function matchPatternToRegExp(pattern: string): RegExp {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Unsupported match pattern: ${pattern}`);
  const [, scheme, host, path] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : scheme;
  const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `(?:[^/]+\\.)?${esc(host.slice(2))}` : esc(host);
  const pathRe = path.split('*').map(esc).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`);
}

/** Does this adapter apply to this URL (match patterns, then its own test)? */
export function adapterMatches(adapter: Adapter, url: URL): boolean {
  const href = url.href;
  const matched = adapter.matches.some((p) => matchPatternToRegExp(p).test(href));
  return matched && (adapter.test ? adapter.test(url) : true);
}
