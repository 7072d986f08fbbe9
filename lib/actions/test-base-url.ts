// E2E builds only: a test points a channel at its local fake server (http://127.0.0.1:<port>) through a
// storage key. `import.meta.env.MODE` is replaced at build time, so a production build drops this branch
// and never reads the key (lib/actions/test-base-url.test.ts, and the client refuses non-loopback URLs).
import { browser } from 'wxt/browser';
import { type ChannelId, ChannelIdSchema } from '../channels/types';

export const E2E_CHANNEL_URLS_KEY = 'e2eChannelBaseUrls';

export async function testBaseUrls(): Promise<Partial<Record<ChannelId, string>>> {
  if (import.meta.env.MODE !== 'e2e') return {};
  const stored = (await browser.storage.local.get(E2E_CHANNEL_URLS_KEY))[E2E_CHANNEL_URLS_KEY] as
    | Partial<Record<ChannelId, unknown>>
    | undefined;
  const out: Partial<Record<ChannelId, string>> = {};
  for (const [id, url] of Object.entries(stored ?? {})) {
    const channel = ChannelIdSchema.safeParse(id);
    if (channel.success && typeof url === 'string') out[channel.data] = url;
  }
  return out;
}
