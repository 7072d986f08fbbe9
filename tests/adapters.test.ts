// One runner: every adapter over every fixture, and a meta-test of what every adapter must ship with.
import { describe, expect, it } from 'vitest';
import { adapterById, adapters } from '../lib/adapters';
import { adapterMatches } from '../lib/adapters/define';
import { PageReadSchema } from '../lib/model';
import { loadFixtures } from './fixtures';
import { parseHtml } from './parse-html';

const fixtures = loadFixtures();

describe.each(fixtures.map((f) => [`${f.adapterId}/${f.name}`, f] as const))('%s', (_label, fixture) => {
  const adapter = adapterById(fixture.adapterId);

  it('belongs to a registered adapter whose matches accept its URL', () => {
    expect(adapter, `no adapter "${fixture.adapterId}" in lib/adapters/index.ts`).toBeDefined();
    expect(adapterMatches(adapter!, new URL(fixture.url))).toBe(true);
  });

  it('has provenance and a valid expected reading', () => {
    expect(fixture.provenance.follows.length).toBeGreaterThan(10);
    expect(fixture.provenance.shows.length).toBeGreaterThan(10);
    expect(fixture.provenance.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(PageReadSchema.safeParse(fixture.expected).success).toBe(true);
  });

  it('reads as expected', () => {
    const read = adapter!.read(parseHtml(fixture.html), new URL(fixture.url));
    expect(PageReadSchema.parse(read)).toEqual(fixture.expected);
  });
});

describe('every adapter', () => {
  it.each(adapters.map((a) => [a.id, a] as const))('%s has in-stock, out-of-stock and unreadable fixtures', (id) => {
    const own = fixtures.filter((f) => f.adapterId === id);
    const variants = own.flatMap((f) => (f.expected.ok ? f.expected.products.flatMap((p) => p.variants) : []));
    const removed = own.some((f) => f.expected.ok && f.expected.products.some((p) => p.removed));
    expect(variants.some((v) => ['exact', 'atLeast', 'inStock'].includes(v.stock.kind))).toBe(true);
    expect(removed || variants.some((v) => v.stock.kind === 'outOfStock')).toBe(true);
    expect(own.some((f) => !f.expected.ok)).toBe(true);
  });
});
