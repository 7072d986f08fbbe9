import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { readOpenGraphProduct } from './opengraph';
import { inStock, outOfStock } from './stock';

const head = (meta: string) => parseHtml(`<!doctype html><html><head>${meta}</head><body></body></html>`);

describe('readOpenGraphProduct', () => {
  it('reads a Facebook product page', () => {
    const doc = head(`
      <meta property="og:type" content="product">
      <meta property="og:title" content="Linen  Shirt">
      <meta property="og:url" content="https://shop.example/p/linen">
      <meta property="product:price:amount" content="29.00">
      <meta property="product:price:currency" content="USD">
      <meta property="product:availability" content="in stock">
      <meta property="product:retailer_item_id" content="LS-01">
      <meta property="product:item_group_id" content="LS">`);
    expect(readOpenGraphProduct(doc)).toEqual({
      source: 'og',
      name: 'Linen Shirt',
      sku: 'LS-01',
      productId: 'LS',
      offers: [
        {
          price: { amount: 2900, currency: 'USD' },
          stock: inStock(),
          availability: 'in stock',
          sku: 'LS-01',
          url: 'https://shop.example/p/linen',
        },
      ],
      variants: [],
    });
  });

  it.each([
    ['instock', inStock()],
    ['in stock', inStock()],
    ['oos', outOfStock()],
    ['out of stock', outOfStock()],
    ['OUT OF STOCK', outOfStock()],
    ['available for order', outOfStock()],
    ['preorder', outOfStock()],
    ['discontinued', outOfStock()],
  ])('availability %j -> %j', (value, stock) => {
    const doc = head(`<meta property="og:availability" content="${value}">`);
    expect(readOpenGraphProduct(doc)?.offers).toEqual([{ stock, availability: value }]);
  });

  it('reads og:price:* and meta name= as well as property=', () => {
    const doc = head(`<meta name="og:price:amount" content="12,99"><meta name="og:price:currency" content="EUR">`);
    expect(readOpenGraphProduct(doc)?.offers).toEqual([{ price: { amount: 1299, currency: 'EUR' } }]);
  });

  it('keeps a product with an unknown availability as raw evidence only', () => {
    const doc = head(
      '<meta property="og:type" content="og:product"><meta property="product:availability" content="pending">',
    );
    expect(readOpenGraphProduct(doc)).toEqual({ source: 'og', offers: [{ availability: 'pending' }], variants: [] });
  });

  it('reads og:type product without price or stock as a product with no offers', () => {
    const doc = head('<meta property="og:type" content="product.item"><meta property="og:title" content="Mug">');
    expect(readOpenGraphProduct(doc)).toEqual({ source: 'og', name: 'Mug', offers: [], variants: [] });
  });

  it.each([
    ['no meta at all', ''],
    ['an article', '<meta property="og:type" content="article"><meta property="og:title" content="News">'],
    ['a website with a title', '<meta property="og:type" content="website"><meta property="og:title" content="Shop">'],
    ['empty product tags', '<meta property="product:price:amount" content="  ">'],
  ])('returns null for %s', (_, meta) => {
    expect(readOpenGraphProduct(head(meta))).toBeNull();
  });
});
