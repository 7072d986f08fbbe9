import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { cleanText, textOf } from './text';

describe('cleanText', () => {
  it.each([
    ['  37 pieces\n available ', '37 pieces available'],
    ['1\u00a0234,56\u202f€', '1 234,56 €'],
    ['a\t\tb\r\nc', 'a b c'],
    ['zero\u200bwidth', 'zero width'],
    ['   ', ''],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('textOf', () => {
  const doc = parseHtml(`<html><body>
    <div class="price">  US $3.99\n</div>
    <p class="stock"><span>Only</span>&nbsp;<b>3</b> left</p>
    <p class="empty">   </p>
  </body></html>`);

  it.each([
    ['.price', 'US $3.99'],
    ['.stock', 'Only 3 left'],
    ['.empty', null],
    ['.missing', null],
    ['[[invalid', null],
  ])('%s -> %j', (selector, expected) => {
    expect(textOf(doc, selector)).toBe(expected);
  });

  it('searches under the given root only', () => {
    const stock = doc.querySelector('.stock')!;
    expect(textOf(stock, 'b')).toBe('3');
    expect(textOf(stock, '.price')).toBeNull();
  });
});
