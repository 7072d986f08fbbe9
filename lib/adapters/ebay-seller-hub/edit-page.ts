// The listing form in revise mode (/lstng?mode=ReviseItem&itemId=…, formerly /sl/list?mode=ReviseItem): a
// server-rendered form whose inputs are named after the listing's fields (title, price, quantity, customLabel).
// Only a live listing can be revised (an ended one is relisted), so the listing is active.
import { parseMoney } from '../../extract/money';
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { PageRead } from '../../model';

const TITLE = 'input[name="title"]';
const PRICE = 'input[name="price"]';
const QUANTITY = 'input[name="quantity"]';
const SKU = 'input[name="customLabel"]';
const STATUS_EVIDENCE = 'url:mode=ReviseItem';

/** The live form keeps what was typed in the property; a saved or fetched page only has the attribute. */
function fieldValue(doc: Document, selector: string): string | null {
  const input = doc.querySelector(selector);
  if (!input) return null;
  const live = (input as HTMLInputElement).value;
  return cleanText(typeof live === 'string' ? live : input.getAttribute('value'));
}

/** The listing the form revises, as the same single variant the listings grid gives it; null without the form. */
export function readEditPage(doc: Document, itemId: string, currency: string): PageRead | null {
  const title = fieldValue(doc, TITLE);
  if (title === null) return null;
  const productKey = `ebay-listing:${itemId}`;
  const quantity = fieldValue(doc, QUANTITY);
  if (quantity === null) {
    const detail =
      'Found the listing form but no quantity field (a listing with variations, or a changed form): read it from Seller Hub Active listings';
    return { ok: false, reason: 'layout-changed', detail, productKey };
  }
  const count = /^\d{1,9}$/.test(quantity) ? Number(quantity) : null;
  const stock = count === null ? unknownStock('the quantity field is empty') : fromCount(count);
  const priceText = fieldValue(doc, PRICE);
  const price = priceText ? parseMoney(priceText, currency) : null;
  const sku = fieldValue(doc, SKU);
  return {
    ok: true,
    products: [
      {
        key: productKey,
        title: (title || `eBay listing ${itemId}`).slice(0, 500),
        variants: [
          {
            key: `${productKey}:default`,
            label: 'Default',
            ...(sku ? { sku: sku.slice(0, 200) } : {}),
            options: {},
            stock,
            ...(price ? { price } : {}),
            status: stock.kind === 'outOfStock' ? 'out_of_stock' : 'active',
            evidence: [`dom:${QUANTITY}`, STATUS_EVIDENCE],
          },
        ],
      },
    ],
    evidence: [`dom:${TITLE}`, STATUS_EVIDENCE],
  };
}
