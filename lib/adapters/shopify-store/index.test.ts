// What the fixtures cannot show: which URLs the adapter takes, keys, which variant a notice belongs to,
// and pages that are not Shopify's or are hostile.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import shopifyStore from '.';

const FEATURES = '<script id="shopify-features" type="application/json">{"shopId":1}</script>';
const page = (body: string, head = FEATURES) =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const productJson = (product: object) =>
  `<script type="application/json" id="ProductJson-product-template">${JSON.stringify(product)}</script>`;
const url = new URL('https://Www.Example-Outdoor-Store.com/products/trail-backpack');
const two = {
  id: 7001,
  title: 'Trail Backpack',
  options: ['Color'],
  variants: [
    { id: 41, title: 'Blue', option1: 'Blue', available: true, price: 12900, sku: 'TB-B' },
    { id: 42, title: 'Red', option1: 'Red', available: true, price: 12900, sku: 'TB-R' },
  ],
};
const form = (selected: number, button = 'Add to cart') =>
  `<form action="/cart/add"><input type="hidden" name="id" value="${selected}"><button name="add">${button}</button></form>`;
const section = (inner: string) => `<div data-section-type="product">${inner}</div>`;

describe('shopify-store URLs', () => {
  it.each([
    ['https://shop.example.com/products/trail-backpack', true],
    ['https://shop.example.com/products/trail-backpack/', true],
    ['https://shop.example.com/products/trail-backpack?variant=41', true],
    ['https://shop.example.com/collections/packs/products/trail-backpack', true],
    ['https://shop.example.com/de/products/trail-backpack', true],
    ['https://shop.example.com/en-gb/collections/sale/products/trail-backpack', true],
    ['https://shop.example.com/password', true],
    ['https://shop.example.com/products/trail-backpack.json', false],
    ['https://shop.example.com/products/trail-backpack.js', false],
    ['https://shop.example.com/products/', false],
    ['https://shop.example.com/collections/packs', false],
    ['https://shop.example.com/', false],
    ['https://admin.shopify.com/store/acme/products/7001', false],
    ['https://shop.example.com/pages/products/about', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(shopifyStore, new URL(href))).toBe(expected);
  });
});

describe('shopify-store reading', () => {
  it('keys by the lowercased host without www and the product id, never the handle', () => {
    const read = shopifyStore.read(page(section(productJson(two) + form(41))), url);
    expect(read.ok && read.products[0].key).toBe('shopify-store:example-outdoor-store.com:7001');
    expect(read.ok && read.products[0].variants.map((v) => v.key)).toEqual([
      'shopify-store:example-outdoor-store.com:7001:41',
      'shopify-store:example-outdoor-store.com:7001:42',
    ]);
  });

  it('gives a stock notice to the selected variant only, and ?variant= selects', () => {
    const body = section(`${productJson(two)}${form(41)}<p class="product__inventory">Only 2 left!</p>`);
    const read = shopifyStore.read(page(body), new URL(`${url.href}?variant=42`));
    const stocks = read.ok ? read.products[0].variants.map((v) => v.stock) : [];
    expect(stocks).toEqual([{ kind: 'inStock' }, { kind: 'exact', qty: 2 }]);
  });

  it('takes a visible "Sold out" button over `available: true`, for the selected variant', () => {
    const read = shopifyStore.read(page(section(productJson(two) + form(42, 'Sold out'))), url);
    expect(read.ok && read.products[0].variants[1]).toMatchObject({
      stock: { kind: 'outOfStock' },
      evidence: ['text:Sold out', 'embedded-json:#ProductJson-product-template.variants[1].available'],
    });
  });

  it('ignores notices and JSON-LD of other products on the page', () => {
    const other = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      productID: '9999',
      offers: [{ url: 'https://shop.example.com/products/other?variant=77', availability: 'OutOfStock' }],
    };
    const body = `${section(productJson(two) + form(41))}<div class="recommendations"><p class="product__inventory">Sold out</p></div><script type="application/ld+json">${JSON.stringify(other)}</script>`;
    const read = shopifyStore.read(page(body), url);
    expect(read.ok && read.products[0].variants.map((v) => v.stock.kind)).toEqual(['inStock', 'inStock']);
  });

  it('reads a theme without product JSON from analytics ids and a select that marks sold-out variants', () => {
    const meta = `<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};
      var meta = {"product":{"id":7001,"variants":[{"id":41,"price":1000,"public_title":"Blue"},{"id":42,"price":1000,"public_title":"Red"}]},"page":{"pageType":"product","resourceId":7001}};</script>`;
    const select =
      '<select name="id"><option value="41">Blue</option><option value="42" disabled>Red - Sold out</option></select>';
    const read = shopifyStore.read(page(section(select), FEATURES + meta), url);
    expect(read.ok && read.products[0].variants.map((v) => [v.label, v.stock.kind])).toEqual([
      ['Blue', 'unknown'],
      ['Red', 'outOfStock'],
    ]);
  });

  it('tells a non-Shopify page, a bot wall and a store page that is not a product apart', () => {
    expect(shopifyStore.read(page('<h1>Trail Backpack</h1>', ''), url)).toMatchObject({
      ok: false,
      reason: 'not-a-product-page',
    });
    expect(shopifyStore.read(page('<form id="challenge-form"></form>', ''), url)).toMatchObject({
      ok: false,
      reason: 'captcha',
    });
    expect(shopifyStore.read(page('<p>Hi</p>', ''), new URL('https://shop.example.com/password'))).toMatchObject({
      reason: 'not-a-product-page',
    });
  });

  it('reads hostile product JSON as layout-changed, never as stock', () => {
    const hostile = `<script type="application/json" data-product-json>{"id": 7001, "variants": [${'['.repeat(3000)}</script>`;
    expect(shopifyStore.read(page(section(hostile + form(41))), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
    const junk = productJson({ id: 7001, variants: [null, 'x', { id: -1 }, { id: 'abc', available: true }] });
    expect(shopifyStore.read(page(section(junk)), url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});
