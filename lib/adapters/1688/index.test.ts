// What the fixtures cannot show: URLs the adapter refuses, SKU shapes pages serve less often, hostile data.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import alibaba1688 from '.';

const page = (script: string, body = '') =>
  parseHtml(`<html><head></head><body>${body}<script>${script}</script></body></html>`);
const initData = (globalData: string) => page(`window.__INIT_DATA=${`{"data":{},"globalData":${globalData}}`};`);
const url = new URL('https://detail.1688.com/offer/738412956027.html');
const skuModel = (skuInfoMap: string) =>
  `{"skuModel":{"skuProps":[{"prop":"颜色","value":[{"name":"红色"}]},{"prop":"尺码","value":[{"name":"XL"}]}],"skuInfoMap":${skuInfoMap}}}`;
const variantsOf = (doc: Document) => {
  const read = alibaba1688.read(doc, url);
  return read.ok ? read.products[0].variants : read;
};

describe('1688 URLs', () => {
  it.each([
    ['https://detail.1688.com/offer/738412956027.html', true],
    ['https://detail.1688.com/offer/738412956027.html?spm=a26352.13672862.offerlist.1', true],
    ['https://m.1688.com/offer/738412956027.html', true],
    ['https://detail.1688.com/_____tmd_____/punish?x5secdata=abc', true],
    ['https://login.1688.com/member/signin.htm?Done=https%3A%2F%2Fdetail.1688.com%2Foffer%2F738412956027.html', true],
    ['https://login.1688.com/member/signin.htm', false],
    ['https://login.1688.com/member/signin.htm?Done=https%3A%2F%2Fwork.1688.com%2F', false],
    ['https://login.1688.com/member/signin.htm?Done=https%3A%2F%2Fevil.example%2Foffer%2F738412956027.html', false],
    ['https://detail.1688.com/offer/not-a-number.html', false],
    ['https://s.1688.com/selloffer/offer_search.htm?keywords=t%E6%81%A4', false],
    ['https://zhimengfushi.1688.com/page/offerlist.htm', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(alibaba1688, new URL(href))).toBe(expected);
  });

  it('names the offer of a login redirect in its failure', () => {
    const login = new URL(
      'https://login.1688.com/member/signin.htm?Done=https%3A%2F%2Fm.1688.com%2Foffer%2F705318264479.html',
    );
    expect(alibaba1688.read(parseHtml('<html><body></body></html>'), login)).toMatchObject({
      ok: false,
      reason: 'login-wall',
      productKey: '1688:705318264479',
    });
  });

  it('reads a login dialog served at the offer URL as a login wall', () => {
    const doc = parseHtml(
      '<html><body><iframe src="https://login.1688.com/member/signin.htm?style=mini"></iframe></body></html>',
    );
    expect(alibaba1688.read(doc, url)).toMatchObject({
      ok: false,
      reason: 'login-wall',
      productKey: '1688:738412956027',
    });
  });
});

describe('1688 SKUs', () => {
  it('keys by skuId, keeps the specId as the SKU and reads unescaped spec strings', () => {
    const doc = initData(skuModel('{"红色>XL":{"skuId":5012,"specId":"9f1c","canBookCount":"35","price":"8.00"}}'));
    expect(variantsOf(doc)).toEqual([
      {
        key: '1688:738412956027:5012',
        label: '红色 / XL',
        sku: '9f1c',
        options: { 颜色: '红色', 尺码: 'XL' },
        stock: { kind: 'exact', qty: 35 },
        price: { amount: 800, currency: 'CNY' },
        evidence: ['embedded-json:globalData.skuModel.skuInfoMap[红色>XL].canBookCount'],
      },
    ]);
  });

  it('falls back to skuInfoMapOriginal and the smallest-order tier, whatever the tier order', () => {
    const doc = initData(`{"skuModel":{"skuProps":[{"prop":"颜色","value":[]}],
      "skuInfoMapOriginal":{"蓝色":{"specId":"ab12","canBookCount":0}}},
      "orderParamModel":{"orderParam":{"skuParam":{"skuRangePrices":[{"beginAmount":100,"price":"7.5"},{"beginAmount":3,"price":"9.9"}]}}}}`);
    expect(variantsOf(doc)).toMatchObject([
      {
        key: '1688:738412956027:ab12',
        options: { 颜色: '蓝色' },
        stock: { kind: 'outOfStock' },
        price: { amount: 990, currency: 'CNY' },
      },
    ]);
  });

  it('says unknown, never zero, for a SKU without a bookable count, and skips SKUs without ids', () => {
    const doc = initData(skuModel('{"红色&gt;XL":{"skuId":1,"canBookCount":-4},"红色&gt;M":{"canBookCount":9}}'));
    expect(variantsOf(doc)).toMatchObject([
      { key: '1688:738412956027:1', stock: { kind: 'unknown', reason: '1688 gave no bookable count for this SKU' } },
    ]);
  });

  it('clamps absurd counts and ignores zero prices', () => {
    const doc = initData(skuModel('{"红色&gt;XL":{"skuId":1,"canBookCount":1000000000000,"price":"0.00"}}'));
    const [variant] = variantsOf(doc) as { stock: unknown; price?: unknown }[];
    expect(variant.stock).toEqual({ kind: 'exact', qty: 10_000_000 });
    expect(variant.price).toBeUndefined();
  });

  it('does not guess a default variant when the page has no skuModel yet', () => {
    const doc = initData('{"tempModel":{"offerTitle":"杯"},"orderParamModel":{"orderParam":{"canBookedAmount":500}}}');
    expect(alibaba1688.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});

describe('1688 hostile pages', () => {
  it('reads hostile __INIT_DATA as layout-changed, never as stock', () => {
    expect(alibaba1688.read(page(`window.__INIT_DATA = {globalData: ${'['.repeat(5000)}`), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
  });

  it('reads a broken window.context call as layout-changed', () => {
    const doc = page(
      'window.context = (function (b, d) { return d; })(window.contextPath, {result: {data: {Root: alert(1)}}});',
    );
    expect(alibaba1688.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('keeps a __proto__ spec as plain data', () => {
    const doc = initData(skuModel('{"__proto__":{"skuId":7,"canBookCount":2}}'));
    expect(variantsOf(doc)).toMatchObject([{ key: '1688:738412956027:7', stock: { kind: 'exact', qty: 2 } }]);
    expect(({} as Record<string, unknown>).skuId).toBeUndefined();
  });
});
