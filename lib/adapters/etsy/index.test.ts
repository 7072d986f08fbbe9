// What the fixtures cannot show: URLs the adapter refuses, the quantity select as a floor, and hostile input.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import etsy from '.';

const url = new URL('https://www.etsy.com/listing/1487263519/birth-flower-necklace');
const offer = (availability: string) =>
  `<script type="application/ld+json">{"@type":"Product","name":"Mug","offers":{"@type":"Offer","price":"20.00","priceCurrency":"USD","availability":"https://schema.org/${availability}"}}</script>`;
const page = (box: string, head = offer('InStock')) =>
  parseHtml(`<html><head>${head}</head><body><div id="listing-page-cart">${box}</div></body></html>`);
const quantity = (max: number) =>
  `<select id="listing-page-quantity-select">${Array.from({ length: max }, (_, i) => `<option value="${i + 1}">${i + 1}</option>`).join('')}</select>`;
const select = (n: number, label: string, options: string) =>
  `<label for="variation-selector-${n}">${label}</label><select id="variation-selector-${n}" data-variation-number="${n}"><option value="">Select an option</option>${options}</select>`;

describe('etsy URLs', () => {
  it.each([
    ['https://www.etsy.com/listing/1487263519/birth-flower-necklace', true],
    ['https://www.etsy.com/listing/1487263519', true],
    ['https://www.etsy.com/de/listing/1209384756/leinenschuerze', true],
    ['https://www.etsy.com/ca-fr/listing/1209384756/tablier-en-lin', true],
    ['https://etsy.com/listing/1487263519/birth-flower-necklace?ref=hp_rv-1', true],
    ['https://www.etsy.com/shop/LunaAndLeafStudio', false],
    ['https://www.etsy.com/search?q=listing', false],
    ['https://www.etsy.com/de/listing/not-a-number', false],
    ['https://www.etsy.com/your/shops/me/listing-editor/edit/1487263519', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(etsy, new URL(href))).toBe(expected);
  });

  it('reads a page without a listing id as not-a-product-page', () => {
    expect(etsy.read(page(''), new URL('https://www.etsy.com/shop/LunaAndLeafStudio'))).toMatchObject({
      ok: false,
      reason: 'not-a-product-page',
    });
  });
});

describe('etsy stock', () => {
  it('reads the quantity select as a floor when no count is shown', () => {
    const read = etsy.read(page(quantity(8)), url);
    expect(read.ok && read.products[0].variants).toEqual([
      {
        key: 'etsy:1487263519:default',
        label: 'Default',
        options: {},
        stock: { kind: 'atLeast', qty: 8 },
        price: { amount: 2000, currency: 'USD' },
        evidence: ['dom:#listing-page-quantity-select', 'json-ld'],
      },
    ]);
  });

  it('lets JSON-LD out of stock decide every option Etsy did not flag', () => {
    const doc = page(
      select(0, 'Size', '<option value="11">Small</option><option value="12">Large</option>'),
      offer('OutOfStock'),
    );
    const read = etsy.read(doc, url);
    expect(read.ok && read.products[0].variants.map((v) => v.stock.kind)).toEqual(['outOfStock', 'outOfStock']);
  });

  it('reads a disabled option as sold out and a missing price as none', () => {
    const doc = page(select(0, 'Size', '<option value="11">Small</option><option value="12" disabled>Large</option>'));
    const read = etsy.read(doc, url);
    expect(read.ok && read.products[0].variants).toEqual([
      expect.objectContaining({ key: 'etsy:1487263519:11', stock: { kind: 'inStock' } }),
      {
        key: 'etsy:1487263519:12',
        label: 'Large',
        options: { Size: 'Large' },
        stock: { kind: 'outOfStock' },
        evidence: ['dom:#variation-selector-0 option[disabled]'],
      },
    ]);
  });

  it('keys combinations by value ids in property order, whatever order the selects come in', () => {
    const doc = page(
      select(1, 'Color', '<option value="21">Red</option>') +
        select(0, 'Size', '<option value="11">Small ($20.00)</option>'),
    );
    const read = etsy.read(doc, url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'etsy:1487263519:11_21',
      label: 'Small / Red',
      options: { Size: 'Small', Color: 'Red' },
      stock: { kind: 'unknown' },
      price: { amount: 2000, currency: 'USD' },
    });
  });

  it('caps combinations at 5000 variants', () => {
    const options = Array.from({ length: 80 }, (_, i) => `<option value="${i + 1}">v${i}</option>`).join('');
    const doc = page(select(0, 'A', options) + select(1, 'B', options));
    const read = etsy.read(doc, url);
    expect(read.ok && read.products[0].variants.length).toBe(5000);
  });

  it('reads a buy box with nothing to read as layout-changed, never as stock', () => {
    expect(etsy.read(page('<p>Add to cart</p>', ''), url)).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(etsy.read(parseHtml('<html><body><h1>Chunky Knit Blanket</h1></body></html>'), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: 'etsy:1487263519',
    });
  });
});
