// What the fixtures cannot show: URLs the adapter refuses, twister data in its older shapes, swatches
// without ASIN attributes, buy-box rules, and hostile pages.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import amazon from '.';

const url = new URL('https://www.amazon.com/dp/B0C7K2M4QX');
const page = (body: string, scripts = '') => parseHtml(`<html><head></head><body>${body}${scripts}</body></html>`);
const buyBox = (availability: string, price = '$45.99') =>
  `<h1><span id="productTitle">Rain Jacket</span></h1><div id="availability"><span>${availability}</span></div>` +
  '<input id="add-to-cart-button" type="submit"><input type="hidden" id="ASIN" value="B0C7K2M4QX">' +
  `<div id="corePrice_feature_div"><span class="a-offscreen">${price}</span></div>`;
const twister = (data: string) => `<script>P.register('twister-js-init-dpx-data', function() {
  var dataToReturn = ${data}; return dataToReturn; });</script>`;
const sizes = `{"currentAsin" : "B0C7K2M4QX", "parentAsin" : "B0C7J9TRWP", "dimensions" : ["size_name"],
  "variationDisplayLabels" : {"size_name":"Size"}, "variationValues" : {"size_name":["S","M","L"]},
  "dimensionToAsinMap" : {"0":"B0C7K1XH2D","1":"B0C7K2M4QX","2":"B0C7K3V8LN"}}`;

describe('amazon URLs', () => {
  it.each([
    ['https://www.amazon.com/dp/B0C7K2M4QX', true],
    ['https://www.amazon.com/Rain-Jacket/dp/B0C7K2M4QX/ref=sr_1_3?th=1', true],
    ['https://www.amazon.co.uk/gp/product/B0C7K2M4QX', true],
    ['https://amazon.de/dp/b0c7k2m4qx', true],
    ['https://www.amazon.co.jp/-/en/dp/B0C7K2M4QX', true],
    ['https://www.amazon.com.au/dp/0143127748', true],
    ['https://www.amazon.ca/errors/validateCaptcha?amzn=x&amzn-r=%2Fdp%2FB0C7K2M4QX', true],
    ['https://www.amazon.fr/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.fr%2Fdp%2FB0C7K2M4QX', true],
    [
      'https://www.amazon.com/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2Fgp%2Fcss%2Forder-history',
      false,
    ],
    ['https://www.amazon.com/s?k=rain+jacket', false],
    ['https://www.amazon.com/dp/B0C7K2', false],
    ['https://sellercentral.amazon.com/dp/B0C7K2M4QX', false],
    ['https://www.amazon.cn/dp/B0C7K2M4QX', false],
    ['https://www.amazon.com.mx/dp/B0C7K2M4QX', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(amazon, new URL(href))).toBe(expected);
  });

  it('keys a product by marketplace and upper-case ASIN, with one default variant without variations', () => {
    const read = amazon.read(page(buyBox('In Stock', '£45.99')), new URL('https://www.amazon.co.uk/dp/b0c7k2m4qx'));
    expect(read).toMatchObject({
      ok: true,
      products: [{ key: 'amazon:co.uk:B0C7K2M4QX', variants: [{ key: 'amazon:co.uk:B0C7K2M4QX:default' }] }],
    });
    expect(read.ok && read.products[0].variants[0].price).toEqual({ amount: 4599, currency: 'GBP' });
  });

  it('reads a page without a product path as not-a-product-page', () => {
    const read = amazon.read(page('<h1>Your Orders</h1>'), new URL('https://www.amazon.com/gp/css/order-history'));
    expect(read).toEqual({
      ok: false,
      reason: 'not-a-product-page',
      detail: 'Not an Amazon product page: open a product (/dp/…) to read it',
    });
  });
});

describe('amazon buy box', () => {
  it('lets visible "Temporarily out of stock" beat the Add to Cart button', () => {
    const read = amazon.read(
      page(buyBox('Temporarily out of stock. Order now and we will deliver when available.')),
      url,
    );
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      stock: { kind: 'outOfStock' },
      evidence: ['text:Temporarily out of stock', 'dom:#add-to-cart-button'],
    });
  });

  it('claims stock from the Add to Cart button when the availability line says nothing about stock', () => {
    const read = amazon.read(page(buyBox('Usually ships within 2 to 3 days.')), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      stock: { kind: 'inStock' },
      evidence: ['dom:#add-to-cart-button'],
    });
  });

  it('reads a page with neither availability, buy box nor variations as layout-changed, never as stock', () => {
    const read = amazon.read(page('<span id="productTitle">Rain Jacket</span>'), url);
    expect(read).toMatchObject({ ok: false, reason: 'layout-changed', productKey: 'amazon:com:B0C7K2M4QX' });
  });
});

describe('amazon variations', () => {
  it('maps swatches without ASIN attributes through dimensionToAsinMap and the selected combination', () => {
    const swatches =
      '<ul><li id="size_name_0" data-defaultAsin="" data-dp-url="" class="swatchUnavailable">S</li>' +
      '<li id="size_name_1" class="swatchSelect">M</li><li id="size_name_2" class="swatchAvailable">L</li></ul>';
    const read = amazon.read(page(buyBox('Only 2 left in stock.') + swatches, twister(sizes)), url);
    expect(read.ok && read.products[0].variants.map((v) => [v.key, v.label, v.stock])).toEqual([
      ['amazon:com:B0C7J9TRWP:B0C7K1XH2D', 'S', { kind: 'outOfStock' }],
      ['amazon:com:B0C7J9TRWP:B0C7K2M4QX', 'M', { kind: 'exact', qty: 2 }],
      ['amazon:com:B0C7J9TRWP:B0C7K3V8LN', 'L', { kind: 'inStock' }],
    ]);
  });

  it('reads the older jQuery.parseJSON twister string and says why a variant without a swatch is unknown', () => {
    const script = `<script>var obj = jQuery.parseJSON('${sizes.replace(/\s+/g, ' ')}');</script>`;
    const read = amazon.read(page(buyBox('In Stock'), script), url);
    const variants = read.ok ? read.products[0].variants : [];
    expect(variants.map((v) => v.stock.kind)).toEqual(['unknown', 'inStock', 'unknown']);
    expect(variants[0].stock).toEqual({
      kind: 'unknown',
      reason: 'Amazon shows stock only for the selected variant, and no swatch on the page marks this one',
    });
  });

  it('does not claim stock for a swatch that only leads to other sellers ("See available options")', () => {
    const swatches =
      '<li id="size_name_2" data-defaultAsin="B0C7K3V8LN" class="swatchAvailable">L <span>See available options</span></li>';
    const read = amazon.read(page(buyBox('In Stock') + swatches, twister(sizes)), url);
    expect(read.ok && read.products[0].variants[2].stock).toEqual({
      kind: 'unknown',
      reason: "Amazon shows no buy box for this variant ('See available options'): other sellers are not read",
    });
  });

  it('survives a hostile twister script: no throw, no invented variants', () => {
    const hostile = `<script>var dimensionValuesDisplayData = ${'['.repeat(5000)}; var dataToReturn = {"dimensionToAsinMap": {"0": "<img>"}};</script>`;
    const read = amazon.read(page(buyBox('In Stock'), hostile), url);
    expect(read).toMatchObject({ ok: true, products: [{ variants: [{ key: 'amazon:com:B0C7K2M4QX:default' }] }] });
  });
});
