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
    ['https://es.aliexpress.com/item/1005001234567890.html', true],
    ['https://de.aliexpress.com/item/1005001234567890.html?gatewayAdapt=glo2deu', true],
    ['https://fr.aliexpress.com/item/1005001234567890.html', true],
    ['https://m.aliexpress.com/item/1005001234567890.html', true],
    // aliexpress.ru is a separate site (its own pages and data): not this adapter's.
    ['https://aliexpress.ru/item/1005001234567890.html', false],
    ['https://www.aliexpress.ru/item/1005001234567890.html', false],
    ['https://m.aliexpress.ru/item/1005001234567890.html', false],
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

describe('aliexpress current layout (captured pdp response)', () => {
  const shell = (response: unknown, runParams = '{}') =>
    parseHtml(
      `<html><head><script type="application/json" data-oversell-guard-capture="mtop.aliexpress.pdp.pc.query">${JSON.stringify(response)}</script></head>` +
        `<body><div id="root"></div><script>window.runParams = ${runParams};</script></body></html>`,
    );
  const result = (overrides: object = {}) => ({
    GLOBAL_DATA: { globalData: { productId: 1005001234567890, currencyCode: 'USD' } },
    PRODUCT_TITLE: { text: 'Desk lamp' },
    SKU: {
      skuProperties: [
        {
          skuPropertyId: 14,
          skuPropertyName: 'Color',
          skuPropertyValues: [{ propertyValueIdLong: 193, propertyValueDisplayName: 'Black' }],
        },
        {
          skuPropertyId: 200007763,
          skuPropertyName: 'Ships From',
          skuPropertyValues: [{ propertyValueIdLong: 201336100, propertyValueName: 'China' }],
        },
      ],
      skuPaths: [{ skuIdStr: '12000001', path: '200007763:201336100;14:193', skuStock: 3, salable: false }],
    },
    ...overrides,
  });
  const variant = (response: unknown) => {
    const read = aliexpress.read(shell(response), url);
    return read.ok ? read.products[0].variants[0] : read;
  };

  it('keys by the property path in property order and keeps Ships From as an option', () => {
    expect(variant({ data: { result: result() } })).toMatchObject({
      key: 'aliexpress:1005001234567890:14:193;200007763:201336100',
      label: 'Black / China',
      options: { Color: 'Black', 'Ships From': 'China' },
    });
  });

  it('lets a SKU count beat salable, either way, and asks salable only when the count is missing', () => {
    const stockOf = (entry: object) =>
      (
        variant({
          data: {
            result: result({ SKU: { ...result().SKU, skuPaths: [{ skuIdStr: '1', path: '14:193', ...entry }] } }),
          },
        }) as { stock: unknown }
      ).stock;
    expect(stockOf({ skuStock: 3, salable: false })).toEqual({ kind: 'exact', qty: 3 });
    expect(stockOf({ skuStock: 0, salable: true })).toEqual({ kind: 'outOfStock' });
    expect(stockOf({ salable: false })).toEqual({ kind: 'outOfStock' });
    expect(stockOf({ salable: true })).toEqual({ kind: 'inStock' });
    expect(stockOf({})).toMatchObject({ kind: 'unknown' });
  });

  it('reads keyed skuPaths, comma paths, salePrice objects and fastjson $ref price entries', () => {
    const response = {
      data: {
        result: result({
          SKU: { ...result().SKU, skuPaths: { a: { skuIdStr: '7', path: '14:193,200007763:201336100', skuStock: 2 } } },
          PRICE: {
            targetSkuPriceInfo: { salePrice: { value: 12.5, currency: 'EUR' }, salePriceLocal: '12,50€|12|50' },
            skuPriceInfoMap: { '7': { $ref: '$.PRICE.targetSkuPriceInfo' } },
          },
        }),
      },
    };
    expect(variant(response)).toMatchObject({
      key: 'aliexpress:1005001234567890:14:193;200007763:201336100',
      sku: '7',
      price: { amount: 1250, currency: 'EUR' },
      evidence: ['embedded-json:data.result.SKU.skuPaths.a.skuStock'],
    });
  });

  it('prices from salePriceLocal in the shopper currency when no amount names its own', () => {
    const response = {
      data: {
        result: result({ PRICE: { skuIdStrPriceInfoMap: { '12000001': { salePriceLocal: '₩11,930|11930|' } } } }),
      },
    };
    const korean = structuredClone(response);
    korean.data.result.GLOBAL_DATA.globalData.currencyCode = 'KRW';
    expect(variant(korean)).toMatchObject({ price: { amount: 11930, currency: 'KRW' } });
  });

  it('falls back to the page-wide inventory for an item without SKU paths', () => {
    const response = {
      data: { result: result({ SKU: { skuProperties: [] }, QUANTITY_PC: { totalAvailableInventory: 12 } }) },
    };
    expect(variant(response)).toMatchObject({
      key: 'aliexpress:1005001234567890:default',
      stock: { kind: 'exact', qty: 12 },
      evidence: ['embedded-json:data.result.QUANTITY_PC.totalAvailableInventory'],
    });
  });

  it('prefers runParams to a capture', () => {
    const runParams = `{data: {titleModule: {subject: "Mug"}, quantityModule: {totalAvailQuantity: 4}}}`;
    const read = aliexpress.read(shell({ data: { result: result() } }, runParams), url);
    expect(read.ok && read.products[0]).toMatchObject({
      title: 'Mug',
      variants: [{ stock: { kind: 'exact', qty: 4 } }],
    });
  });

  it.each([
    [
      'a capture about another product',
      { data: { result: result({ GLOBAL_DATA: { globalData: { productId: 1005009999999999 } } }) } },
    ],
    ['a capture without SKU data', { data: { result: { PRODUCT_TITLE: { text: 'Desk lamp' } } } }],
    ['a capture that is not JSON', '{data: oops'],
  ])('reads %s as layout-changed, never as stock', (_label, response) => {
    const doc =
      typeof response === 'string'
        ? parseHtml(
            `<html><head><script type="application/json" data-oversell-guard-capture="mtop.aliexpress.pdp.pc.query">${response}</script></head></html>`,
          )
        : shell(response);
    expect(aliexpress.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});
