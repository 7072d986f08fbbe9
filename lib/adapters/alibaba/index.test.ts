// What the fixtures cannot show: URLs the adapter refuses, SKU shapes pages serve less often, hostile data.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import alibaba from '.';

const page = (detailData: string, buyBox = '') =>
  parseHtml(
    `<html><body><div class="layout-right">${buyBox}</div><script>window.detailData = ${detailData};</script></body></html>`,
  );
const url = new URL('https://www.alibaba.com/product-detail/Ceramic-Mug_1600555444333.html');
const attrs = '"skuAttrs":[{"id":14,"name":"Color","values":[{"id":29,"name":"Black"},{"id":175,"name":"White"}]}]';
const product = (sku: string, productExtra = '', globalExtra = '') =>
  `{"globalData":{"product":{"productId":1600555444333,"subject":"Ceramic Mug","sku":{${attrs},${sku}}${productExtra}}${globalExtra}}}`;
const variantsOf = (doc: Document) => {
  const read = alibaba.read(doc, url);
  return read.ok ? read.products[0].variants : read;
};

describe('alibaba URLs', () => {
  it.each([
    ['https://www.alibaba.com/product-detail/Ceramic-Mug_1600555444333.html', true],
    ['https://www.alibaba.com/product-detail/Ceramic-Mug_1600555444333.html?spm=a2700.details.0.0', true],
    ['https://www.alibaba.com/product-detail/_1600555444333.html', true],
    ['https://spanish.alibaba.com/p-detail/Taza-1600555444333.html', true],
    ['https://chinese.alibaba.com/product-detail/Ceramic-Mug-1600555444333.html', true],
    ['https://www.alibaba.com/_____tmd_____/punish?x5secdata=abc', true],
    ['https://www.alibaba.com/showroom/ceramic-mug.html', false],
    ['https://www.alibaba.com/product-detail/Ceramic-Mug.html', false],
    ['https://sale.alibaba.com/p/rts/index.html', false],
    ['https://www.aliexpress.com/item/1005001234567890.html', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(alibaba, new URL(href))).toBe(expected);
  });

  it('reads the id after the last separator, whatever the slug holds', () => {
    const read = alibaba.read(
      page('{}'),
      new URL('https://www.alibaba.com/product-detail/Mug-350ml-2024_1600555444333.html'),
    );
    expect(read).toMatchObject({ productKey: 'alibaba:1600555444333' });
  });
});

describe('alibaba SKUs', () => {
  it('keys a SKU without an id by its attribute path and prices it in the local currency', () => {
    const doc = page(
      product(
        '"skuInfoMap":{"14:175;":{"price":"4,50","stock":12},"14:29;":{"price":4.5}}',
        '',
        ',"global":{"productPriceCurrencySimpleName":"€"}',
      ),
    );
    expect(variantsOf(doc)).toEqual([
      {
        key: 'alibaba:1600555444333:14:175',
        label: 'White',
        options: { Color: 'White' },
        stock: { kind: 'exact', qty: 12 },
        evidence: ['embedded-json:product.sku.skuInfoMap[14:175;].stock'],
      },
      {
        key: 'alibaba:1600555444333:14:29',
        label: 'Black',
        options: { Color: 'Black' },
        stock: { kind: 'unknown', reason: 'made to order: no stock shown' },
        price: { amount: 450, currency: 'EUR' },
        evidence: [],
      },
    ]);
  });

  it('reads a listing without SKUs as one default item with its one inventory entry', () => {
    const doc = page(`{"globalData":{"product":{"productId":1,"subject":"Mug","sku":{},
      "price":{"productLadderPrices":[{"min":50,"dollarPrice":2.1},{"min":5,"dollarPrice":2.6}]}},
      "inventory":{"skuInventory":{"900":{"warehouseInventoryList":[{"inventoryCount":40},{"inventoryCount":"2"}]}}}}}`);
    expect(variantsOf(doc)).toEqual([
      {
        key: 'alibaba:1600555444333:default',
        label: 'Default',
        options: {},
        stock: { kind: 'exact', qty: 42 },
        price: { amount: 260, currency: 'USD' },
        evidence: ['embedded-json:inventory.skuInventory.900.warehouseInventoryList'],
      },
    ]);
  });

  it('takes a visible in-stock badge as in stock only where no count is shown', () => {
    const doc = page(product('"skuInfoMap":{"14:29;":{"id":5}}'), '<span class="product-rts-badge">In stock</span>');
    expect(variantsOf(doc)).toMatchObject([{ stock: { kind: 'inStock' }, evidence: ['text:In stock'] }]);
  });

  it('lets a visible sold-out notice beat warehouse counts', () => {
    const doc = page(
      product(
        '"skuInfoMap":{"14:29;":{"id":5}}',
        '',
        ',"inventory":{"skuInventory":{"5":{"warehouseInventoryList":[{"inventoryCount":80}]}}}',
      ),
      '<div class="sku-sold-out-tip">Sold out</div>',
    );
    expect(variantsOf(doc)).toMatchObject([
      {
        stock: { kind: 'outOfStock' },
        evidence: ['text:Sold out', 'embedded-json:inventory.skuInventory.5.warehouseInventoryList'],
      },
    ]);
  });
});

describe('alibaba hostile pages', () => {
  it('reads hostile detailData as layout-changed, never as stock', () => {
    expect(alibaba.read(page(`{globalData: ${'['.repeat(5000)}`), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: 'alibaba:1600555444333',
    });
  });

  it('survives SKU data of the wrong types', () => {
    const doc = page(
      product('"skuInfoMap":{"14:29;":{"id":{"x":1},"stock":-3},"junk":7}', ',"price":{"productLadderPrices":"cheap"}'),
    );
    expect(variantsOf(doc)).toMatchObject([
      { key: 'alibaba:1600555444333:14:29', stock: { kind: 'unknown', reason: 'made to order: no stock shown' } },
    ]);
  });
});
