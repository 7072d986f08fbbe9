// What the fixtures cannot show: URLs the adapter refuses, the bot wall's encoded return path, availability
// values it does not know, visible texts it must ignore, and hostile __NEXT_DATA__.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tests/parse-html';
import { adapterMatches } from '../define';
import walmart from '.';

const url = new URL('https://www.walmart.com/ip/Kitchenfold-Toaster/7309418826');
const blocked = (path: string) =>
  `https://www.walmart.com/blocked?url=${btoa(path).replace(/=+$/, '')}&uuid=1&vid=&g=b`;
const page = (product: unknown, buyBox = '') =>
  parseHtml(
    `<html><body><div data-testid="buy-box-container">${buyBox}</div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(
      { props: { pageProps: { initialData: { data: { product } } } } },
    )}</script></body></html>`,
  );
const item = (extra: object = {}) => ({
  usItemId: '7309418826',
  name: 'Toaster',
  availabilityStatus: 'IN_STOCK',
  priceInfo: { currentPrice: { price: 24.88, currencyUnit: 'USD' } },
  ...extra,
});

describe('walmart URLs', () => {
  it.each([
    ['https://www.walmart.com/ip/Kitchenfold-Toaster/7309418826', true],
    ['https://www.walmart.com/ip/7309418826?athbdg=L1600', true],
    ['https://walmart.com/ip/seort/Kitchenfold-Toaster/7309418826', true],
    [blocked('/ip/Kitchenfold-Toaster/7309418826'), true],
    [blocked('/ip/7309418826?selected=true'), true],
    [blocked('/search?q=toaster'), false],
    ['https://www.walmart.com/blocked?url=%%%', false],
    ['https://www.walmart.com/search?q=toaster', false],
    ['https://www.walmart.com/ip/Kitchenfold-Toaster', false],
    ['https://www.walmart.ca/en/ip/Kitchenfold-Toaster/6000201234567', false],
  ])('%s -> %s', (href, expected) => {
    expect(adapterMatches(walmart, new URL(href))).toBe(expected);
  });

  it('keys a bot wall by the item it will return to', () => {
    const read = walmart.read(parseHtml('<div id="px-captcha"></div>'), new URL(blocked('/ip/Toaster/7309418826')));
    expect(read).toMatchObject({ ok: false, reason: 'captcha', productKey: 'walmart:7309418826' });
  });

  it('reads the press-and-hold wall served at an item URL as a captcha', () => {
    const read = walmart.read(parseHtml('<h1>Robot or human?</h1><div id="px-captcha"></div>'), url);
    expect(read).toMatchObject({ ok: false, reason: 'captcha', productKey: 'walmart:7309418826' });
  });
});

describe('walmart availability', () => {
  it('reports an availability value it does not know as unknown, with the value', () => {
    const read = walmart.read(page(item({ availabilityStatus: 'PREORDER_SOON' })), url);
    expect(read.ok && read.products[0].variants[0].stock).toEqual({
      kind: 'unknown',
      reason: 'Walmart availability "PREORDER_SOON" is not one Oversell Guard knows',
    });
  });

  it('ignores "Not available" tiles and in-stock lines, and reads a visible count', () => {
    const box =
      '<div>Pickup</div><div>Not available</div><span>In stock at Atlanta Supercenter</span><span>Only 2 left</span>';
    const read = walmart.read(page(item(), box), url);
    expect(read.ok && read.products[0].variants[0]).toMatchObject({
      stock: { kind: 'exact', qty: 2 },
      evidence: ['text:Only 2 left', 'embedded-json:product.availabilityStatus'],
    });
  });

  it('does not let a visible count overrule an embedded out of stock', () => {
    const read = walmart.read(page(item({ availabilityStatus: 'OUT_OF_STOCK' }), '<span>Only 2 left</span>'), url);
    expect(read.ok && read.products[0].variants[0].stock).toEqual({ kind: 'outOfStock' });
  });

  it('names options by criteria order and skips map entries without an item id', () => {
    const product = item({
      primaryUsItemId: '7309418800',
      variantCriteria: [
        { name: 'Color', variantList: [{ id: 'actual_color-red', name: 'Red' }] },
        { name: 'Size', variantList: [{ id: 'size-2', name: '2 Slice' }] },
      ],
      variantsMap: {
        A1: { usItemId: '7309418826', availabilityStatus: 'LIMITED_STOCK', variants: ['size-2', 'actual_color-red'] },
        B2: { availabilityStatus: 'IN_STOCK' },
        C3: 'junk',
      },
    });
    const read = walmart.read(page(product), url);
    expect(read.ok && read.products[0]).toMatchObject({
      key: 'walmart:7309418800',
      variants: [{ key: 'walmart:7309418800:7309418826', label: 'Red / 2 Slice', stock: { kind: 'inStock' } }],
    });
    expect(read.ok && read.products[0].variants).toHaveLength(1);
  });

  it('reads broken or hostile __NEXT_DATA__ as layout-changed, never as stock', () => {
    const broken = parseHtml('<script id="__NEXT_DATA__" type="application/json">{"props": [[[[</script>');
    expect(walmart.read(broken, url)).toMatchObject({ ok: false, reason: 'layout-changed' });
    const emptyMap = walmart.read(page(item({ variantsMap: { X: null } })), url);
    expect(emptyMap).toMatchObject({ ok: false, reason: 'layout-changed', productKey: 'walmart:7309418826' });
  });
});
