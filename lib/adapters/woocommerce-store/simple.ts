// A simple product: one purchasable item, keyed `default`. Its stock is in three places: the stock line
// WooCommerce prints under the price (`p.stock`: "12 in stock", "Out of stock", "Available on backorder"),
// the stock-status class on the product element (instock / outofstock / onbackorder), and the JSON-LD offer.

import { parseMoney } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { decideStock, inStock, outOfStock } from '../../extract/stock';
import type { StructuredProduct } from '../../extract/structured';
import { cleanText } from '../../extract/text';
import type { Variant } from '../../model';

/** The stock line under the price, as the shopper reads it; a backorder is out for a supplier (it cannot ship now). */
export function readStockNotice(root: ParentNode): StockSignal | null {
  const line = root.querySelector('.summary p.stock, p.stock');
  const text = cleanText(line?.textContent);
  if (!line || !text) return null;
  if (line.classList.contains('available-on-backorder'))
    return { stock: outOfStock(), source: `text:${text.slice(0, 200)}`, visible: true };
  const said = readStockText(text);
  if (said) return { stock: said.stock, source: `text:${said.phrase}`, visible: true };
  return line.classList.contains('out-of-stock')
    ? { stock: outOfStock(), source: `text:${text.slice(0, 200)}`, visible: true }
    : null;
}

function statusClass(root: Element): StockSignal | null {
  for (const status of ['outofstock', 'onbackorder', 'instock']) {
    if (root.classList.contains(status)) {
      return { stock: status === 'instock' ? inStock() : outOfStock(), source: `dom:.type-product.${status}` };
    }
  }
  return null;
}

export function readSimpleProduct(
  root: Element,
  ld: StructuredProduct | undefined,
  productKey: string,
  currency: string | null,
): { variant: Variant; evidence: string[] } | null {
  const offer = ld?.offers[0];
  const signals: StockSignal[] = [];
  const fromClass = statusClass(root);
  if (fromClass) signals.push(fromClass);
  if (offer?.stock) signals.push({ stock: offer.stock, source: 'json-ld' });
  const notice = readStockNotice(root);
  // A count refines "in stock"; any visible out-of-stock line wins in decideStock anyway.
  const counts = notice && (notice.stock.kind === 'exact' || notice.stock.kind === 'atLeast');
  if (notice && counts && !signals.some((s) => s.stock.kind === 'outOfStock')) signals.unshift(notice);
  else if (notice) signals.push(notice);
  if (signals.length === 0) return null;
  const { stock, evidence } = decideStock(signals);
  const shown = root.querySelector('.summary .price ins .amount, .summary .price .amount, .price .amount')?.textContent;
  const price = offer?.price ?? (shown ? parseMoney(shown, currency ?? undefined) : null);
  const sku = cleanText(root.querySelector('.product_meta .sku')?.textContent) || ld?.sku;
  const variant: Variant = {
    key: `${productKey}:default`,
    label: 'Default',
    ...(sku && { sku: sku.slice(0, 200) }),
    options: {},
    stock,
    ...(price && { price }),
    evidence,
  };
  return { variant, evidence: [evidence[0]] };
}
