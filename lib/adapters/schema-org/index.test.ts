// What the fixtures cannot show: which URLs the fallback takes, how it keys products and offers, when it
// steps aside, and pages that declare nothing or too much.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import schemaOrg from '.';

const url = new URL('https://www.example-outdoor-store.com/en/backpacks/trail-backpack-30');
const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const page = (head: string, body = '<main><h1>Trail Backpack</h1></main>') =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const offer = (fields: object = {}) => ({
  '@type': 'Offer',
  price: '79.00',
  priceCurrency: 'USD',
  availability: 'InStock',
  ...fields,
});
const product = (fields: object) => ({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Trail Backpack',
  ...fields,
});
const keyOf = (read: ReturnType<typeof schemaOrg.read>) => (read.ok ? read.products[0].key : read.ok);

describe('schema-org URLs', () => {
  it.each([
    ['https://shop.example.com/en/backpacks/trail-backpack-30', true],
    ['https://shop.example.com/item.php?id=42', true],
    ['https://shop.example.com/', false],
    ['https://shop.example.com/cart', false],
    ['https://shop.example.com/de/warenkorb/', false],
    ['https://shop.example.com/checkout/shipping', false],
    ['https://shop.example.com/my-account/orders/', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(schemaOrg, new URL(href))).toBe(expected);
  });
});

describe('schema-org keys', () => {
  it.each([
    ['productID', { productID: 'TB-30', sku: 'SKU-1', gtin13: '4006381333931' }, 'TB-30'],
    ['sku', { sku: 'SKU-1', gtin13: '4006381333931' }, 'SKU-1'],
    ['gtin', { gtin13: '4006381333931' }, '4006381333931'],
    ['canonical path', {}, '/en/backpacks/trail-backpack'],
  ])('names the product by its %s', (_, fields, id) => {
    const canonical =
      '<link rel="canonical" href="https://www.example-outdoor-store.com/en/backpacks/trail-backpack/">';
    const read = schemaOrg.read(page(canonical + ld(product({ ...fields, offers: offer() }))), url);
    expect(keyOf(read)).toBe(`schema-org:example-outdoor-store.com:${id}`);
  });

  it('keys several offers by SKU, else by position, and never twice the same', () => {
    const offers = [
      offer({ sku: 'TB-30-B', name: 'Blue' }),
      offer({ sku: 'TB-30-B', name: 'Blue again' }),
      offer({ name: 'Red' }),
    ];
    const read = schemaOrg.read(page(ld(product({ sku: 'TB-30', offers }))), url);
    expect(read.ok && read.products[0].variants.map((v) => [v.key.split(':').pop(), v.label])).toEqual([
      ['TB-30-B', 'Blue'],
      ['TB-30-B#1', 'Blue again'],
      ['offer-2', 'Red'],
    ]);
  });
});

describe('schema-org reading', () => {
  it('lets a shown sold-out line beat JSON-LD that claims stock, on a one-item product', () => {
    const body = '<main><h1>Trail Backpack</h1><p class="availability">Currently sold out</p></main>';
    const read = schemaOrg.read(page(ld(product({ sku: 'TB-30', offers: offer() })), body), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      stock: { kind: 'outOfStock' },
      evidence: ['text:Currently sold out', 'json-ld'],
    });
  });

  it('reads a product container with a heading and one stock line even without structured data', () => {
    const body = '<div id="product"><h1>Trail Backpack</h1><span class="stock">Nur noch 3 auf Lager</span></div>';
    const read = schemaOrg.read(page('<link rel="canonical" href="/p/trail-backpack">', body), url);
    expect(read).toMatchObject({
      ok: true,
      products: [{ key: 'schema-org:example-outdoor-store.com:/p/trail-backpack', title: 'Trail Backpack' }],
    });
    expect(read.ok && read.products[0].variants[0].stock).toEqual({ kind: 'exact', qty: 3 });
  });

  it('reads "no longer available" as a removed product', () => {
    const body = '<main><h1>Trail Backpack</h1><p class="stock-notice">This product is no longer available</p></main>';
    const read = schemaOrg.read(page(ld(product({ sku: 'TB-30', offers: offer() })), body), url);
    expect(read).toMatchObject({ ok: true, products: [{ removed: true, variants: [] }] });
  });

  it('steps aside for Shopify and WooCommerce pages, and refuses listings and pages without a product', () => {
    const item = ld(product({ sku: 'TB-30', offers: offer() }));
    const shopify = page(`<script id="shopify-features" type="application/json">{}</script>${item}`);
    expect(schemaOrg.read(shopify, url)).toMatchObject({ reason: 'not-a-product-page' });
    const woo = parseHtml(`<html><head>${item}</head><body class="woocommerce-page"></body></html>`);
    expect(schemaOrg.read(woo, url)).toMatchObject({ reason: 'not-a-product-page' });
    const listing = ['A', 'B', 'C'].map((sku) => ld(product({ name: sku, sku, offers: offer() }))).join('');
    expect(schemaOrg.read(page(listing), url)).toMatchObject({ reason: 'not-a-product-page' });
    const tiles = '<main><h1>Backpacks</h1><p class="stock">In stock</p><p class="stock">Sold out</p></main>';
    expect(schemaOrg.read(page('', tiles), url)).toMatchObject({ reason: 'not-a-product-page' });
  });

  it('survives hostile input: broken JSON-LD, a broken canonical link, a huge offer list', () => {
    expect(schemaOrg.read(page('<script type="application/ld+json">{"@type":"Product",</script>'), url)).toMatchObject({
      reason: 'not-a-product-page',
    });
    const offers = Array.from({ length: 20_000 }, (_, i) => offer({ sku: `S${i}` }));
    const read = schemaOrg.read(page(`<link rel="canonical" href="http://[::1">${ld(product({ offers }))}`), url);
    expect(read.ok && read.products[0].variants.length).toBe(5000);
  });
});
