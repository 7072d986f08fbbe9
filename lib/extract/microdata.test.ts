import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { readMicrodataProducts } from './microdata';
import { inStock, outOfStock } from './stock';

const body = (html: string) => parseHtml(`<!doctype html><html><head></head><body>${html}</body></html>`);

describe('readMicrodataProducts', () => {
  it('reads a product with a nested offer (meta, link and content attributes)', () => {
    const doc = body(`
      <div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name"> Ceramic  Mug </h1>
        <span>SKU: <span itemprop="sku">MUG-1</span></span>
        <meta itemprop="productID" content="isbn:123">
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <span itemprop="price" content="12.50">$12.50</span>
          <meta itemprop="priceCurrency" content="USD">
          <link itemprop="availability" href="https://schema.org/InStock">In stock
          <a itemprop="url" href="https://shop.example/mug">Mug</a>
        </div>
      </div>`);
    expect(readMicrodataProducts(doc)).toEqual([
      {
        source: 'microdata',
        name: 'Ceramic Mug',
        sku: 'MUG-1',
        productId: 'isbn:123',
        offers: [
          {
            price: { amount: 1250, currency: 'USD' },
            stock: inStock(),
            availability: 'https://schema.org/InStock',
            url: 'https://shop.example/mug',
          },
        ],
        variants: [],
      },
    ]);
  });

  it.each([
    [
      'price as text with a symbol',
      '<span itemprop="price">1.400,00 €</span>',
      [{ price: { amount: 140000, currency: 'EUR' } }],
    ],
    [
      'availability via content',
      '<meta itemprop="price" content="5"><meta itemprop="priceCurrency" content="GBP"><span itemprop="availability" content="OutOfStock">Sold out</span>',
      [{ price: { amount: 500, currency: 'GBP' }, stock: outOfStock(), availability: 'OutOfStock' }],
    ],
    ['bare price, no currency: not guessed', '<span itemprop="price">12.99</span>', [{}]],
    [
      'priceSpecification scope',
      '<div itemprop="priceSpecification" itemscope itemtype="https://schema.org/UnitPriceSpecification"><meta itemprop="price" content="9.99"><meta itemprop="priceCurrency" content="CAD"></div>',
      [{ price: { amount: 999, currency: 'CAD' } }],
    ],
  ])('offer: %s', (_, offerHtml, offers) => {
    const doc = body(
      `<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">X</span><div itemprop="offers" itemscope itemtype="http://schema.org/Offer">${offerHtml}</div></div>`,
    );
    expect(readMicrodataProducts(doc)[0].offers).toEqual(offers);
  });

  it('reads AggregateOffer inner offers with the inherited currency, or its lowPrice', () => {
    const doc = body(`
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">A</span>
        <div itemprop="offers" itemscope itemtype="https://schema.org/AggregateOffer">
          <meta itemprop="priceCurrency" content="USD">
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="1"><link itemprop="availability" href="http://schema.org/SoldOut"></div>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="2"></div>
        </div>
      </div>
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">B</span>
        <div itemprop="offers" itemscope itemtype="https://schema.org/AggregateOffer">
          <meta itemprop="lowPrice" content="3.99"><meta itemprop="highPrice" content="5.99"><meta itemprop="priceCurrency" content="USD">
        </div>
      </div>`);
    expect(readMicrodataProducts(doc).map((p) => p.offers)).toEqual([
      [
        { price: { amount: 100, currency: 'USD' }, stock: outOfStock(), availability: 'http://schema.org/SoldOut' },
        { price: { amount: 200, currency: 'USD' } },
      ],
      [{ price: { amount: 399, currency: 'USD' } }],
    ]);
  });

  it('keeps nested products apart: hasVariant becomes variants, isRelatedTo is not a product of the page', () => {
    const doc = body(`
      <div itemscope itemtype="https://schema.org/ProductGroup">
        <span itemprop="name">Tee</span><meta itemprop="productGroupID" content="TEE">
        <div itemprop="hasVariant" itemscope itemtype="https://schema.org/Product">
          <meta itemprop="sku" content="TEE-S"><span itemprop="name">Tee S</span>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><link itemprop="availability" href="https://schema.org/InStock"></div>
        </div>
        <div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product"><span itemprop="name">Socks</span></div>
      </div>`);
    expect(readMicrodataProducts(doc)).toEqual([
      {
        source: 'microdata',
        name: 'Tee',
        productId: 'TEE',
        offers: [],
        variants: [
          {
            source: 'microdata',
            name: 'Tee S',
            sku: 'TEE-S',
            offers: [{ stock: inStock(), availability: 'https://schema.org/InStock' }],
            variants: [],
          },
        ],
      },
    ]);
  });

  it.each([
    ['no microdata', '<p>Hello</p>'],
    [
      'another type',
      '<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Shop</span></div>',
    ],
    ['a product type suffix of another word', '<div itemscope itemtype="https://example.com/MyProducts"></div>'],
  ])('returns [] for %s', (_, html) => {
    expect(readMicrodataProducts(body(html))).toEqual([]);
  });

  it('reads a GTIN from any of its sized forms', () => {
    const doc = body(
      '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Mug</span><meta itemprop="gtin8" content="96385074"></div>',
    );
    expect(readMicrodataProducts(doc)[0].gtin).toBe('96385074');
  });

  it('accepts several itemtypes and a trailing slash', () => {
    const doc = body(
      '<div itemscope itemtype="https://schema.org/Thing https://schema.org/Product/"><span itemprop="name sku">Z1</span></div>',
    );
    expect(readMicrodataProducts(doc)).toEqual([
      { source: 'microdata', name: 'Z1', sku: 'Z1', offers: [], variants: [] },
    ]);
  });
});
