// The on-page chip: a small, closed shadow-root badge on supplier pages saying what Oversell Guard read and
// whether it is linked, with a way into the link flow. Plain DOM (no React in content scripts); scraped text
// is only ever set as textContent.
import { browser } from 'wxt/browser';
import { canSupply } from './extract/stock';
import type { PageRead } from './model';

export interface ChipFacts {
  siteName: string;
  page: PageRead;
  readMs: number;
  linkedVariants: number;
}

const TAG = 'oversell-guard-chip';
const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.chip { display: flex; gap: 8px; align-items: center; max-width: 420px; padding: 6px 8px 6px 12px;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", sans-serif; color: #1f1f1f;
  background: #fff; border: 1px solid #dadce0; border-left: 4px solid #0b57d0; border-radius: 8px;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.chip.failed { border-left-color: #b06000; }
button { font: inherit; cursor: pointer; border: 1px solid #dadce0; border-radius: 4px; background: #f8f9fa;
  color: #1f1f1f; padding: 2px 8px; }
button.close { border: none; background: none; font-size: 14px; padding: 0 4px; color: #5f6368; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .chip { color: #e8eaed; background: #2d2e30; border-color: #5f6368; }
  button { color: #e8eaed; background: #3c4043; border-color: #5f6368; }
}`;

const msg = (key: string, subs: (string | number)[] = []) =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs.map(String)) || key;

/** What the chip says: "AliExpress: 6 variants, 5 available, 1 linked · read in 1.2 ms". */
export function chipText({ siteName, page, readMs, linkedVariants }: ChipFacts): string {
  if (!page.ok) return msg('chipFailed', [siteName, page.detail]);
  const variants = page.products.flatMap((p) => p.variants);
  if (page.products.some((p) => p.removed)) return msg('chipRemoved', [siteName]);
  const available = variants.filter((v) => canSupply(v.stock) === true).length;
  return msg('chipRead', [siteName, variants.length, available, linkedVariants, readMs.toFixed(1)]);
}

/** Shows (or updates) the chip; the seller can close it for this page or open the link flow for this tab. */
export function showChip(facts: ChipFacts): void {
  let host = document.querySelector(TAG) as (HTMLElement & { chipRoot?: ShadowRoot }) | null;
  if (!host) {
    host = document.createElement(TAG) as HTMLElement & { chipRoot?: ShadowRoot };
    host.chipRoot = host.attachShadow({ mode: 'closed' });
    document.documentElement.append(host);
  }
  const root = host.chipRoot;
  if (!root) return; // an element of that name the page made itself: leave it alone
  const style = document.createElement('style');
  style.textContent = STYLE;
  const chip = document.createElement('div');
  chip.className = facts.page.ok ? 'chip' : 'chip failed';
  chip.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = chipText(facts);
  const link = document.createElement('button');
  link.type = 'button';
  link.textContent = msg(facts.linkedVariants > 0 ? 'chipOpen' : 'chipLink');
  link.addEventListener('click', () => void browser.runtime.sendMessage({ type: 'popup:open' }));
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', msg('chipClose'));
  close.addEventListener('click', () => host?.remove());
  chip.append(text, ...(facts.page.ok ? [link] : []), close);
  root.replaceChildren(style, chip);
}

/** The seller can turn the chip off in options (settings.chipEnabled). */
export async function chipEnabled(): Promise<boolean> {
  const settings = (await browser.storage.local.get('settings')).settings as { chipEnabled?: unknown } | undefined;
  return settings?.chipEnabled !== false;
}
