// What the fixtures cannot show: URLs the adapter refuses, keys, list wording in other admin languages, rows that
// name their variant, hostile markup, and a 1,000-row list within its budget.
import { describe, expect, it } from 'vitest';
import { medianCpuMs } from '../../../tests/cpu-time';
import { parseHtml } from '../../../tests/parse-html';
import { PageReadSchema } from '../../model';
import { adapterMatches } from '../define';
import shopifyAdmin from '.';
import { readInventorySummary, statusOfBadge } from './admin-wording';

const read = (body: string, href: string) => {
  const page = shopifyAdmin.read(parseHtml(`<html><body><main>${body}</main></body></html>`), new URL(href));
  expect(PageReadSchema.safeParse(page).success).toBe(true);
  return page;
};
const LIST = 'https://admin.shopify.com/store/northwind-supply/products?selectedView=all';
const INVENTORY = 'https://admin.shopify.com/store/northwind-supply/products/inventory';
// linkedom's selector engine is many times slower than Chromium's (the budget there is 50 ms for 1,000 rows,
// measured at a few ms); CPU time rather than wall time, so a busy CI machine does not fail the test.
const LINKEDOM_BUDGET_MS = 100;

/** Median CPU time of five reads after a warm-up, checking a read gives `products` products. */
function medianReadMs(doc: Document, href: string, products: number): number {
  const url = new URL(href);
  const page = shopifyAdmin.read(doc, url);
  expect(page.ok && page.products.length).toBe(products);
  return medianCpuMs(() => shopifyAdmin.read(doc, url));
}

describe('shopify-admin URLs', () => {
  it.each([
    ['https://admin.shopify.com/store/northwind-supply/products/8123456789012', true],
    ['https://admin.shopify.com/store/northwind-supply/products', true],
    ['https://admin.shopify.com/store/northwind-supply/products/', true],
    ['https://admin.shopify.com/store/northwind-supply/products?selectedView=all&status=ACTIVE', true],
    ['https://admin.shopify.com/store/northwind-supply/products?after=eyJsYXN0X2lkIjo4MTJ9', true],
    ['https://admin.shopify.com/store/northwind-supply/products/inventory', true],
    ['https://admin.shopify.com/store/northwind-supply/products/inventory?location_id=71234567001', true],
    ['https://evergreen-atelier.myshopify.com/admin/products', true],
    ['https://evergreen-atelier.myshopify.com/admin/products?page=2', true],
    ['https://evergreen-atelier.myshopify.com/admin/products/inventory?location_id=61234567', true],
    ['https://evergreen-atelier.myshopify.com/admin/products/7345678901234', true],
    ['https://admin.shopify.com/store/northwind-supply/products/new', false],
    ['https://admin.shopify.com/store/northwind-supply/products/8123456789012/variants/44123456789001', false],
    ['https://admin.shopify.com/store/northwind-supply/products/inventory/transfers', false],
    ['https://admin.shopify.com/store/northwind-supply/productsfeed', false],
    ['https://admin.shopify.com/store/northwind-supply/orders', false],
    ['https://admin.shopify.com/store/northwind-supply/collections', false],
    ['https://evergreen-atelier.myshopify.com/products/kerze', false],
    ['https://shop.example.com/admin/products', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(shopifyAdmin, new URL(href))).toBe(expected);
  });

  it('keys the shop by its handle in lower case, under both admin hosts', () => {
    const row = '<table><tr><td><a href="/store/NorthWind-Supply/products/42">Tee</a></td></tr></table>';
    const page = read(row, 'https://admin.shopify.com/store/NorthWind-Supply/products');
    expect(page.ok && page.products[0].key).toBe('shopify:northwind-supply:42');
    const legacy = read(
      row.replace('/store/NorthWind-Supply', '/admin'),
      'https://Evergreen-Atelier.myshopify.com/admin/products',
    );
    expect(legacy.ok && legacy.products[0].key).toBe('shopify:evergreen-atelier:42');
  });
});

describe('shopify-admin list wording', () => {
  it.each([
    ['Success Active', 'active'],
    ['Active', 'active'],
    ['Info Unlisted', 'active'],
    ['Erfolg Aktiv', 'active'],
    ['Info Entwurf', 'draft'],
    ['Archiviert', 'archived'],
    ['有效', 'active'],
    ['信息草稿', 'draft'],
    ['已归档', 'archived'],
    ['Inactive', null],
    ['Inaktiv', null],
    ['Draft Beer Glass', null],
  ])('badge %s -> %s', (text, status) => {
    expect(statusOfBadge(text)?.status ?? null).toBe(status);
  });

  it.each([
    ['12 in stock', 12, 1],
    ['0 in stock for 3 variants', 0, 3],
    ['1,240 in stock for 12 variants', 1240, 12],
    ['-2 in stock', -2, 1],
    ['−2 in stock', -2, 1],
    ['1.240 auf Lager für 2 Varianten', 1240, 2],
    ['12 件库存', 12, 1],
  ])('inventory %s -> %d for %d variants', (text, qty, variants) => {
    expect(readInventorySummary(text)).toMatchObject({ kind: 'count', qty, variants });
  });

  it('reads untracked inventory and refuses other cells', () => {
    expect(readInventorySummary('Inventory not tracked')?.kind).toBe('untracked');
    expect(readInventorySummary('Inventar wird nicht verfolgt')?.kind).toBe('untracked');
    expect(readInventorySummary('Apparel & Accessories')).toBeNull();
    expect(readInventorySummary('3')).toBeNull();
  });
});

describe('shopify-admin products list', () => {
  const row = (cells: string) => `<table><tbody><tr>${cells}</tr></tbody></table>`;
  const title = '<td><a data-primary-link="true" href="/store/northwind-supply/products/812">Canvas Tote</a></td>';

  it('gives a row that names its only variant that variant, with the badge status and the count', () => {
    const link = '<a href="/store/northwind-supply/products/812/variants/4401">12 in stock</a>';
    const page = read(row(`${title}<td>Info Draft</td><td>${link}</td>`), LIST);
    expect(page.ok && page.products[0]).toEqual({
      key: 'shopify:northwind-supply:812',
      title: 'Canvas Tote',
      variants: [
        {
          key: 'shopify:northwind-supply:812:4401',
          label: 'Default Title',
          options: {},
          stock: { kind: 'exact', qty: 12 },
          status: 'draft',
          evidence: ['text:12 in stock', 'text:draft'],
        },
      ],
      partial: true,
    });
  });

  it('gives no variant when the named variant is one of several (the count is the product total)', () => {
    const cells = `${title}<td>Active</td><td><a href="/store/x/products/812/variants/4401">30 in stock for 3 variants</a></td>`;
    const page = read(row(cells), LIST);
    expect(page.ok && page.products[0].variants).toEqual([]);
  });

  it('reads a negative or untracked count as unknown, never as zero', () => {
    const variant = (inventory: string) => {
      const cells = `${title}<td>Active</td><td><a href="/store/x/products/812/variants/4401">${inventory}</a></td>`;
      const page = read(row(cells), LIST);
      return page.ok ? page.products[0].variants[0].stock : null;
    };
    expect(variant('-2 in stock')).toMatchObject({ kind: 'unknown' });
    expect(variant('Inventory not tracked')).toEqual({
      kind: 'unknown',
      reason: 'inventory not tracked: Shopify keeps selling',
    });
  });

  it('reads a filtered view with no results as an empty list', () => {
    const empty = '<div><p>No products found</p><p>Try changing the filters or search term</p></div>';
    expect(read(empty, LIST)).toMatchObject({ ok: false, reason: 'not-a-product-page' });
    expect(read('<div><h2>Keine Produkte gefunden</h2></div>', LIST)).toMatchObject({ reason: 'not-a-product-page' });
  });

  it('never throws on hostile markup and ignores links that are no product rows', () => {
    const links = [
      '<a href="/store/x/products/new">Add product</a>',
      '<a href="/store/x/products/inventory">Inventory</a>',
      '<a href="/store/x/products/12abc">x</a>',
      '<a href="javascript:alert(1)">/products/1</a>',
      '<a>no href</a>',
    ];
    const outside = '<p><a href="/store/x/products/99">outside any row</a></p>';
    const hostile = row(links.map((l) => `<td>${l}</td>`).join('')) + outside;
    expect(read(hostile, LIST)).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(read('', LIST)).toMatchObject({ ok: false, reason: 'layout-changed' });
    const huge = row(`<td><a href="/store/x/products/${'9'.repeat(400)}">Too long an id</a></td>`);
    expect(read(huge, LIST)).toMatchObject({ ok: false, reason: 'layout-changed' });
    const long = row(`<td><a href="/store/x/products/5">${'T'.repeat(900)}</a></td>`);
    const page = read(long, LIST);
    expect(page.ok && page.products[0].title.length).toBe(500);
  });

  it('reads 1,000 rows within budget', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `<tr id="gid://shopify/Product/${8e12 + i}"><td><input type="checkbox"></td><td><a data-primary-link="true" href="/store/northwind-supply/products/${8e12 + i}"><span>Product ${i}</span></a></td><td><span>Success Active</span></td><td><span>${i % 7} in stock for 3 variants</span></td><td>3</td><td>2</td><td>Shirts</td><td>T-Shirts</td><td>Northwind</td></tr>`,
    ).join('');
    const page = parseHtml(`<html><body><main><table><tbody>${rows}</tbody></table></main></body></html>`);
    expect(medianReadMs(page, LIST, 1000)).toBeLessThan(LINKEDOM_BUDGET_MS);
  });
});

describe('shopify-admin inventory page', () => {
  const table = (headings: string[], rows: string) =>
    `<table><thead><tr><th></th>${headings.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  const variantRow = (vid: number, variant: string, sku: string, available: string, onHand = '9') =>
    `<tr><td><input type="checkbox"></td><td><a href="/store/northwind-supply/products/812/variants/${vid}">Canvas Tote</a><span>${variant}</span></td><td>${sku}</td><td>0</td><td><input type="number" value="${available}"></td><td><input type="number" value="${onHand}"></td></tr>`;
  const EN = ['Product', 'SKU', 'Committed', 'Available', 'On hand'];
  const DE = ['Produkt', 'SKU', 'Zugesagt', 'Verfügbar', 'Auf Lager'];

  it('reads German headings and an "Alle Standorte" view as the total', () => {
    const title = '<div><h1>Inventar</h1><button aria-haspopup="true">Alle Standorte</button></div>';
    const page = read(
      title + table(DE, variantRow(1, 'Sand', 'CT-SND', '7') + variantRow(2, 'Schiefer', '', '0')),
      INVENTORY,
    );
    expect(page.ok && page.products[0].variants.map((v) => [v.label, v.sku, v.stock])).toEqual([
      ['Sand', 'CT-SND', { kind: 'exact', qty: 7 }],
      ['Schiefer', undefined, { kind: 'outOfStock' }],
    ]);
    expect(page.ok && page.evidence).toEqual(['dom:a[href*="/variants/"]', 'text:Verfügbar', 'text:Alle Standorte']);
  });

  it('takes a location name that opens no list (a single location) as the total', () => {
    const title = '<div><h1>Inventory</h1><button aria-haspopup="true" disabled>Shop location</button></div>';
    const page = read(title + table(EN, variantRow(1, 'Sand', 'CT-SND', '7')), INVENTORY);
    expect(page.ok && page.products[0].variants[0].stock).toEqual({ kind: 'exact', qty: 7 });
  });

  it('reads an untracked or unreadable Available cell as unknown', () => {
    const untracked = variantRow(1, 'Sand', 'CT-SND', '').replace(
      /<td><input type="number" value=""><\/td>/,
      '<td>Not tracked</td>',
    );
    const page = read(table(EN, untracked + variantRow(2, 'Slate', 'CT-SLT', 'n/a')), INVENTORY);
    expect(page.ok && page.products[0].variants.map((v) => v.stock.kind)).toEqual(['unknown', 'unknown']);
  });

  it('reads rows without an Available heading as a changed layout, not as zero', () => {
    const page = read(
      table(['Product', 'SKU', 'Committed', 'Stock', 'On hand'], variantRow(1, 'Sand', 'CT-SND', '7')),
      INVENTORY,
    );
    expect(page).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('reads 1,000 variant rows of 250 products within budget', () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      variantRow(4e13 + i, `Size ${i % 4}`, `SKU-${i}`, String(i % 9)).replace(
        '/products/812/',
        `/products/${8e12 + (i >> 2)}/`,
      ),
    ).join('');
    const page = parseHtml(`<html><body><main>${table(EN, rows)}</main></body></html>`);
    expect(medianReadMs(page, INVENTORY, 250)).toBeLessThan(LINKEDOM_BUDGET_MS);
  });

  it('reads an empty inventory page as an empty list', () => {
    expect(read('<h1>Inventory</h1><p>No inventory items found</p>', INVENTORY)).toMatchObject({
      ok: false,
      reason: 'not-a-product-page',
    });
  });
});
