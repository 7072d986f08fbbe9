// Every adapter, explicitly, in order: the first whose `matches` and `test` accept a URL reads it.

import aliexpress from './aliexpress';
import type { Adapter } from './define';
import { adapterMatches } from './define';
import shopifyAdmin from './shopify-admin';

export const adapters: readonly Adapter[] = [aliexpress, shopifyAdmin];

export function adapterById(id: string): Adapter | undefined {
  return adapters.find((a) => a.id === id);
}

export function adapterForUrl(url: URL): Adapter | undefined {
  return adapters.find((a) => adapterMatches(a, url));
}
