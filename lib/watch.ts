// "Watch this site": the seller grants one origin (a Shopify or WooCommerce store, any shop with product
// data) and the generic store adapters' content scripts are registered there at run time. Each reads only
// the pages it recognises (the others step aside), so no platform detection is needed up front. Revoking the
// permission, or "Stop watching", unregisters them. The list lives in storage.local so the popup can show it.
import { browser, type PublicPath } from 'wxt/browser';
import { adapters } from './adapters';

/** The dynamic adapters' own content scripts (`registration: 'runtime'` entrypoints), most specific first. */
const STORE_SCRIPTS = adapters
  .filter((a) => a.dynamic)
  .map((a) => `/content-scripts/${a.id}.js` as Extract<PublicPath, `/content-scripts/${string}`>);
/** storage.local: the origins watched now (the popup shows them). */
export const WATCHED_KEY = 'watchedOrigins';
/** storage.local: the origin the popup asked for, in case the browser closed the popup during the prompt. */
export const PENDING_WATCH_KEY = 'pendingWatch';
const SCRIPT_ID_PREFIX = 'watched:';

/** `https://shop.example.com` from any URL of it; null for what cannot be watched (non-web, IP literals are fine). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export const patternOf = (origin: string) => `${origin}/*`;
const scriptIdOf = (origin: string) => `${SCRIPT_ID_PREFIX}${origin}`;

export async function watchedOrigins(): Promise<string[]> {
  const stored = (await browser.storage.local.get(WATCHED_KEY))[WATCHED_KEY];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
}

/** Registers the store reader for an origin the seller has granted, and reads the tab they are on at once. */
export async function watchOrigin(origin: string, tabId?: number): Promise<void> {
  if (originOf(origin) !== origin) throw new Error(`not an origin: ${origin}`);
  const granted = await browser.permissions.contains({ origins: [patternOf(origin)] });
  if (!granted) throw new Error(`no permission for ${origin}: grant it from the popup first`);
  const id = scriptIdOf(origin);
  const script = { id, matches: [patternOf(origin)], js: STORE_SCRIPTS, runAt: 'document_idle' as const };
  // The popup's message and the permission listener can both get here: registering twice must not fail.
  const registered = async () => (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  if (await registered()) await browser.scripting.updateContentScripts([script]);
  else {
    try {
      await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
    } catch (error) {
      if (!(await registered())) throw error;
    }
  }
  const list = await watchedOrigins();
  if (!list.includes(origin)) await browser.storage.local.set({ [WATCHED_KEY]: [...list, origin].sort() });
  if (tabId !== undefined) {
    // The page is already open: read it now instead of on the next visit.
    await browser.scripting.executeScript({ target: { tabId }, files: STORE_SCRIPTS }).catch((error: unknown) => {
      console.warn(`[oversell-guard] could not read tab ${tabId} of ${origin} now`, error);
    });
  }
}

/** Stops reading an origin: unregisters its script, forgets it, and gives the permission back. */
export async function unwatchOrigin(origin: string): Promise<void> {
  await forgetOrigins([origin]);
  // A permission the manifest requires (test builds pre-grant some) cannot be removed: nothing more to do then.
  await browser.permissions.remove({ origins: [patternOf(origin)] }).catch((error: unknown) => {
    console.warn(`[oversell-guard] kept the permission for ${origin}`, error);
  });
}

/** For permissions revoked in the browser's own settings: stop what depended on them. */
export async function forgetOrigins(origins: string[]): Promise<void> {
  const ids = origins.map(scriptIdOf);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  const list = await watchedOrigins();
  await browser.storage.local.set({ [WATCHED_KEY]: list.filter((o) => !origins.includes(o)) });
}

/** Origins named by host-permission patterns like `https://shop.example.com/*`. */
export function originsOfPatterns(patterns: readonly string[] = []): string[] {
  return patterns.map((p) => originOf(p.replace(/\/\*$/, '/'))).filter((o): o is string => o !== null);
}

/**
 * A permission was granted: if the popup had just asked for it to watch a site (and may have been closed by the
 * prompt, as Firefox does), finish the job. Notes older than ten minutes are ignored.
 */
export async function finishPendingWatch(addedPatterns: readonly string[] = []): Promise<void> {
  const pending = (await browser.storage.local.get(PENDING_WATCH_KEY))[PENDING_WATCH_KEY] as
    | { origin?: unknown; tabId?: unknown; at?: unknown }
    | undefined;
  if (!pending || typeof pending.origin !== 'string' || typeof pending.at !== 'number') return;
  if (Date.now() - pending.at > 10 * 60_000 || !originsOfPatterns(addedPatterns).includes(pending.origin)) return;
  await browser.storage.local.remove(PENDING_WATCH_KEY);
  await watchOrigin(pending.origin, typeof pending.tabId === 'number' ? pending.tabId : undefined);
}
