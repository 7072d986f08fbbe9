import { describe, expect, it } from 'vitest';
import { type LinkRow, toLinkRow } from '@/lib/db';
import type { Observation } from '@/lib/model';
import { viewLinks } from './links-view';

const link = (listingKey: string, offers: string[], updatedAt: number): LinkRow =>
  toLinkRow({
    listingKey,
    suppliers: offers.map((offerKey, priority) => ({ offerKey, priority, unitsPerSale: 1 })),
    createdAt: 0,
    updatedAt,
  });
const seenAs = (key: string, productTitle: string, label: string, sku?: string) =>
  [key, { key, productTitle, label, sku } as Observation] as const;

const links = [
  link('shopify:s:1:1', ['aliexpress:9:blue'], 30),
  link('shopify:s:2:1', ['temu:5:6', 'cjdropshipping:1:2:US'], 10),
  link('shopify:s:10:1', ['aliexpress:9:red'], 20),
];
const seen = new Map([
  seenAs('shopify:s:1:1', 'Trail Backpack', 'Blue / M', 'TB-BLU-M'),
  seenAs('shopify:s:2:1', 'Água bottle', '750 ml'),
  seenAs('aliexpress:9:red', 'Hiking Backpack 40L', 'Red'),
]);
const keys = (rows: LinkRow[]) => rows.map((l) => l.listingKey);

describe('viewLinks', () => {
  it('finds a link by any word of its listing, its SKU or its suppliers, in any case', () => {
    expect(keys(viewLinks(links, seen, { query: 'tb-blu', sort: 'listing', descending: false }))).toEqual([
      'shopify:s:1:1',
    ]);
    expect(keys(viewLinks(links, seen, { query: 'backpack', sort: 'listing', descending: false }))).toEqual([
      'shopify:s:10:1', // its supplier is a backpack; the listing was never seen, so it sorts by key
      'shopify:s:1:1',
    ]);
    expect(keys(viewLinks(links, seen, { query: 'temu US', sort: 'listing', descending: false }))).toEqual([
      'shopify:s:2:1',
    ]);
    expect(viewLinks(links, seen, { query: 'nothing like this', sort: 'listing', descending: false })).toEqual([]);
  });

  it('sorts by listing name (accents and numbers as people read them), supplier count or last change', () => {
    const all = { query: '', descending: false };
    expect(keys(viewLinks(links, seen, { ...all, sort: 'listing' }))).toEqual([
      'shopify:s:2:1', // Água sorts with A
      'shopify:s:10:1', // never seen: named by its key
      'shopify:s:1:1', // Trail
    ]);
    expect(keys(viewLinks(links, seen, { ...all, sort: 'suppliers', descending: true }))[0]).toBe('shopify:s:2:1');
    expect(keys(viewLinks(links, seen, { ...all, sort: 'updated', descending: true }))).toEqual([
      'shopify:s:1:1',
      'shopify:s:10:1',
      'shopify:s:2:1',
    ]);
  });
});
