// What the fixtures cannot show: URLs the adapter refuses, and SKU shapes real pages serve less often.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import aliexpress from '.';

const page = (runParams: string, body = '') =>
  parseHtml(`<html><head></head><body>${body}<script>window.runParams = ${runParams};</script></body></html>`);
const url = new URL('https://www.aliexpress.com/item/1005001234567890.html');

describe('aliexpress URLs', () => {
  it.each([
    ['https://www.aliexpress.com/item/1005001234567890.html', true],
    ['https://fr.aliexpress.com/item/1005001234567890.html?spm=a2g0o.home', true],
    ['https://www.aliexpress.com/item/-/1005001234567890.html', true],
    ['https://www.aliexpress.us/item/3256801234567890.html', true],
    ['https://www.aliexpress.com/_____tmd_____/punish?x5secdata=abc', true],
    ['https://www.aliexpress.com/item/1005001234567890.html/_____tmd_____/punish?x5secdata=abc', true],
    ['https://www.aliexpress.com/store/1101234567', false],
    ['https://www.aliexpress.com/item/not-a-number.html', false],
    ['https://www.aliexpress.ru/item/1005001234567890.html', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(aliexpress, new URL(href))).toBe(expected);
  });

  it('reads a page without a product id as not-a-product-page', () => {
    const read = aliexpress.read(page('{}'), new URL('https://www.aliexpress.com/store/1101234567'));
    expect(read).toMatchObject({ ok: false, reason: 'not-a-product-page' });
  });
});

describe('aliexpress SKUs', () => {
  const properties = `productSKUPropertyList: [
    {skuPropertyId: 14, skuPropertyName: 'Color', skuPropertyValues: [{propertyValueId: 193, propertyValueName: 'Black'}]},
    {skuPropertyId: 5, skuPropertyName: 'Size', skuPropertyValues: [{propertyValueId: 361386, propertyValueName: 'L'}]}]`;

  it('builds the key from skuPropIds when skuAttr is missing, in property order', () => {
    const doc = page(`{data: {skuModule: {${properties},
      skuPriceList: [{skuIdStr: '1', skuPropIds: '193,361386', skuVal: {availQuantity: 5}}]}}}`);
    const read = aliexpress.read(doc, url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'aliexpress:1005001234567890:14:193;5:361386',
      label: 'Black / L',
      options: { Color: 'Black', Size: 'L' },
      stock: { kind: 'exact', qty: 5 },
    });
  });

  it('orders an out-of-order skuAttr by property and ignores renamed values for the key', () => {
    const doc = page(`{data: {skuModule: {${properties},
      skuPriceList: [{skuAttr: '5:361386#Large;14:193#Jet Black', skuVal: {availQuantity: '0'}}]}}}`);
    const read = aliexpress.read(doc, url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'aliexpress:1005001234567890:14:193;5:361386',
      stock: { kind: 'outOfStock' },
    });
  });

  it('falls back to the page-wide count for an item without a SKU list', () => {
    const doc = page('{data: {titleModule: {subject: "Mug"}, quantityModule: {totalAvailQuantity: 12}}}');
    expect(aliexpress.read(doc, url)).toEqual({
      ok: true,
      evidence: ['embedded-json:quantityModule.totalAvailQuantity'],
      products: [
        {
          key: 'aliexpress:1005001234567890',
          title: 'Mug',
          variants: [
            {
              key: 'aliexpress:1005001234567890:default',
              label: 'Default',
              options: {},
              stock: { kind: 'exact', qty: 12 },
              evidence: ['embedded-json:quantityModule.totalAvailQuantity'],
            },
          ],
        },
      ],
    });
  });

  it('reads hostile runParams as layout-changed, never as stock', () => {
    const doc = page(`{data: ${'['.repeat(5000)}`);
    expect(aliexpress.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});
