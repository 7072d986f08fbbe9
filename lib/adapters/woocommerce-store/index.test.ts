// What the fixtures cannot show: which URLs the adapter takes, the stock rules of unusual variations and
// simple products, and pages that are not WooCommerce product pages or are hostile.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import woocommerceStore from '.';

const url = new URL('https://www.example-outdoor-store.com/product/trail-backpack/');
const attr = (value: unknown) => JSON.stringify(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const page = (product: string, bodyClass = 'single single-product postid-55 woocommerce woocommerce-page') =>
  parseHtml(`<!doctype html><html><head></head><body class="${bodyClass}">${product}</body></html>`);
const variable = (variations: unknown, extra = '') =>
  page(`<div id="product-55" class="product type-product post-55 instock product-type-variable"><div class="summary">
    <h1 class="product_title">Trail Backpack</h1>${extra}
    <form class="variations_form cart" data-product_id="55" data-product_variations="${typeof variations === 'string' ? variations : attr(variations)}">
      <table class="variations"><tr><th><label for="pa_color">Color</label></th><td><select id="pa_color" name="attribute_pa_color">
      <option value="">Choose an option</option><option value="blue">Blue</option></select></td></tr></table>
    </form></div></div>`);
const simple = (classes: string, stockLine: string) =>
  page(`<div id="product-55" class="product type-product post-55 ${classes} product-type-simple"><div class="summary">
    <h1 class="product_title">Trail Backpack</h1><p class="price"><span class="woocommerce-Price-amount amount"><bdi>49,90&nbsp;<span class="woocommerce-Price-currencySymbol">&euro;</span></bdi></span></p>
    ${stockLine}<div class="product_meta"><span class="sku">TB-1</span></div></div></div>`);
const variation = (fields: object) => ({
  attributes: { attribute_pa_color: 'blue' },
  variation_id: 56,
  is_in_stock: true,
  is_purchasable: true,
  is_sold_individually: 'no',
  max_qty: '',
  availability_html: '',
  display_price: 49.9,
  ...fields,
});
const stockOf = (read: ReturnType<typeof woocommerceStore.read>) =>
  read.ok ? read.products[0].variants[0]?.stock : null;

describe('woocommerce-store URLs', () => {
  it.each([
    ['https://shop.example.com/product/trail-backpack/', true],
    ['https://shop.example.com/produkt/trail-backpack/', true],
    ['https://shop.example.com/de/produkt/trail-backpack/', true],
    ['https://shop.example.com/producto/mochila/', true],
    ['https://shop.example.com/shop/trail-backpack/', true],
    ['https://shop.example.com/shop/backpacks/trail-backpack/', true],
    ['https://shop.example.com/?product=trail-backpack', true],
    ['https://shop.example.com/shop/', false],
    ['https://shop.example.com/shop/page/2/', false],
    ['https://shop.example.com/product-category/backpacks/', false],
    ['https://shop.example.com/products/trail-backpack', false],
    ['https://shop.example.com/cart/', false],
    ['https://shop.example.com/', false],
    // A WordPress installed under /shop: its admin is the seller's own (woocommerce-admin), not a product page.
    ['https://shop.example.com/shop/wp-admin/edit.php?post_type=product', false],
    ['https://shop.example.com/shop/wp-admin/post.php?post=12&action=edit', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(woocommerceStore, new URL(href))).toBe(expected);
  });
});

describe('woocommerce-store variations', () => {
  it.each([
    ['a managed count', { max_qty: 7 }, { kind: 'exact', qty: 7 }],
    [
      'a count only in the stock line',
      { availability_html: '<p class="stock in-stock">3 in stock (can be backordered)</p>' },
      { kind: 'exact', qty: 3 },
    ],
    ['no managed stock', {}, { kind: 'inStock' }],
    ['sold individually (max_qty 1 is no count)', { max_qty: 1, is_sold_individually: 'yes' }, { kind: 'inStock' }],
    [
      'a backorder (cannot ship now)',
      { availability_html: '<p class="stock available-on-backorder">Available on backorder</p>' },
      { kind: 'outOfStock' },
    ],
    [
      'out of stock',
      { is_in_stock: false, availability_html: '<p class="stock out-of-stock">Out of stock</p>' },
      { kind: 'outOfStock' },
    ],
    ['not purchasable', { is_purchasable: false, max_qty: 4 }, { kind: 'outOfStock' }],
    [
      'no stock field at all',
      { is_in_stock: undefined },
      { kind: 'unknown', reason: 'WooCommerce gave no stock for this variation' },
    ],
  ])('%s', (_, fields, stock) => {
    expect(stockOf(woocommerceStore.read(variable([variation(fields)]), url))).toEqual(stock);
  });

  it('keys by product id and variation id, labels with the shown attribute names and values', () => {
    const read = woocommerceStore.read(
      variable([variation({ attributes: { attribute_pa_color: 'blue', attribute_size: '' } })]),
      url,
    );
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'woocommerce-store:example-outdoor-store.com:55:56',
      label: 'Blue',
      options: { Color: 'Blue' },
    });
  });

  it('reads an empty variation list with a sold-out line as a product with nothing to buy', () => {
    const read = woocommerceStore.read(
      variable([], '<p class="stock out-of-stock">This product is currently out of stock and unavailable.</p>'),
      url,
    );
    expect(read).toEqual({
      ok: true,
      evidence: ['text:currently out of stock'],
      products: [{ key: 'woocommerce-store:example-outdoor-store.com:55', title: 'Trail Backpack', variants: [] }],
    });
  });

  it.each([
    ['broken JSON', '[{&quot;variation_id'],
    ['an empty list without a notice', '[]'],
    ['junk entries', attr([null, 'x', { variation_id: 'abc' }])],
  ])('reads %s as layout-changed, never as stock', (_, raw) => {
    expect(woocommerceStore.read(variable(raw), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: 'woocommerce-store:example-outdoor-store.com:55',
    });
  });
});

describe('woocommerce-store simple products and other pages', () => {
  it.each([
    ['12 vorrätig', 'instock', '<p class="stock in-stock">12 vorrätig</p>', { kind: 'exact', qty: 12 }],
    ['no stock line', 'instock', '', { kind: 'inStock' }],
    [
      'Available on backorder',
      'onbackorder',
      '<p class="stock available-on-backorder">Available on backorder</p>',
      { kind: 'outOfStock' },
    ],
  ])('simple product: %s', (_, classes, line, stock) => {
    const read = woocommerceStore.read(simple(classes, line), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'woocommerce-store:example-outdoor-store.com:55:default',
      sku: 'TB-1',
      stock,
      price: { amount: 4990, currency: 'EUR' },
    });
  });

  it('reads a 404 on a product URL as removed, keyed by the slug it still has', () => {
    expect(
      woocommerceStore.read(page('<h1>Oops! That page can’t be found.</h1>', 'error404 woocommerce-no-js'), url),
    ).toEqual({
      ok: true,
      evidence: ['dom:body.error404'],
      products: [
        {
          key: 'woocommerce-store:example-outdoor-store.com:slug:trail-backpack',
          title: 'trail-backpack',
          variants: [],
          removed: true,
        },
      ],
    });
  });

  it('tells a password-protected product, a shop page and a non-WooCommerce page apart', () => {
    expect(woocommerceStore.read(page('<form class="post-password-form"></form>'), url)).toMatchObject({
      reason: 'login-wall',
    });
    expect(woocommerceStore.read(page('<ul class="products"></ul>', 'archive woocommerce'), url)).toMatchObject({
      reason: 'not-a-product-page',
    });
    expect(woocommerceStore.read(page('<h1>Trail Backpack</h1>', 'home'), url)).toMatchObject({
      reason: 'not-a-product-page',
    });
  });
});
