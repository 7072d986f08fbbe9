// The fake-store override is read only by e2e builds; any other build ignores the key even when it is set.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { E2E_CHANNEL_URLS_KEY, testBaseUrls } from './test-base-url';

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({
    [E2E_CHANNEL_URLS_KEY]: { shopify: 'http://127.0.0.1:4100', ebay: 3, nonsense: 'http://127.0.0.1:1' },
  });
});
afterEach(() => vi.unstubAllEnvs());

describe('the e2e channel base URL', () => {
  it.each(['production', 'development', 'test'])('is ignored in a %s build', async (mode) => {
    vi.stubEnv('MODE', mode);
    expect(await testBaseUrls()).toEqual({});
  });

  it('points a channel at its fake in an e2e build (known channels, string URLs only)', async () => {
    vi.stubEnv('MODE', 'e2e');
    expect(await testBaseUrls()).toEqual({ shopify: 'http://127.0.0.1:4100' });
  });
});
