import { describe, expect, it } from 'vitest';
import { toLinkRow } from '../db';
import { exact } from '../extract/stock';
import type { Observation } from '../model';
import { applyRemaps, proposeRemaps } from './remap';

const P = 'aliexpress:1005006512345678';
const obs = (
  id: string,
  options: Record<string, string>,
  presence: Observation['presence'] = 'present',
): Observation => ({
  key: `${P}:${id}`,
  productKey: P,
  adapterId: 'aliexpress',
  role: 'supplier',
  url: 'https://www.aliexpress.com/item/1005006512345678.html',
  productTitle: 'Backpack',
  label: Object.values(options).join(' / '),
  options,
  stock: exact(5),
  evidence: [],
  observedAt: 0,
  via: 'page',
  presence,
});

const link = toLinkRow({
  listingKey: 'shopify:acme:81:1',
  suppliers: [
    { offerKey: `${P}:old-blue-m`, priority: 0, unitsPerSale: 2 },
    { offerKey: 'cjdropshipping:CJ1:blue-m', priority: 1, unitsPerSale: 1 },
  ],
  createdAt: 0,
  updatedAt: 0,
});

describe('proposeRemaps', () => {
  it('proposes the new variant with the same options for a missing one', () => {
    const offers = [
      obs('old-blue-m', { Color: 'Blue', Size: 'M' }, 'missing'),
      obs('new-blue-m', { Colour: 'blue', Size: 'M' }),
      obs('new-blue-l', { Colour: 'blue', Size: 'L' }),
    ];
    const remaps = proposeRemaps(link, offers);
    expect(remaps).toEqual([{ from: `${P}:old-blue-m`, to: `${P}:new-blue-m`, confidence: 'options' }]);
    expect(applyRemaps(link, remaps)).toEqual([
      { offerKey: `${P}:new-blue-m`, priority: 0, unitsPerSale: 2 },
      { offerKey: 'cjdropshipping:CJ1:blue-m', priority: 1, unitsPerSale: 1 },
    ]);
  });

  it('proposes nothing when the successor is ambiguous or absent', () => {
    const ambiguous = [
      obs('old-blue-m', { Color: 'Blue', Size: 'M' }, 'missing'),
      obs('a', { Color: 'Blue', Size: 'M', 'Ships From': 'CN' }),
      obs('b', { Color: 'Blue', Size: 'M', 'Ships From': 'US' }),
    ];
    expect(proposeRemaps(link, ambiguous)).toEqual([]);
    expect(
      proposeRemaps(link, [
        obs('old-blue-m', { Color: 'Blue', Size: 'M' }, 'missing'),
        obs('c', { Color: 'Red', Size: 'M' }),
      ]),
    ).toEqual([]);
  });

  it('maps a one-SKU product whose id changed to its one new variant', () => {
    const offers = [obs('old-blue-m', {}, 'missing'), obs('new', {})];
    expect(proposeRemaps(link, offers)).toEqual([{ from: `${P}:old-blue-m`, to: `${P}:new`, confidence: 'only' }]);
  });

  it('leaves present and removed variants alone', () => {
    expect(
      proposeRemaps(link, [obs('old-blue-m', { Color: 'Blue', Size: 'M' }), obs('n', { Color: 'Blue', Size: 'M' })]),
    ).toEqual([]);
    expect(proposeRemaps(link, [obs('old-blue-m', { Color: 'Blue', Size: 'M' }, 'removed')])).toEqual([]);
  });
});
