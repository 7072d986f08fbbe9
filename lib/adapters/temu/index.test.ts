// What the fixtures cannot show: URLs the adapter takes and refuses, the challenge served in place, data left
// over from in-place navigation, prices without a currency, and hostile rawData.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import temu, { goodsIdOf } from '.';

const page = (rawData: string, body = '') =>
  parseHtml(
    `<html><head><title>Temu</title></head><body>${body}<script>window.rawData=${rawData};</script></body></html>`,
  );
const url = new URL('https://www.temu.com/mug-g-601099512345678.html');
const sku = (skuId: number, extra: string) =>
  `{"skuId":${skuId},"specs":[{"specKey":"Color","specValue":"Red"}],${extra}}`;

describe('temu URLs', () => {
  it.each([
    ['https://www.temu.com/mug-g-601099512345678.html', '601099512345678'],
    ['https://www.temu.com/de/becher-g-601099512345678.html?_oak_mp_inf=x', '601099512345678'],
    ['https://www.temu.com/co-en/mug-g-601099512345678.html', '601099512345678'],
    ['https://www.temu.com/jp-zh-Hans/mug-g-601099512345678.html', '601099512345678'],
    ['https://www.temu.com/kr/g-601099512345678.html', '601099512345678'],
    ['https://www.temu.com/goods.html?goods_id=601099512345678&_oak_name_id=1', '601099512345678'],
    ['https://www.temu.com/uk/goods.html?goods_id=601099512345678', '601099512345678'],
    [
      'https://www.temu.com/bgn_verification.html?VerifyAuthToken=t&from=https%3A%2F%2Fwww.temu.com%2Fde%2Fx-g-601099512345678.html',
      '601099512345678',
    ],
    [
      'https://www.temu.com/bgn_verification.html?VerifyAuthToken=t&from=https%3A%2F%2Fevil.example%2Fx-g-601099512345678.html',
      null,
    ],
    ['https://www.temu.com/search_result.html?search_key=mug', null],
    ['https://www.temu.com/goods.html?goods_id=abc', null],
    ['https://www.temu.com/sunny-day-apparel-m-634418211247590.html', null],
  ])('%s -> %s', (href, id) => {
    expect(goodsIdOf(new URL(href))).toBe(id);
  });

  it.each([
    ['https://www.temu.com/mug-g-601099512345678.html', true],
    ['https://temu.com/mug-g-601099512345678.html', true],
    ['https://www.temu.com/bgn_verification.html?VerifyAuthToken=t', true],
    ['https://www.temu.com/search_result.html?search_key=mug-g-1.html', false],
    ['https://www.temu.com/', false],
    ['https://www.nottemu.com/mug-g-601099512345678.html', false],
  ])('matches %s -> %s', (href, expected) => {
    expect(adapterMatches(temu, new URL(href))).toBe(expected);
  });
});

describe('temu pages', () => {
  it('reads the challenge served in place of a goods page as a captcha for that item', () => {
    const doc = parseHtml(
      '<html><head><title>Temu</title></head><body><h1>Please verify you are human</h1><div role="slider"></div></body></html>',
    );
    expect(temu.read(doc, url)).toEqual({
      ok: false,
      reason: 'captcha',
      detail: 'Temu is asking to verify you are human: open the page and complete the check',
      productKey: 'temu:601099512345678',
    });
  });

  it('refuses data that describes another item (navigated without a reload)', () => {
    const doc = page(`{"store":{"goodsId":601099000000001,"sku":[${sku(1, '"stockQuantity":5')}]}}`);
    expect(temu.read(doc, url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
      productKey: 'temu:601099512345678',
    });
  });

  it('does not apply a count notice to every SKU of a multi-SKU item', () => {
    const doc = page(
      `{"store":{"goodsId":601099512345678,"localInfo":{"currency":"USD"},"sku":[${sku(1, '"stockQuantity":40')},${sku(2, '"isOnSale":1')}]}}`,
      '<div id="rightContent"><div role="alert">Only 3 left</div></div>',
    );
    const read = temu.read(doc, url);
    expect(read.ok && read.products[0].variants.map((v) => v.stock)).toEqual([
      { kind: 'exact', qty: 40 },
      { kind: 'unknown', reason: 'Temu gave no quantity for this SKU' },
    ]);
  });

  it('prices from the shown string when the page names no currency, and reads a plain `stock` count', () => {
    const doc = page(
      `{"goods":{"goodsId":"601099512345678","goodsName":"Mug"},"skuList":[${sku(7, '"stock":"12","normalPriceStr":"12,99 €"')}]}`,
    );
    const read = temu.read(doc, url);
    expect(read.ok && read.products[0]).toMatchObject({
      title: 'Mug',
      variants: [
        {
          key: 'temu:601099512345678:7',
          stock: { kind: 'exact', qty: 12 },
          price: { amount: 1299, currency: 'EUR' },
          evidence: ['embedded-json:skuList[0].stock'],
        },
      ],
    });
  });

  it('reads hostile or missing rawData as layout-changed, never as stock', () => {
    expect(temu.read(page(`{"store":${'['.repeat(5000)}`), url)).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(temu.read(page('{"store":{"sku":[{"specs":[]}]}}'), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
    expect(temu.read(parseHtml('<html><body></body></html>'), url)).toMatchObject({
      ok: false,
      reason: 'layout-changed',
    });
  });
});
