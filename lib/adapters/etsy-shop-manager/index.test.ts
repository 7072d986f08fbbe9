// What the fixtures cannot show: URLs the adapter takes and refuses, key building, rare table and card shapes,
// hostile input, and the read time of a 1,000-card grid.
import { describe, expect, it } from 'vitest';
import { medianCpuMs } from '../../../tests/cpu-time';
import { parseHtml } from '../../../tests/parse-html';
import { adapterForUrl } from '..';
import { adapterMatches } from '../define';
import etsyShopManager from '.';
import { optionsVariantKey, shopManagerPage } from './urls';

const LIST_URL = new URL('https://www.etsy.com/your/shops/me/tools/listings?item_status=active');
const EDIT_URL = new URL('https://www.etsy.com/your/shops/me/listing-editor/edit/1623458870');
const read = (html: string, url = LIST_URL) =>
  etsyShopManager.read(parseHtml(`<html><body>${html}</body></html>`), url);

const card = (id: number | string, quantity: string, price: string, extra = '') =>
  `<li class="wt-block-grid__item"><a class="card-body" href="/your/shops/me/listing-editor/edit/${id}">
    <h2 class="card-title" title="Listing ${id}">Listing ${id}</h2>${extra}
    <div class="card-meta-row-quantity">${quantity}</div><div class="card-meta-row-price">${price}</div></a></li>`;

describe('etsy-shop-manager URLs', () => {
  it.each([
    ['https://www.etsy.com/your/shops/me/tools/listings', 'list'],
    ['https://www.etsy.com/your/shops/me/tools/listings?item_status=sold_out&stats=true&page=2', 'list'],
    ['https://www.etsy.com/your/shops/me/tools/listings/state:inactive,view:table', 'list'],
    ['https://www.etsy.com/your/shops/me/tools/listings/page:3', 'list'],
    ['https://www.etsy.com/your/shops/HedgerowPrints/tools/listings/state:expired', 'list'],
    ['https://www.etsy.com/your/shops/me/listing-editor/edit/1623458870', 'edit'],
    ['https://www.etsy.com/your/shops/me/listing-editor/edit/1623458870?ref=listings_manager_grid#variations', 'edit'],
    ['https://www.etsy.com/your/shops/me/tools/listings/1623458870', 'edit'],
    ['https://www.etsy.com/your/shops/me/tools/listings/state:inactive/1623458870', 'edit'],
    ['https://www.etsy.com/your/shops/me/tools/listings/create', null],
    ['https://www.etsy.com/your/shops/me/listing-editor/create', null],
    ['https://www.etsy.com/your/shops/me/dashboard', null],
    ['https://www.etsy.com/listing/1623458870/speckled-stoneware-mug', null],
    ['https://etsy.com/your/shops/me/tools/listings', null],
  ])('%s -> %s', (href, kind) => {
    const url = new URL(href);
    expect(shopManagerPage(url)?.kind ?? null).toBe(kind);
    expect(adapterMatches(etsyShopManager, url)).toBe(kind !== null);
  });

  it('is the adapter for Shop Manager pages, and the supplier adapter keeps /listing/ pages', () => {
    expect(adapterForUrl(EDIT_URL)?.id).toBe('etsy-shop-manager');
    expect(adapterForUrl(new URL('https://www.etsy.com/listing/1623458870/mug'))?.id).toBe('etsy');
  });
});

describe('etsy-shop-manager keys', () => {
  it('orders option values by option name and percent-encodes them', () => {
    expect(optionsVariantKey('etsy-listing:1', { Size: 'L/XL', Color: 'Sage: light' })).toBe(
      'etsy-listing:1:Sage%3A%20light%7CL%2FXL',
    );
  });

  it('gives a listing without variations the same key on the grid and in the editor', () => {
    const grid = read(card(1623458870, '14 in stock', '$38.00'));
    const editor = read(
      '<h1>Edit listing</h1><textarea id="listing-title-input">Mug</textarea><input id="listing-quantity-input" value="14">',
      EDIT_URL,
    );
    const key = (r: ReturnType<typeof read>) => (r.ok ? r.products[0].variants[0].key : null);
    expect(key(grid)).toBe('etsy-listing:1623458870:default');
    expect(key(editor)).toBe(key(grid));
  });
});

describe('etsy-shop-manager grid cards', () => {
  it('reads a card that names its variations as partial, without variants', () => {
    const r = read(card(11111, '25 in stock · 6 variations', '$40.00'));
    expect(r.ok && r.products[0]).toEqual({
      key: 'etsy-listing:11111',
      title: 'Listing 11111',
      variants: [],
      partial: true,
    });
  });

  it('reads a sale price next to the struck-through one as one item, not as a range of variations', () => {
    const r = read(card(11112, '4 in stock', '<span>$30.00</span> <del>$38.00</del>'));
    expect(r.ok && r.products[0]).toMatchObject({
      variants: [{ key: 'etsy-listing:11112:default', stock: { kind: 'exact', qty: 4 } }],
    });
  });

  it('reads a card without a quantity as unknown, never as zero', () => {
    const r = read(card(22222, '', '$40.00'));
    expect(r.ok && r.products[0].variants[0].stock).toEqual({
      kind: 'unknown',
      reason: 'the listing card shows no quantity',
    });
  });

  it('takes the state from the query when no filter is drawn, and leaves status out when nothing says it', () => {
    const expired = etsyShopManager.read(
      parseHtml(`<ul class="wt-block-grid">${card(33333, '2 in stock', '$9.00')}</ul>`),
      new URL('https://www.etsy.com/your/shops/me/tools/listings?item_status=expired'),
    );
    expect(expired.ok && expired.products[0].variants[0]).toMatchObject({
      status: 'inactive',
      evidence: ['dom:.card-meta-row-quantity', 'url:item_status=expired'],
    });
    const plain = etsyShopManager.read(
      parseHtml(card(33333, '2 in stock', '$9.00')),
      new URL('https://www.etsy.com/your/shops/me/tools/listings'),
    );
    expect(plain.ok && plain.products[0].variants[0].status).toBeUndefined();
  });

  it('skips cards that link to no listing and reads each listing once', () => {
    const r = read(
      `<li class="wt-block-grid__item"><a href="/your/shops/me/listing-editor/create">Add</a></li>${card(44444, '1 in stock', '$5.00')}${card(44444, '1 in stock', '$5.00')}`,
    );
    expect(r.ok && r.products.map((p) => p.key)).toEqual(['etsy-listing:44444']);
  });

  it('reads 1,000 cards well under 50 ms', () => {
    const cards = Array.from({ length: 1000 }, (_, i) =>
      card(1_500_000_000 + i, `${i % 40} in stock`, `$${(i % 90) + 10}.00`),
    ).join('');
    const doc = parseHtml(
      `<html><body><input type="radio" name="item_status" value="active" checked><ul class="wt-block-grid">${cards}</ul></body></html>`,
    );
    const read = etsyShopManager.read(doc, LIST_URL);
    expect(read.ok && read.products.length).toBe(1000);
    // linkedom in Node is several times slower than a browser's DOM; the budget there is 50 ms.
    expect(medianCpuMs(() => etsyShopManager.read(doc, LIST_URL))).toBeLessThan(250);
  });
});

describe('etsy-shop-manager editor', () => {
  const editor = (table: string, more = '') =>
    `<h1>Edit listing</h1><span class="wt-badge">Entwurf</span><textarea id="listing-title-input">Apron</textarea>
     <div><span>$</span><input id="listing-price-input" value="40.00"></div><input id="listing-quantity-input" value="9">
     <section id="field-variations"><table><thead><tr><th>Size</th><th>Price</th><th>Visible</th></tr></thead><tbody>${table}</tbody></table>${more}</section>`;
  const row = (size: string) =>
    `<tr><td>${size}</td><td><input data-testid="price-input" value=""></td><td><input type="checkbox" checked></td></tr>`;

  it('gives every variation the listing quantity and price when they do not vary', () => {
    const r = read(editor(row('S') + row('M')), EDIT_URL);
    expect(r.ok && r.products[0].variants[1]).toEqual({
      key: 'etsy-listing:1623458870:M',
      label: 'M',
      options: { Size: 'M' },
      stock: { kind: 'exact', qty: 9 },
      price: { amount: 4000, currency: 'USD' },
      status: 'draft',
      evidence: ['dom:#listing-quantity-input', 'text:Entwurf'],
    });
  });

  it('marks the product partial while "Show all" hides rows', () => {
    const r = read(editor(row('S'), '<div class="wt-text-center-xs"><button>Show all 48</button></div>'), EDIT_URL);
    expect(r.ok && r.products[0].partial).toBe(true);
  });

  it('reads a signed-out editor as a login wall naming the listing', () => {
    expect(read('<form id="join-neu-form"><input id="join_neu_email_field"></form>', EDIT_URL)).toEqual({
      ok: false,
      reason: 'login-wall',
      detail: 'Sign in to Etsy to read your listings in Shop Manager',
      productKey: 'etsy-listing:1623458870',
    });
  });

  it('reads a form without price, quantity or variations as layout-changed', () => {
    expect(read('<textarea id="listing-title-input">Mug</textarea>', EDIT_URL)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
  });
});

describe('etsy-shop-manager hostile input', () => {
  it.each([
    ['an empty document', ''],
    ['a card with a huge title and junk rows', card('9'.repeat(15), 'x'.repeat(50_000), '<'.repeat(5_000))],
    [
      'a table with no header',
      '<section id="field-variations"><table><tbody><tr><td>S</td></tr></tbody></table></section>',
    ],
  ])('never throws on %s', (_label, html) => {
    expect(() => read(html)).not.toThrow();
    expect(() => read(html, EDIT_URL)).not.toThrow();
  });
});
