// Which channels are connected, for every row of the popup at once: one storage read and one change listener
// shared by all rows. Only the channel ids are taken from storage, never a credential; the worker validates.
import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';

const KEY = 'connections';
let connected: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
let watching = false;

async function load() {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  connected = new Set(stored && typeof stored === 'object' ? Object.keys(stored) : []);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!watching) {
    watching = true;
    void load();
    browser.storage.local.onChanged.addListener((changes) => {
      if (KEY in changes) void load();
    });
  }
  return () => listeners.delete(listener);
}

export function useConnectedChannels(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => connected);
}
