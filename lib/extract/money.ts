// Money from embedded values and visible price text, as integer minor units. The currency is read from
// the text or given by the caller, never guessed: a price without one is null.
import type { Money } from '../model';

const ZERO_DECIMAL = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** Digits after the decimal mark in a currency's minor unit (ISO 4217): JPY 0, KWD 3, most 2. */
export function currencyExponent(code: string): number {
  const upper = code.toUpperCase();
  return ZERO_DECIMAL.has(upper) ? 0 : THREE_DECIMAL.has(upper) ? 3 : 2;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;
const PLAIN_DECIMAL = /^\+?(\d*)(?:\.(\d*))?$/;

const currencyCode = (value: unknown): string | null => {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return CURRENCY_CODE.test(code) ? code : null;
};

/** Whole and fraction digit strings to minor units with string math (0.29 stays 29; 1.005 rounds half up to 101). */
function toMinor(whole: string, fraction: string, currency: string): Money | null {
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const roundUp = (fraction[exponent] ?? '0') >= '5';
  const amount = Number(whole + kept) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(amount) ? { amount, currency } : null;
}

/** An embedded JSON price (12.99, "12.99", "1400") in a known currency; null for negative or non-numeric values. */
export function moneyFromNumber(value: number | string, currency: string): Money | null {
  const code = currencyCode(currency);
  if (!code) return null;
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
    // 1e-7 or 1e21: no digit string to work on, and no real price looks like that.
    if (text.includes('e')) {
      const amount = Math.round(value * 10 ** currencyExponent(code));
      return Number.isSafeInteger(amount) ? { amount, currency: code } : null;
    }
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const match = PLAIN_DECIMAL.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  return toMinor(match[1], match[2] ?? '', code);
}

// First alternative: thousands grouped by spaces or apostrophes ("1 234,56", "1'234.50"); second: digits with . and ,.
const NUMBER = /\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?|\d[\d.,]*/g;
const GROUPING = /[ '’]/g;
const TRAILING_MARKS = /[.,]+$/;
const MARKS = /[.,]/g;
const FULLWIDTH = /[\uff0c\uff0e\uff10-\uff19]/g;
const SPACES = /\s+/g;
const ZERO_WHOLE = /^0*$/;
/** The word right after a number ("€", "zł", "EUR"), never reaching into the next number. */
const WORD_AFTER = /^ ?[^\s\d]+/;

/** The last mark is decimal unless it stands alone before exactly 3 digits ("1,234" = 1234) after a non-zero whole part. */
function splitDecimal(token: string): [whole: string, fraction: string] {
  const digits = token.replace(GROUPING, '').replace(TRAILING_MARKS, '');
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (last < 0) return [digits, ''];
  const mark = digits[last];
  const before = digits.slice(0, last);
  const after = digits.slice(last + 1);
  const lone = digits.indexOf(mark) === last;
  const isDecimal =
    lone && (before.includes(mark === '.' ? ',' : '.') || after.length !== 3 || ZERO_WHOLE.test(before));
  return isDecimal ? [before.replace(MARKS, ''), after] : [digits.replace(MARKS, ''), ''];
}

/** 'a:b c:d' -> {a: 'b', c: 'd'}: keeps the symbol tables to one line each. */
const pairs = (list: string): Record<string, string> =>
  Object.fromEntries(list.split(' ').map((pair) => pair.split(':')));

const ISO_CODES =
  'USD EUR GBP CNY JPY KRW HKD TWD SGD AUD NZD CAD MXN BRL ARS CLP COP PEN PLN CZK HUF RON BGN SEK NOK DKK ISK CHF TRY RUB UAH INR IDR MYR THB VND PHP ILS AED SAR QAR ZAR EGP NGN KWD BHD OMR JOD';
const ISO_CODE = new RegExp(`(?<![A-Za-z])(${ISO_CODES.replace(/ /g, '|')})(?![A-Za-z])`);
// Dollars with a country prefix ("US $", "C$", "AU $", "R$"); uppercase only, so "for $5" is not read as "R$".
const PREFIXED_DOLLAR = /(?<![A-Za-z])(US|CA|AU|NZ|HK|SG|MX|NT|C|A|S|R)\s?\$/;
const PREFIX_CODES = pairs('US:USD CA:CAD C:CAD AU:AUD A:AUD NZ:NZD HK:HKD SG:SGD S:SGD MX:MXN NT:TWD R:BRL');
const SYMBOL = /€|£|₺|₩|￦|₹|₽|₴|₫|฿|₱|₪|円|元|원|(?<![A-Za-z])(?:zł|kč|ft|tl|rm|rp|lei)(?![A-Za-z])/i;
const SYMBOL_CODES = pairs(
  '€:EUR £:GBP ₺:TRY ₩:KRW ￦:KRW ₹:INR ₽:RUB ₴:UAH ₫:VND ฿:THB ₱:PHP ₪:ILS 円:JPY 元:CNY 원:KRW zł:PLN kč:CZK ft:HUF tl:TRY rm:MYR rp:IDR lei:RON',
);
// Symbols several currencies share: the caller's fallback decides when it is one of them.
const AMBIGUOUS = /\$|¥|￥|(?<![A-Za-z])kr\.?(?![A-Za-z])/i;
const DOLLARS = new Set('USD CAD AUD NZD HKD SGD TWD MXN ARS CLP COP UYU'.split(' '));
const KRONER = new Set('SEK NOK DKK ISK'.split(' '));

/** The currency a fragment next to a number names; null when it names none, '' when it names one we cannot tell ("kr"). */
function currencyNear(fragment: string, fallback: string | null): string | null {
  const code = ISO_CODE.exec(fragment)?.[1];
  if (code) return code;
  const prefix = PREFIXED_DOLLAR.exec(fragment)?.[1];
  if (prefix) return PREFIX_CODES[prefix];
  const symbol = SYMBOL.exec(fragment)?.[0];
  if (symbol) return SYMBOL_CODES[symbol.toLowerCase()] ?? null;
  const shared = AMBIGUOUS.exec(fragment)?.[0];
  if (!shared) return null;
  if (shared === '$') return fallback && DOLLARS.has(fallback) ? fallback : 'USD';
  if (shared === '¥' || shared === '￥') return fallback === 'JPY' ? 'JPY' : 'CNY';
  return fallback && KRONER.has(fallback) ? fallback : '';
}

/**
 * A price in human text: "$1,400.00", "1.400,00 €", "MXN$2.072,22", "₩12,000", "kr 99,00" (with a fallback).
 * Takes the first number the text ties to a currency (so a range gives its lowest price); without a symbol
 * or code anywhere, the first number in `fallbackCurrency`, or null when there is none.
 */
export function parseMoney(text: string, fallbackCurrency?: string): Money | null {
  if (typeof text !== 'string') return null;
  const fallback = currencyCode(fallbackCurrency);
  const normalized = text
    .slice(0, 500)
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACES, ' ');
  let firstBare: string | null = null;
  let previousEnd = 0;
  let seen = 0;
  for (const match of normalized.matchAll(NUMBER)) {
    if (++seen > 8) break;
    const end = match.index + match[0].length;
    const prefix = normalized.slice(previousEnd, match.index).slice(-12);
    const suffix = WORD_AFTER.exec(normalized.slice(end, end + 12))?.[0] ?? '';
    previousEnd = end;
    const currency = currencyNear(prefix, fallback) ?? currencyNear(suffix, fallback);
    if (currency) return toMinor(...splitDecimal(match[0]), currency);
    if (currency === null) firstBare ??= match[0];
  }
  return firstBare && fallback ? toMinor(...splitDecimal(firstBare), fallback) : null;
}
