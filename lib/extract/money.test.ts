import { describe, expect, it } from 'vitest';
import { currencyExponent, moneyFromNumber, parseMoney } from './money';

const money = (amount: number, currency: string) => ({ amount, currency });

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['CNY', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['CLP', 0],
    ['ISK', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
    ['jpy', 0],
  ])('%s -> %i', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });
});

describe('moneyFromNumber', () => {
  it.each([
    [12.99, 'USD', money(1299, 'USD')],
    ['12.99', 'USD', money(1299, 'USD')],
    ['1400', 'USD', money(140000, 'USD')],
    [1400, 'JPY', money(1400, 'JPY')],
    [0.29, 'USD', money(29, 'USD')],
    [1.005, 'USD', money(101, 'USD')],
    ['1.005', 'USD', money(101, 'USD')],
    [1.1, 'USD', money(110, 'USD')],
    [19.999, 'EUR', money(2000, 'EUR')],
    [12.5, 'JPY', money(13, 'JPY')],
    ['1.2345', 'KWD', money(1235, 'KWD')],
    [0, 'USD', money(0, 'USD')],
    [' 7 ', 'eur', money(700, 'EUR')],
    ['12.', 'USD', money(1200, 'USD')],
    ['.5', 'USD', money(50, 'USD')],
    [1e-7, 'USD', money(0, 'USD')],
  ] as const)('%j %s -> %j', (value, currency, expected) => {
    expect(moneyFromNumber(value, currency)).toEqual(expected);
  });

  it.each([
    [-1, 'USD'],
    ['-1', 'USD'],
    [Number.NaN, 'USD'],
    [Number.POSITIVE_INFINITY, 'USD'],
    ['', 'USD'],
    ['.', 'USD'],
    ['abc', 'USD'],
    ['12,99', 'USD'],
    ['1e3', 'USD'],
    [1e21, 'USD'],
    ['99999999999999999999', 'USD'],
    [12.99, ''],
    [12.99, 'dollars'],
  ] as const)('%j %j -> null', (value, currency) => {
    expect(moneyFromNumber(value, currency)).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    ['$1,400.00', undefined, money(140000, 'USD')],
    ['1.400,00 €', undefined, money(140000, 'EUR')],
    ['MXN$2.072,22', undefined, money(207222, 'MXN')],
    ['¥12.5', undefined, money(1250, 'CNY')],
    ['¥1,400', undefined, money(140000, 'CNY')],
    ['¥1,400', 'JPY', money(1400, 'JPY')],
    ['¥12.5', 'JPY', money(13, 'JPY')],
    ['￥12.50', undefined, money(1250, 'CNY')],
    ['￥１２．５０', undefined, money(1250, 'CNY')],
    ['US $3.99', undefined, money(399, 'USD')],
    ['US$3.99', undefined, money(399, 'USD')],
    ['C$ 12.99', undefined, money(1299, 'CAD')],
    ['CA$12.99', undefined, money(1299, 'CAD')],
    ['A$ 20', undefined, money(2000, 'AUD')],
    ['AU $15.50', undefined, money(1550, 'AUD')],
    ['R$ 1.234,56', undefined, money(123456, 'BRL')],
    ['£9.99', undefined, money(999, 'GBP')],
    ['12,99 zł', undefined, money(1299, 'PLN')],
    ['₺149,90', undefined, money(14990, 'TRY')],
    ['₩12,000', undefined, money(12000, 'KRW')],
    ['12,000원', undefined, money(12000, 'KRW')],
    ['1,400円', undefined, money(1400, 'JPY')],
    ['CHF 12.50', undefined, money(1250, 'CHF')],
    ["CHF 1'234.50", undefined, money(123450, 'CHF')],
    ['12.50 EUR', undefined, money(1250, 'EUR')],
    ['kr 99,00', 'SEK', money(9900, 'SEK')],
    ['99,00 kr.', 'DKK', money(9900, 'DKK')],
    ['€ 1 234,56', undefined, money(123456, 'EUR')],
    ['€\u00a01\u00a0234,56', undefined, money(123456, 'EUR')],
    ['1\u202f234,56\u00a0€', undefined, money(123456, 'EUR')],
    ['US $1,234', undefined, money(123400, 'USD')],
    ['1,234', 'USD', money(123400, 'USD')],
    ['1.234', 'EUR', money(123400, 'EUR')],
    ['12,5', 'EUR', money(1250, 'EUR')],
    ['0.500 KWD', undefined, money(500, 'KWD')],
    ['1.234.567,89 €', undefined, money(123456789, 'EUR')],
    ['$1,234,567', undefined, money(123456700, 'USD')],
    ['US $3.99 - 5.99', undefined, money(399, 'USD')],
    ['US $3.99 - US $5.99', undefined, money(399, 'USD')],
    ['€3.50 (US $3.99)', undefined, money(350, 'EUR')],
    ['3,50 € (US $3.99)', undefined, money(350, 'EUR')],
    ['2 pcs for $5.00', undefined, money(500, 'USD')],
    ['Price: $12.99.', undefined, money(1299, 'USD')],
    ['$ 5', 'CAD', money(500, 'CAD')],
    ['$ 5', 'EUR', money(500, 'USD')],
    ['$2.072', 'MXN', money(207200, 'MXN')],
    ['12.99', 'usd', money(1299, 'USD')],
  ])('%j (fallback %s) -> %j', (text, fallback, expected) => {
    expect(parseMoney(text, fallback)).toEqual(expected);
  });

  it.each([
    ['1,234', undefined],
    ['12.99', undefined],
    ['kr 99,00', undefined],
    ['kr 99,00', 'EUR'],
    ['Free shipping', 'USD'],
    ['', 'USD'],
    ['US $', undefined],
    ['12.99', 'not a code'],
  ])('%j (fallback %s) -> null', (text, fallback) => {
    expect(parseMoney(text, fallback)).toBeNull();
  });
});
