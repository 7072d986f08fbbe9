// What the fixtures cannot show: which URLs the adapter takes, how keys name a site (sub-path, port), older and
// trimmed admin markup, and hostile or broken pages, which must never read as a stock of 0 or as in stock.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterForUrl } from '..';
import { adapterMatches } from '../define';
import woocommerceAdmin from '.';

const LIST = 'https://shop.example.com/wp-admin/edit.php?post_type=product';
const EDIT = 'https://shop.example.com/wp-admin/post.php?post=55&action=edit';
const read = (body: string, href: string, bodyClass = 'wp-admin post-type-product') =>
  woocommerceAdmin.read(
    parseHtml(`<html><head></head><body class="${bodyClass}">${body}</body></html>`),
    new URL(href),
  );

const inline = (id: number, fields: Record<string, string>) =>
  `<div class="hidden" id="woocommerce_inline_${id}">${Object.entries(fields)
    .map(([k, v]) => `<div class="${k}">${v}</div>`)
    .join('')}</div>`;
const row = (id: number, fields: Record<string, string>, cells = '', status = 'publish') =>
  `<tr id="post-${id}" class="iedit type-product status-${status}"><td class="name column-name"><strong><a class="row-title">Item ${id}</a></strong>${inline(id, fields)}</td>${cells}</tr>`;
const list = (rows: string) => `<table class="wp-list-table"><tbody id="the-list">${rows}</tbody></table>`;
const simple = { product_type: 'simple', manage_stock: 'no', stock: '', stock_status: 'instock', sku: 'SKU-1' };

describe('woocommerce-admin URLs', () => {
  it.each([
    [LIST, true],
    ['https://shop.example.com/wp-admin/edit.php?post_type=product&paged=3&product_cat=shirts&orderby=price', true],
    ['https://shop.example.com/wp-admin/edit.php?post_status=trash&post_type=product', true],
    ['http://shop.example.com/wp-admin/edit.php?post_type=product', true],
    ['https://example.com/shop/wp-admin/edit.php?post_type=product', true],
    [EDIT, true],
    ['https://shop.example.com/wp-admin/post.php?post=55&action=edit&message=1', true],
    ['https://example.com/blog/shop/wp-admin/post.php?post=55&action=edit', true],
    [
      'https://shop.example.com/wp-login.php?redirect_to=https%3A%2F%2Fshop.example.com%2Fwp-admin%2Fedit.php%3Fpost_type%3Dproduct&reauth=1',
      true,
    ],
    ['https://shop.example.com/wp-admin/edit.php?post_type=product&page=product_importer', false],
    ['https://shop.example.com/wp-admin/edit.php?post_type=shop_order', false],
    ['https://shop.example.com/wp-admin/edit.php', false],
    ['https://shop.example.com/wp-admin/post.php?post=55&action=trash', false],
    ['https://shop.example.com/wp-admin/post.php?post=abc&action=edit', false],
    ['https://shop.example.com/wp-admin/post-new.php?post_type=product', false],
    ['https://shop.example.com/wp-admin/admin.php?page=wc-admin&path=/product/55', false],
    ['https://shop.example.com/wp-login.php', false],
    [
      'https://shop.example.com/wp-login.php?action=lostpassword&redirect_to=%2Fwp-admin%2Fedit.php%3Fpost_type%3Dproduct',
      false,
    ],
    [
      'https://shop.example.com/wp-login.php?redirect_to=https%3A%2F%2Fevil.example%2Fwp-admin%2Fedit.php%3Fpost_type%3Dproduct',
      false,
    ],
    ['https://shop.example.com/wp-login.php?redirect_to=https%3A%2F%2Fshop.example.com%2Fwp-admin%2F&reauth=1', false],
    ['https://shop.example.com/product/trail-backpack/', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(woocommerceAdmin, new URL(href))).toBe(expected);
  });

  it('is the adapter the registry picks for wp-admin product pages', () => {
    expect(adapterForUrl(new URL(LIST))?.id).toBe('woocommerce-admin');
    expect(adapterForUrl(new URL(EDIT))?.id).toBe('woocommerce-admin');
    // A sub-path install's admin also looks like a store page (/shop/<slug>/) to woocommerce-store.
    expect(adapterForUrl(new URL('https://example.com/shop/wp-admin/post.php?post=9&action=edit'))?.id).toBe(
      'woocommerce-admin',
    );
  });
});

describe('woocommerce-admin keys', () => {
  const keyOf = (href: string) => {
    const r = read(list(row(7, simple)), href);
    return r.ok ? r.products[0].variants[0].key : r;
  };

  it.each([
    ['https://Shop.Example.com/wp-admin/edit.php?post_type=product', 'woocommerce:shop.example.com:7:default'],
    ['https://example.com/shop/wp-admin/edit.php?post_type=product', 'woocommerce:example.com%2Fshop:7:default'],
    ['https://localhost:8443/wp-admin/edit.php?post_type=product', 'woocommerce:localhost%3A8443:7:default'],
    ['https://shop.example.com:443/wp-admin/edit.php?post_type=product', 'woocommerce:shop.example.com:7:default'],
  ])('%s -> %s', (href, key) => {
    expect(keyOf(href)).toBe(key);
  });

  it('gives a login page the key of the product it was sent from', () => {
    const href =
      'https://example.com/shop/wp-login.php?redirect_to=https%3A%2F%2Fexample.com%2Fshop%2Fwp-admin%2Fpost.php%3Fpost%3D55%26action%3Dedit&reauth=1';
    expect(read('<form id="loginform"></form>', href, 'login')).toEqual({
      ok: false,
      reason: 'login-wall',
      detail: 'Sign in to your WordPress admin (wp-login.php) to read your WooCommerce listings',
      productKey: 'woocommerce:example.com%2Fshop:55',
    });
  });
});

describe('woocommerce-admin list rows', () => {
  const variant = (r: ReturnType<typeof read>) => (r.ok ? r.products[0].variants[0] : r);

  it.each([
    ['managed count', { manage_stock: 'yes', stock: '14' }, { kind: 'exact', qty: 14 }],
    ['managed, none left', { manage_stock: 'yes', stock: '0', stock_status: 'outofstock' }, { kind: 'outOfStock' }],
    [
      'negative count on backorder',
      { manage_stock: 'yes', stock: '-3', stock_status: 'onbackorder' },
      { kind: 'inStock' },
    ],
    ['unmanaged out of stock', { stock_status: 'outofstock' }, { kind: 'outOfStock' }],
    ['junk count, in stock', { manage_stock: 'yes', stock: '1e9' }, { kind: 'inStock' }],
    [
      'a status from a plugin',
      { stock_status: 'preorder' },
      { kind: 'unknown', reason: 'the row shows no stock for this product' },
    ],
  ])('%s', (_, fields, stock) => {
    expect(variant(read(list(row(3, { ...simple, ...fields })), LIST))).toMatchObject({ stock });
  });

  it('lets a visible "Out of stock" in the Stock column beat inline data claiming stock', () => {
    const cells = '<td class="is_in_stock column-is_in_stock"><mark class="outofstock">Out of stock</mark></td>';
    expect(variant(read(list(row(3, { ...simple, manage_stock: 'yes', stock: '5' }, cells)), LIST))).toMatchObject({
      stock: { kind: 'outOfStock' },
      evidence: [
        'dom:td.column-is_in_stock mark.outofstock',
        'dom:#woocommerce_inline_3 .stock',
        'dom:#woocommerce_inline_3 .stock_status=instock',
        'dom:tr.status-publish',
      ],
    });
  });

  it('prices from the inline data when the price column is hidden, never from a scheduled sale', () => {
    const meta =
      '<script id="wc-settings-js-before">var wcSettings = {"currency":{"code":"CAD","precision":2}};</script>';
    const priced = (fields: Record<string, string>) =>
      variant(read(meta + list(row(3, { ...simple, regular_price: '20', ...fields })), LIST));
    expect(priced({ sale_price: '15.5' })).toMatchObject({ price: { amount: 1550, currency: 'CAD' } });
    expect(priced({ sale_price: '15.5', sale_price_dates_from: '2026-12-01' })).not.toHaveProperty('price');
    expect(priced({})).toMatchObject({ price: { amount: 2000, currency: 'CAD' } });
  });

  it('maps post statuses, and reads a row without inline data or of a grouped product as partial', () => {
    const rows =
      row(1, simple, '', 'private') +
      row(2, simple, '', 'trash') +
      row(3, { ...simple, product_type: 'grouped' }) +
      '<tr id="post-4" class="status-publish"><td class="column-name"><a class="row-title">Bare</a></td></tr>';
    const r = read(list(rows), LIST);
    expect(r.ok && r.products.map((p) => [p.variants[0]?.status, p.partial])).toEqual([
      ['inactive', undefined],
      ['archived', undefined],
      [undefined, true],
      [undefined, true],
    ]);
  });

  it('reads a table whose rows all lack inline data as layout-changed, and a table without rows as loading', () => {
    const bare = '<tr id="post-4" class="status-publish"><td class="column-name">Bare</td></tr>';
    expect(read(list(bare), LIST)).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(read(list(''), LIST)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      detail: expect.stringMatching(/loading/),
    });
  });
});

describe('woocommerce-admin editor', () => {
  const form = (fields: string, type = 'simple') =>
    `<input type="hidden" id="original_post_status" value="publish" /><input id="title" value="Mug" />
     <div id="woocommerce-product-data"><select id="product-type"><option value="simple"${type === 'simple' ? ' selected' : ''}>Simple</option>
     <option value="variable"${type === 'variable' ? ' selected' : ''}>Variable</option></select>${fields}</div>`;

  it('reads the pre-7.6 stock status select when stock management is off store-wide', () => {
    const r = read(
      form(
        '<select id="_stock_status" name="_stock_status"><option value="instock">In</option><option value="outofstock" selected>Out</option></select>',
      ),
      EDIT,
    );
    expect(r.ok && r.products[0].variants[0]).toMatchObject({
      key: 'woocommerce:shop.example.com:55:default',
      stock: { kind: 'outOfStock' },
      status: 'active',
    });
  });

  it.each([
    ['the label symbol without wcSettings', '', 'Regular price (&pound;)', '12.50', { amount: 1250, currency: 'GBP' }],
    [
      "wcSettings' separator",
      '%22currency%22%3A%7B%22code%22%3A%22EUR%22%2C%22precision%22%3A2%2C%22decimalSeparator%22%3A%22%2C%22%7D',
      'Regulärer Preis (&euro;)',
      '1234,5',
      { amount: 123450, currency: 'EUR' },
    ],
  ])('prices the editor field from %s', (_, settings, label, value, price) => {
    const script = `<script id="wc-settings-js-before">var wcSettings = wcSettings || JSON.parse( decodeURIComponent( '${settings}' ) );</script>`;
    const fields = `<p class="form-field"><label for="_regular_price">${label}</label><input id="_regular_price" value="${value}" /></p>
      <fieldset><input type="radio" name="_stock_status" value="instock" checked /></fieldset>`;
    const r = read(script + form(fields), EDIT);
    expect(r.ok && r.products[0].variants[0].price).toEqual(price);
  });

  it('reads the saved state, not unsaved edits in the live form', () => {
    const doc = parseHtml(
      `<html><body class="post-type-product">${form('<input type="checkbox" id="_manage_stock" checked /><input id="_stock" value="9" />')}</body></html>`,
    );
    // A browser keeps the typed value in the property, the saved one in the attribute.
    Object.defineProperty(doc.getElementById('_stock'), 'value', { get: () => '0' });
    const r = woocommerceAdmin.read(doc, new URL(EDIT));
    expect(r.ok && r.products[0].variants[0].stock).toEqual({ kind: 'exact', qty: 9 });
  });

  const variations = (blocks: string, total: number, parent = '') =>
    form(
      `${parent}<div id="variable_product_options"><div class="woocommerce_variations" data-attributes="{&quot;pa_size&quot;:{&quot;name&quot;:&quot;pa_size&quot;,&quot;is_taxonomy&quot;:1}}" data-total="${total}">${blocks}</div></div>`,
      'variable',
    );
  const block = (loop: number, id: number, inner = '') =>
    `<div class="woocommerce_variation"><h3><select name="attribute_pa_size[${loop}]"><option value="">Any Size…</option><option value="m" selected>M</option></select>
     <input type="hidden" name="variable_post_id[${loop}]" value="${id}" /></h3>${inner}</div>`;

  it('shares the parent count with variations that do not manage their own, and marks a paged list partial', () => {
    const parent = '<input type="checkbox" id="_manage_stock" checked /><input id="_stock" value="40" />';
    const r = read(
      variations(
        block(0, 61, '<select name="variable_stock_status[0]"><option value="instock">In</option></select>'),
        20,
        parent,
      ),
      EDIT,
    );
    expect(r.ok && r.products[0]).toMatchObject({
      partial: true,
      variants: [
        {
          key: 'woocommerce:shop.example.com:55:61',
          label: 'M',
          options: { size: 'M' },
          stock: { kind: 'exact', qty: 40 },
        },
      ],
    });
  });

  it('reads a variable product without variations as nothing to sell, and broken variation blocks as layout-changed', () => {
    expect(read(variations('', 0), EDIT)).toMatchObject({ ok: true, products: [{ variants: [] }] });
    expect(read(variations('', Number.NaN), EDIT)).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(read(variations('<div class="woocommerce_variation"><h3>#61</h3></div>', 1), EDIT)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: 'woocommerce:shop.example.com:55',
    });
  });

  it('tells another post type, a missing product box and a WordPress error apart', () => {
    expect(read('<div id="titlediv"></div>', EDIT, 'wp-admin post-php post-type-post')).toMatchObject({
      reason: 'not-a-product-page',
    });
    expect(read('<div id="titlediv"></div>', EDIT)).toMatchObject({ reason: 'layout-changed' });
    const died =
      '<div class="wp-die-message">You attempted to edit an item that does not exist. Perhaps it was deleted?</div>';
    expect(
      woocommerceAdmin.read(parseHtml(`<html><body id="error-page">${died}</body></html>`), new URL(EDIT)),
    ).toEqual({
      ok: false,
      reason: 'http-error',
      detail:
        'WordPress showed an error instead of the page: "You attempted to edit an item that does not exist. Perhaps it was deleted?"',
      productKey: 'woocommerce:shop.example.com:55',
    });
  });

  it('never throws on hostile markup', () => {
    const hostile = variations(block(0, 61, '<input name="variable_stock[0]" value="&quot;]\\" />'), Number.NaN);
    expect(() => read(hostile, EDIT)).not.toThrow();
    expect(() => read(list(row(1, { product_type: '<script>', stock: '999999999999999999' })), LIST)).not.toThrow();
  });
});
