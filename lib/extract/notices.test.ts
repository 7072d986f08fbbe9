import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { buyBoxes, noticeTexts, stockNotice } from './notices';

const doc = parseHtml(`<html><body>
  <div class="banner sold-out">Sold out</div>
  <div class="product-info">
    <div class="quantity--info--x1"><span> 312 pieces available </span></div>
    <div class="tip sold-out-tip">Este artículo está agotado</div>
  </div></body></html>`);

describe('notices', () => {
  it('looks inside the buy box only, or the whole page when there is none', () => {
    expect(buyBoxes(doc, ['product-info'])).toHaveLength(1);
    expect(buyBoxes(doc, ['missing'])).toEqual([doc]);
  });

  it('reads cleaned notice texts', () => {
    expect(noticeTexts(buyBoxes(doc, ['product-info']), '[class*="quantity--info"]')).toEqual(['312 pieces available']);
  });

  it('finds a visible out-of-stock notice in the buy box, not the banner outside it', () => {
    expect(stockNotice(buyBoxes(doc, ['product-info']), '[class*="sold-out"]')).toEqual({
      stock: { kind: 'outOfStock' },
      source: 'text:agotado',
      visible: true,
    });
    expect(stockNotice(buyBoxes(doc, ['product-info']), '[class*="quantity--info"]')).toBeNull();
    expect(stockNotice(buyBoxes(doc, ['product-info']), '[class*="quantity--info"]', 'inStock')).toBeNull();
  });
});
