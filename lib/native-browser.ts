// Content scripts only: the browser's own `browser` (Firefox) or `chrome` (Chrome MV3, promise-based) instead
// of webextension-polyfill. A content script sends one message and checks runtime.id, which both do natively;
// the polyfill would be 10 KB of each 40 KB content-script budget. wxt.config.ts aliases `wxt/browser` to this
// file for content-script builds only; the worker, popup and options keep the polyfill.
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
export const browser: Browser = (g.browser ?? g.chrome) as Browser;
export type { Browser };
