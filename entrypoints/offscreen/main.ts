// Chrome's offscreen document for background re-checks: the service worker has no DOMParser, this page
// does. It answers one message, `offscreen:read`, from this extension only, with what the adapter read.
import { browser } from 'wxt/browser';
import { OffscreenReadMessageSchema } from '@/lib/messages';
import { readWithDomParser } from '@/lib/recheck/read-page';

browser.runtime.onMessage.addListener((raw, sender) => {
  // Every other message (readings, popup commands) is the worker's: no answer from here, not even undefined.
  if (sender.id !== browser.runtime.id || (raw as { type?: unknown })?.type !== 'offscreen:read') return;
  const parsed = OffscreenReadMessageSchema.safeParse(raw);
  if (!parsed.success) return Promise.resolve({ ok: false, reason: 'http-error', detail: 'malformed read request' });
  const { html, url, finalUrl, adapterId } = parsed.data;
  return Promise.resolve(readWithDomParser({ html, url, finalUrl, adapterId }));
});
