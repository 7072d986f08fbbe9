import { describe, expect, it } from 'vitest';
import { canonicalName, canonicalValue } from './option-names';
import { type MatchableVariant, proposeVariantMapping } from './variant-match';

const v = (key: string, options: Record<string, string>): MatchableVariant => ({
  key,
  label: Object.values(options).join(' / '),
  options,
});

describe('option names and values', () => {
  it.each([
    ['Colour', 'color'],
    ['COLOR ', 'color'],
    ['颜色', 'color'],
    ['Farbe', 'color'],
    ['Größe', 'size'],
    ['尺码', 'size'],
    ['Ships From', 'ships-from'],
    ['发货地', 'ships-from'],
    ['Strap length', 'strap length'],
  ])('%s means %s', (name, canonical) => expect(canonicalName(name)).toBe(canonical));

  it.each([
    ['Grey', 'gray'],
    ['  Navy-Blue ', 'navy'],
    ['X-Large', 'xl'],
    ['XXL', 'xxl'],
    ['2XL', 'xxl'],
    ['Small', 's'],
    ['黑色', 'black'],
    ['United States', 'us'],
    ['China', 'cn'],
    ['Sky Blue', 'sky blue'],
  ])('%s is spelled %s', (value, canonical) => expect(canonicalValue(value)).toBe(canonical));
});

describe('proposeVariantMapping', () => {
  const supplier = [
    v('ae:1:black-m-cn', { Color: 'Black', Size: 'M', 'Ships From': 'China' }),
    v('ae:1:black-m-us', { Color: 'Black', Size: 'M', 'Ships From': 'United States' }),
    v('ae:1:black-l-cn', { Color: 'Black', Size: 'L', 'Ships From': 'China' }),
    v('ae:1:grey-m-cn', { Color: 'Grey', Size: 'M', 'Ships From': 'China' }),
    v('ae:1:grey-l-cn', { Color: 'Grey', Size: 'L', 'Ships From': 'China' }),
  ];

  it('matches by meaning and spelling, and leaves the other warehouse as an alternative', () => {
    const listing = [v('shop:9:1', { Colour: 'black', Size: 'Medium' }), v('shop:9:2', { Colour: 'Gray', Size: 'L' })];
    expect(proposeVariantMapping(listing, supplier)).toEqual([
      { listingKey: 'shop:9:1', offerKey: 'ae:1:black-m-cn', confidence: 'options', alternatives: ['ae:1:black-m-us'] },
      { listingKey: 'shop:9:2', offerKey: 'ae:1:grey-l-cn', confidence: 'options', alternatives: [] },
    ]);
  });

  it("takes the seller's warehouse when the supplier ships one variant from several", () => {
    const [proposal] = proposeVariantMapping([v('shop:9:1', { Color: 'Black', Size: 'M' })], supplier, {
      shipsFrom: 'USA',
    });
    expect(proposal).toMatchObject({ offerKey: 'ae:1:black-m-us', alternatives: [] });
  });

  it('falls back to values under other option names, and says so', () => {
    const [proposal] = proposeVariantMapping([v('shop:9:1', { Style: 'Grey', Größe: 'L' })], supplier);
    expect(proposal).toMatchObject({ offerKey: 'ae:1:grey-l-cn', confidence: 'values' });
  });

  it('reads a variant title as its values when the page shows no option names', () => {
    const titled = (key: string, label: string) => ({ key, label, options: {} });
    const proposals = proposeVariantMapping(
      [titled('shop:9:1', 'Gray / Large'), titled('shop:9:2', 'Default Title')],
      supplier,
    );
    expect(proposals.map((p) => [p.offerKey, p.confidence])).toEqual([
      ['ae:1:grey-l-cn', 'values'],
      [null, 'none'],
    ]);
  });

  it('proposes nothing when no supplier variant has every value: the seller picks', () => {
    const proposals = proposeVariantMapping(
      [v('shop:9:1', { Color: 'Red', Size: 'M' }), v('shop:9:2', { Color: 'Black', Size: 'XL' })],
      supplier,
    );
    expect(proposals.map((p) => [p.offerKey, p.confidence])).toEqual([
      [null, 'none'],
      [null, 'none'],
    ]);
  });

  it('ignores a listing option the supplier never has when it never varies', () => {
    const proposals = proposeVariantMapping(
      [
        v('shop:9:1', { Color: 'Black', Size: 'L', Material: 'Cotton' }),
        v('shop:9:2', { Color: 'Grey', Size: 'M', Material: 'Cotton' }),
      ],
      supplier,
    );
    expect(proposals.map((p) => p.offerKey)).toEqual(['ae:1:black-l-cn', 'ae:1:grey-m-cn']);
  });

  it('does not guess for a listing without options against a supplier with several variants', () => {
    const [proposal] = proposeVariantMapping([v('shop:9:default', {})], supplier);
    expect(proposal).toMatchObject({ offerKey: null, confidence: 'none' });
  });

  it('pairs one variant with one variant whatever their options say', () => {
    expect(proposeVariantMapping([v('shop:9:default', {})], [v('ae:2:0', { Color: 'Red' })])).toEqual([
      { listingKey: 'shop:9:default', offerKey: 'ae:2:0', confidence: 'only', alternatives: [] },
    ]);
  });

  it('prefers the supplier variant with the fewest extra options', () => {
    const [proposal] = proposeVariantMapping(
      [v('shop:9:1', { Color: 'Red' }), v('shop:9:2', { Color: 'Blue' })],
      [v('ae:3:red-strap', { Color: 'Red', Extra: 'Strap' }), v('ae:3:red', { Color: 'Red' })],
    );
    expect(proposal).toMatchObject({ offerKey: 'ae:3:red', alternatives: ['ae:3:red-strap'] });
  });
});
