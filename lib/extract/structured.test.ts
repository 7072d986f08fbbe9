import { describe, expect, it } from 'vitest';
import { inStock, outOfStock } from './stock';
import { availabilityToStock, dropUndefined, isProductType, readPrice, schemaName } from './structured';

describe('availabilityToStock', () => {
  it.each([
    ['https://schema.org/InStock', inStock()],
    ['http://schema.org/InStock', inStock()],
    ['schema:InStock', inStock()],
    ['InStock', inStock()],
    ['instock', inStock()],
    ['http://schema.org/InStock/', inStock()],
    ['in stock', inStock()],
    ['in_stock', inStock()],
    ['https://schema.org/OnlineOnly', inStock()],
    ['https://schema.org/LimitedAvailability', inStock()],
    ['https://schema.org/MadeToOrder', inStock()],
    ['https://schema.org/InStoreOnly', outOfStock()],
    ['https://schema.org/OutOfStock', outOfStock()],
    ['OUTOFSTOCK', outOfStock()],
    ['out of stock', outOfStock()],
    ['oos', outOfStock()],
    ['https://schema.org/SoldOut', outOfStock()],
    ['https://schema.org/Discontinued', outOfStock()],
    ['https://schema.org/PreOrder', outOfStock()],
    ['https://schema.org/PreSale', outOfStock()],
    ['https://schema.org/BackOrder', outOfStock()],
    ['available for order', outOfStock()],
    [{ '@id': 'https://schema.org/InStock' }, inStock()],
    [['https://schema.org/OutOfStock'], outOfStock()],
    ['https://schema.org/Maybe', null],
    ['', null],
    [null, null],
    [undefined, null],
    [5, null],
    [{}, null],
    [`https://schema.org/${'x'.repeat(500)}InStock`, null],
  ])('%j -> %j', (value, expected) => {
    expect(availabilityToStock(value)).toEqual(expected);
  });
});

describe('schemaName and isProductType', () => {
  it.each([
    ['https://schema.org/Product', 'product', true],
    ['http://schema.org/ProductGroup', 'productgroup', true],
    ['schema:IndividualProduct', 'individualproduct', true],
    ['Product', 'product', true],
    ['https://schema.org/Offer', 'offer', false],
    ['https://schema.org/Product/', 'product', true],
    ['', '', false],
  ])('%j -> %j (product: %s)', (value, name, product) => {
    expect(schemaName(value)).toBe(name);
    expect(isProductType(value)).toBe(product);
  });
});

describe('readPrice', () => {
  it.each([
    [12.99, 'USD', { amount: 1299, currency: 'USD' }],
    ['12.99', 'EUR', { amount: 1299, currency: 'EUR' }],
    ['12,99', 'EUR', { amount: 1299, currency: 'EUR' }],
    ['$12.99', undefined, { amount: 1299, currency: 'USD' }],
    ['12.99', undefined, null],
    [12.99, undefined, null],
    [null, 'USD', null],
    [{ value: 1 }, 'USD', null],
  ])('%j %s -> %j', (raw, currency, expected) => {
    expect(readPrice(raw, currency)).toEqual(expected);
  });
});

describe('dropUndefined', () => {
  it('drops undefined fields and keeps the rest', () => {
    expect(Object.keys(dropUndefined({ a: 1, b: undefined, c: null, d: '' }))).toEqual(['a', 'c', 'd']);
  });
});
