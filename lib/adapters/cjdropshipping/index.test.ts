// What the fixtures cannot show: URLs the adapter takes and refuses, the warehouse and option edge cases,
// a login page in place of the product, data left over from in-place navigation, and hostile input.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import cj from '.';

const pid = '1719283746501283840';
const url = new URL(`https://cjdropshipping.com/product/neck-fan-p-${pid}.html`);
const page = (data: string, body = '') =>
  parseHtml(
    `<html><head><title>CJ</title></head><body>${body}<script>window.productDetailData = ${data};</script></body></html>`,
  );
const product = (variants: string, extra = '') =>
  `{"id":"${pid}","nameEn":"Neck Fan"${extra},"variants":[${variants}]}`;
const variantsOf = (doc: Document) => {
  const read = cj.read(doc, url);
  return read.ok ? read.products[0].variants : read;
};

describe('cjdropshipping URLs', () => {
  it.each([
    [`https://cjdropshipping.com/product/neck-fan-p-${pid}.html`, true],
    [`https://www.cjdropshipping.com/product/neck-fan-p-${pid}.html?from=list`, true],
    ['https://cjdropshipping.com/product/old-item-p-04A22450-67F0-4617-A132-E7AE7F8963B0.html', true],
    ['https://cjdropshipping.com/list/neck-fan.html', false],
    ['https://cjdropshipping.com/product/neck-fan.html', false],
    [`https://app.cjdropshipping.com/product/neck-fan-p-${pid}.html`, false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(cj, new URL(href))).toBe(expected);
  });
});

describe('cjdropshipping variants', () => {
  it('keeps a hyphenated value whole instead of guessing the split', () => {
    const doc = page(
      product(
        '{"vid":"1","variantKey":"Red-1-2 Years","inventories":[{"countryCode":"CN","totalInventoryNum":5}]}',
        ',"productKeyEn":"Color-Size"',
      ),
    );
    expect(variantsOf(doc)).toMatchObject([
      { key: `cjdropshipping:${pid}:1:CN`, options: { Variant: 'Red-1-2 Years', 'Ships From': 'CN' } },
    ]);
  });

  it('never sums a country whose second warehouse gives no count', () => {
    const doc = page(
      product(
        '{"vid":"1","variantKey":"Red","inventories":[{"countryCode":"US","totalInventoryNum":5},{"countryCode":"us","areaEn":"US Warehouse"}]}',
      ),
    );
    expect(variantsOf(doc)).toMatchObject([
      {
        key: `cjdropshipping:${pid}:1:US`,
        stock: { kind: 'unknown', reason: 'CJdropshipping gave no inventory count for this warehouse' },
      },
    ]);
  });

  it('keys a variant listed without warehouses by its vid alone', () => {
    const doc = page(
      product('{"vid":"9","variantKey":"Red","variantSellPrice":"3.5","inventoryNum":0}', ',"productKeyEn":"Color"'),
    );
    expect(variantsOf(doc)).toEqual([
      {
        key: `cjdropshipping:${pid}:9`,
        label: 'Red',
        options: { Color: 'Red' },
        stock: { kind: 'outOfStock' },
        price: { amount: 350, currency: 'USD' },
        evidence: ['embedded-json:productDetailData.variants[0].inventoryNum'],
      },
    ]);
  });
});

describe('cjdropshipping pages', () => {
  it('reads a login page served under a product URL as a login wall', () => {
    const doc = parseHtml(
      '<html><body><form action="/api/login"><input name="email"><input type="password"></form><script>var x = 1;</script></body></html>',
    );
    expect(cj.read(doc, url)).toMatchObject({ ok: false, reason: 'login-wall', productKey: `cjdropshipping:${pid}` });
  });

  it('reads hidden counts without any warehouse to key them by as a login wall', () => {
    const doc = page(
      product('{"vid":"1","variantKey":"Red"}'),
      '<div class="inventory">Inventory: Login to view</div>',
    );
    expect(cj.read(doc, url)).toMatchObject({ ok: false, reason: 'login-wall' });
  });

  it('refuses data that describes another product (navigated without a reload)', () => {
    const doc = page('{"id":"1700000000000000001","variants":[{"vid":"1","inventoryNum":3}]}');
    expect(cj.read(doc, url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: `cjdropshipping:${pid}`,
    });
  });

  it('reads hostile or missing data as layout-changed, never as stock', () => {
    expect(cj.read(page(`{"variants":${'['.repeat(5000)}`), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
    expect(cj.read(page('{"variants":[{"variantKey":"no vid"}]}'), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
    expect(cj.read(parseHtml('<html><body><h1>Neck Fan</h1></body></html>'), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
  });

  it('says a non-product page is one', () => {
    const read = cj.read(parseHtml('<html><body></body></html>'), new URL('https://cjdropshipping.com/list/fans.html'));
    expect(read).toMatchObject({ ok: false, reason: 'not-a-product-page' });
  });
});
