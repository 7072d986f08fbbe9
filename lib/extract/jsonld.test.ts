import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { readJsonLdProducts } from './jsonld';
import { exact, inStock, outOfStock } from './stock';

const page = (...blocks: string[]) =>
  parseHtml(
    `<!doctype html><html><head><title>Shop</title>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><h1>Item</h1></body></html>`,
  );
const json = (value: unknown) => JSON.stringify(value);
const usd = (amount: number) => ({ amount, currency: 'USD' });

const shopifyProduct = {
  '@context': 'http://schema.org/',
  '@type': 'Product',
  name: 'Linen Shirt',
  sku: 'LS-01',
  productID: '7781',
  offers: [
    {
      '@type': 'Offer',
      sku: 'LS-01-M',
      name: 'Linen Shirt - M',
      price: '29.00',
      priceCurrency: 'USD',
      availability: 'http://schema.org/InStock',
      url: 'https://shop.example/products/linen?variant=1',
    },
    { '@type': 'Offer', sku: 'LS-01-L', price: 29, priceCurrency: 'USD', availability: 'http://schema.org/OutOfStock' },
  ],
};

describe('readJsonLdProducts', () => {
  it('reads a Shopify-style Product with an array of offers', () => {
    expect(readJsonLdProducts(page(json(shopifyProduct)))).toEqual([
      {
        source: 'json-ld',
        name: 'Linen Shirt',
        sku: 'LS-01',
        productId: '7781',
        offers: [
          {
            price: usd(2900),
            stock: inStock(),
            availability: 'http://schema.org/InStock',
            sku: 'LS-01-M',
            name: 'Linen Shirt - M',
            url: 'https://shop.example/products/linen?variant=1',
          },
          { price: usd(2900), stock: outOfStock(), availability: 'http://schema.org/OutOfStock', sku: 'LS-01-L' },
        ],
        variants: [],
      },
    ]);
  });

  it.each([
    [
      'a single offer object',
      { offers: { price: 12.5, priceCurrency: 'EUR', availability: 'InStock' } },
      [{ price: { amount: 1250, currency: 'EUR' }, stock: inStock(), availability: 'InStock' }],
    ],
    [
      'price as a string with a comma',
      { offers: { price: '12,50', priceCurrency: 'EUR' } },
      [{ price: { amount: 1250, currency: 'EUR' } }],
    ],
    [
      'priceSpecification.price',
      { offers: { priceSpecification: { '@type': 'UnitPriceSpecification', price: 9.99, priceCurrency: 'GBP' } } },
      [{ price: { amount: 999, currency: 'GBP' } }],
    ],
    [
      'AggregateOffer with lowPrice',
      {
        offers: { '@type': 'AggregateOffer', lowPrice: '3.99', highPrice: '5.99', priceCurrency: 'USD', offerCount: 3 },
      },
      [{ price: usd(399) }],
    ],
    [
      'AggregateOffer with inner offers inheriting its currency',
      {
        offers: {
          '@type': 'AggregateOffer',
          priceCurrency: 'USD',
          offers: [{ price: 1, availability: 'schema:SoldOut' }, { price: 2 }],
        },
      },
      [{ price: usd(100), stock: outOfStock(), availability: 'schema:SoldOut' }, { price: usd(200) }],
    ],
    [
      'availability as {@id}',
      { offers: { availability: { '@id': 'https://schema.org/PreOrder' } } },
      [{ stock: outOfStock(), availability: 'https://schema.org/PreOrder' }],
    ],
    [
      'inventoryLevel as QuantitativeValue',
      { offers: { availability: 'InStock', inventoryLevel: { '@type': 'QuantitativeValue', value: 7 } } },
      [{ stock: exact(7), availability: 'InStock' }],
    ],
    [
      'inventoryLevel never overrides OutOfStock',
      { offers: { availability: 'OutOfStock', inventoryLevel: 7 } },
      [{ stock: outOfStock(), availability: 'OutOfStock' }],
    ],
    ['no currency: no price is guessed', { offers: { price: '12.99' } }, [{}]],
    ['currency from price text', { offers: { price: '$12.99' } }, [{ price: usd(1299) }]],
    ['negative price dropped', { offers: { price: -5, priceCurrency: 'USD', sku: 7 } }, [{ sku: '7' }]],
  ])('offers: %s', (_, fields, offers) => {
    const [product] = readJsonLdProducts(page(json({ '@type': 'Product', name: 'X', ...fields })));
    expect(product.offers).toEqual(offers);
  });

  it.each([
    ['"Product"', 'Product'],
    ['"schema:Product"', 'schema:Product'],
    ['"https://schema.org/IndividualProduct"', 'https://schema.org/IndividualProduct'],
    ['an array', ['Thing', 'Product']],
    ['lower case', 'product'],
  ])('@type as %s', (_, type) => {
    expect(readJsonLdProducts(page(json({ '@type': type, name: 'Mug' })))).toEqual([
      { source: 'json-ld', name: 'Mug', offers: [], variants: [] },
    ]);
  });

  it('finds products in @graph, top-level arrays and mainEntity, across blocks, in document order', () => {
    const doc = page(
      json({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', name: 'Shop' },
          { '@type': 'Product', name: 'A' },
        ],
      }),
      json([{ '@type': 'BreadcrumbList' }, { '@type': 'Product', name: 'B' }]),
      json({ '@type': 'ItemPage', mainEntity: { '@type': 'Product', name: 'C' } }),
    );
    expect(readJsonLdProducts(doc).map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });

  it('reads a ProductGroup with hasVariant as variants', () => {
    const group = {
      '@type': 'ProductGroup',
      name: 'Tee',
      productGroupID: 'TEE',
      variesBy: ['https://schema.org/size'],
      hasVariant: [
        {
          '@type': 'Product',
          sku: 'TEE-S',
          name: 'Tee S',
          offers: { price: 10, priceCurrency: 'USD', availability: 'https://schema.org/InStock' },
        },
        {
          '@type': 'Product',
          sku: 'TEE-M',
          name: 'Tee M',
          offers: { price: 10, priceCurrency: 'USD', availability: 'https://schema.org/OutOfStock' },
        },
        { '@type': 'Offer', sku: 'not a variant' },
      ],
    };
    expect(readJsonLdProducts(page(json(group)))).toEqual([
      {
        source: 'json-ld',
        name: 'Tee',
        productId: 'TEE',
        offers: [],
        variants: [
          {
            source: 'json-ld',
            name: 'Tee S',
            sku: 'TEE-S',
            offers: [{ price: usd(1000), stock: inStock(), availability: 'https://schema.org/InStock' }],
            variants: [],
          },
          {
            source: 'json-ld',
            name: 'Tee M',
            sku: 'TEE-M',
            offers: [{ price: usd(1000), stock: outOfStock(), availability: 'https://schema.org/OutOfStock' }],
            variants: [],
          },
        ],
      },
    ]);
  });

  it('accepts type attributes in any case, with spaces or parameters, and skips other scripts', () => {
    const doc = parseHtml(`<html><head>
      <script type=" Application/LD+JSON ">{"@type":"Product","name":"A"}</script>
      <script type="application/ld+json; charset=utf-8">{"@type":"Product","name":"B"}</script>
      <script type="application/json">{"@type":"Product","name":"not json-ld"}</script>
      <script>var x = {"@type":"Product"};</script>
    </head><body></body></html>`);
    expect(readJsonLdProducts(doc).map((p) => p.name)).toEqual(['A', 'B']);
  });

  it('skips bad JSON and keeps reading; repairs raw newlines and comment wrappers', () => {
    const doc = page(
      '{"@type": "Product", "name": ',
      '<!-- {"@type":"Product","name":"Wrapped"} -->',
      '{"@type":"Product","name":"Line\nbreak"}',
      'null',
      '42',
    );
    expect(readJsonLdProducts(doc).map((p) => p.name)).toEqual(['Wrapped', 'Line break']);
  });

  it('reads a GTIN from any of its sized forms', () => {
    const [product] = readJsonLdProducts(page(json({ '@type': 'Product', name: 'Mug', gtin13: '4006381333931' })));
    expect(product.gtin).toBe('4006381333931');
  });

  it('returns [] for a page without JSON-LD', () => {
    expect(readJsonLdProducts(parseHtml('<html><body><p>Hello</p></body></html>'))).toEqual([]);
  });

  it('caps hostile input: 50 blocks, 5000 offers', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => json({ '@type': 'Product', name: `P${i}` }));
    expect(readJsonLdProducts(page(...blocks))).toHaveLength(50);
    const offers = Array.from({ length: 20_000 }, (_, i) => ({ price: i, priceCurrency: 'USD' }));
    const [product] = readJsonLdProducts(page(json({ '@type': 'Product', offers })));
    expect(product.offers).toHaveLength(5000);
  });

  it('survives deep nesting without throwing', () => {
    const deep = `${'{"child":'.repeat(100_000)}{"@type":"Product","name":"Deep"}${'}'.repeat(100_000)}`;
    expect(readJsonLdProducts(page(deep))).toEqual([]);
  });
});
