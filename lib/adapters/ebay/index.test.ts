// What the fixtures cannot show: URLs the adapter refuses, the older itmVarModel, and hostile input.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import ebay from '.';

const url = new URL('https://www.ebay.com/itm/256412378901');
const page = (body: string, head = '') => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);
const script = (model: string) =>
  `<script>$MC=(window.$MC||[]).concat({"o":{"w":[["w",0,{"model":${model}}]]}})</script>`;

describe('ebay URLs', () => {
  it.each([
    ['https://www.ebay.com/itm/256412378901', true],
    ['https://www.ebay.com/itm/256412378901?var=556789012301&hash=item3bb3b5f1a5', true],
    ['https://www.ebay.co.uk/itm/usb-c-charger-20w/395812347761', true],
    ['https://www.ebay.de/itm/166543219876', true],
    ['https://www.ebay.fr/itm/166543219876', true],
    ['https://www.ebay.it/itm/335219874410', true],
    ['https://www.ebay.es/itm/335219874410', true],
    ['https://www.ebay.com.au/itm/335219874410', true],
    ['https://www.ebay.ca/itm/335219874410', true],
    ['https://www.ebay.com/splashui/captcha?ap=1&ru=https%3A%2F%2Fwww.ebay.com%2Fitm%2F256412378901', true],
    ['https://www.ebay.com/sch/i.html?_nkw=running+shoes', false],
    ['https://www.ebay.com/itm/not-an-id', false],
    ['https://www.ebay.nl/itm/256412378901', false],
    ['https://www.ebay.com/str/stridewelloutlet', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(ebay, new URL(href))).toBe(expected);
  });

  it('names no product for a security check without a return address', () => {
    const read = ebay.read(page(''), new URL('https://www.ebay.com/splashui/captcha?ap=1'));
    expect(read).toEqual({
      ok: false,
      reason: 'captcha',
      detail: 'eBay is showing a security check (captcha): open the page and solve it',
    });
  });

  it('reads the security check served at the item URL itself as captcha', () => {
    const doc = page('<div class="h-captcha" data-sitekey="x"></div>', '<title>Pardon Our Interruption...</title>');
    expect(ebay.read(doc, url)).toMatchObject({ ok: false, reason: 'captcha', productKey: 'ebay:256412378901' });
  });
});

describe('ebay variations', () => {
  it('reads the older itmVarModel: traitValuesMap names, quantityAvailable, inStock and price strings', () => {
    const model = `{"itmVarModel":{"menuModels":[{"name":"Size","displayName":"Size","menuItemValueIds":[0,1]}],
      "menuItemMap":{"0":{"valueId":0,"displayName":"Small"},"1":{"valueId":1,"displayName":"Large"}},
      "itemVariationsMap":{
        "412000000001":{"traitValuesMap":{"Size":0},"quantityAvailable":7,"inStock":true,"price":"US $12.99","priceAmountValue":{"value":12.99,"currency":"USD"}},
        "412000000002":{"traitValuesMap":{"Size":1},"quantityAvailable":0,"inStock":false,"price":"US $14.99"}}}}`;
    const read = ebay.read(page(script(model)), url);
    expect(read.ok && read.products[0].variants).toEqual([
      {
        key: 'ebay:256412378901:412000000001',
        label: 'Small',
        options: { Size: 'Small' },
        stock: { kind: 'exact', qty: 7 },
        price: { amount: 1299, currency: 'USD' },
        evidence: [
          'embedded-json:itmVarModel.itemVariationsMap.412000000001.quantityAvailable',
          'embedded-json:itmVarModel.itemVariationsMap.412000000001.inStock',
        ],
      },
      {
        key: 'ebay:256412378901:412000000002',
        label: 'Large',
        options: { Size: 'Large' },
        stock: { kind: 'outOfStock' },
        price: { amount: 1499, currency: 'USD' },
        evidence: [
          'embedded-json:itmVarModel.itemVariationsMap.412000000002.inStock',
          'embedded-json:itmVarModel.itemVariationsMap.412000000002.quantityAvailable',
        ],
      },
    ]);
  });

  it('gives unknown, never 0, for a variation without a count or flag; prices in the listing currency', () => {
    const model = `{"MSKU":{"selectMenus":[{"displayLabel":"Color","menuItemValueIds":[0]}],
      "menuItemMap":{"0":{"valueName":"Red","matchingVariationIds":[512000000001]}},
      "variationsMap":{"512000000001":{"binModel":{"price":{"value":{"value":27.1,"currency":"USD","convertedFromValue":24.99,"convertedFromCurrency":"EUR"}}}}}}}`;
    const read = ebay.read(page(script(model)), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      options: { Color: 'Red' },
      stock: { kind: 'unknown', reason: 'eBay gave no quantity for this variation' },
      price: { amount: 2499, currency: 'EUR' },
    });
  });

  it('skips widget ids and empty MSKU keys before the model', () => {
    const body = `<script>var w=["@MSKU-0"];var a={"MSKU":null,"variationsMap":1};</script>${script(
      '{"MSKU":{"variationsMap":{"612000000001":{"quantity":{"quantityAvailable":"4"}}}}}',
    )}`;
    const read = ebay.read(page(body), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      key: 'ebay:256412378901:612000000001',
      stock: { kind: 'exact', qty: 4 },
    });
  });

  it('reads hostile or truncated models as layout-changed, never as stock', () => {
    for (const model of [`{"MSKU":{"variationsMap":${'['.repeat(5000)}`, '{"MSKU":{"variationsMap":{"x":1}}}']) {
      const doc = page(`<select class="x-msku__select-box"><option value="0">Red</option></select>${script(model)}`);
      expect(ebay.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
    }
  });
});

describe('ebay single items', () => {
  it('never reads a sold count as stock', () => {
    const doc = page('<div class="x-quantity__availability"><span>25 sold</span></div>');
    expect(ebay.read(doc, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('reads the older #qtySubTxt line and the microdata price', () => {
    const doc = page(
      '<h1 id="itemTitle">Vintage Camera</h1><span itemprop="price" content="45.00">£45.00</span><meta itemprop="priceCurrency" content="GBP"><span id="qtySubTxt">More than 10 available</span>',
    );
    expect(ebay.read(doc, url)).toMatchObject({
      ok: true,
      products: [
        {
          title: 'Vintage Camera',
          variants: [
            {
              key: 'ebay:256412378901:default',
              stock: { kind: 'atLeast', qty: 10 },
              price: { amount: 4500, currency: 'GBP' },
            },
          ],
        },
      ],
    });
  });

  it('reads "Bidding has ended" as removed', () => {
    const doc = page('<div class="d-statusmessage"><span>Bidding has ended on this item.</span></div>');
    expect(ebay.read(doc, url)).toMatchObject({ ok: true, products: [{ removed: true, variants: [] }] });
  });
});
