// A variable product's variations, from the JSON WooCommerce writes into `form.variations_form
// [data-product_variations]` (wc_get_template 'single-product/add-to-cart/variable.php'): one Variant per
// `variation_id`, stocked from its count (`max_qty`), its stock HTML and `is_in_stock`.
import { moneyFromNumber } from '../../extract/money';
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import { decideStock, fromCount, inStock, outOfStock, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Variant } from '../../model';
import { readStockNotice } from './simple';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_VARIATIONS = 5000;
const MORE_THAN_30 = 'variations load on demand (more than 30)';
const TAGS = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&nbsp;': ' ', '&#8211;': '–', '&quot;': '"', '&#039;': "'" };

/** Text of a small HTML string ("<p class=\"stock in-stock\">12 in stock</p>"); never the page. */
const htmlText = (html: string): string =>
  cleanText(
    html
      .slice(0, 2000)
      .replace(TAGS, ' ')
      .replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? ' '),
  );

/** What the variation's own data says, most telling first: a count before a plain in-stock flag. */
function variationSignals(v: Json, path: string): StockSignal[] {
  const signals: StockSignal[] = [];
  const html = typeof v.availability_html === 'string' ? v.availability_html : '';
  // "Available on backorder" is in stock to WooCommerce, but a supplier cannot ship it now.
  if (html.includes('available-on-backorder')) {
    signals.push({ stock: outOfStock(), source: `embedded-json:${path}.availability_html` });
  }
  if (v.is_purchasable === false || v.variation_is_active === false) {
    const field = v.is_purchasable === false ? 'is_purchasable' : 'variation_is_active';
    signals.push({ stock: outOfStock(), source: `embedded-json:${path}.${field}` });
  }
  // `max_qty` is the stock count when stock is managed without backorders ("" otherwise); 1 when sold individually.
  const max = typeof v.max_qty === 'string' && /^\d+$/.test(v.max_qty) ? Number(v.max_qty) : v.max_qty;
  if (typeof max === 'number' && Number.isSafeInteger(max) && max >= 0 && v.is_sold_individually !== 'yes') {
    signals.push({ stock: fromCount(max), source: `embedded-json:${path}.max_qty` });
  }
  const said = html ? readStockText(htmlText(html)) : null;
  if (said) signals.push({ stock: said.stock, source: `text:${said.phrase}` });
  if (typeof v.is_in_stock === 'boolean') {
    signals.push({ stock: v.is_in_stock ? inStock() : outOfStock(), source: `embedded-json:${path}.is_in_stock` });
  }
  return signals;
}

/** Attribute names and value labels as the variation <select>s show them (`attribute_pa_color` -> Color, blue -> Blue). */
function attributeLabels(form: Element) {
  const names = new Map<string, string>();
  const values = new Map<string, string>();
  for (const select of Array.from(form.querySelectorAll('select[name^="attribute_"]'))) {
    const attribute = select.getAttribute('name') ?? '';
    const id = select.getAttribute('id');
    const label = id ? form.querySelector(`label[for="${id.replace(/["\\]/g, '')}"]`) : null;
    names.set(attribute, cleanText(label?.textContent) || attribute.replace(/^attribute_(pa_)?/, ''));
    for (const option of Array.from(select.querySelectorAll('option[value]'))) {
      const value = option.getAttribute('value') ?? '';
      if (value) values.set(`${attribute}\n${value}`, cleanText(option.textContent) || value);
    }
  }
  return { names, values };
}

function readVariations(list: unknown[], form: Element, productKey: string, currency: string | null): Variant[] {
  const { names, values } = attributeLabels(form);
  const variants: Variant[] = [];
  list.slice(0, MAX_VARIATIONS).forEach((v, i) => {
    const id =
      isRecord(v) && (typeof v.variation_id === 'number' || typeof v.variation_id === 'string')
        ? String(v.variation_id)
        : '';
    if (!isRecord(v) || !/^\d+$/.test(id)) return;
    const options: Record<string, string> = {};
    for (const [attribute, value] of Object.entries(isRecord(v.attributes) ? v.attributes : {})) {
      // An empty value is "any": the variation stands for every value of that attribute.
      if (typeof value !== 'string' || !value) continue;
      const name = (names.get(attribute) ?? attribute.replace(/^attribute_(pa_)?/, '')).slice(0, 100);
      options[name] = (values.get(`${attribute}\n${value}`) ?? value).slice(0, 200);
    }
    const signals = variationSignals(v, `data-product_variations[${i}]`);
    const { stock, evidence } = signals.length
      ? decideStock(signals)
      : { stock: unknownStock('WooCommerce gave no stock for this variation'), evidence: [] };
    const price = currency && typeof v.display_price === 'number' ? moneyFromNumber(v.display_price, currency) : null;
    const sku = typeof v.sku === 'string' && v.sku.trim() ? v.sku.trim().slice(0, 200) : undefined;
    variants.push({
      key: `${productKey}:${id}`,
      label: (Object.values(options).join(' / ') || sku || `#${id}`).slice(0, 300),
      ...(sku && { sku }),
      options,
      stock,
      ...(price && { price }),
      evidence,
    });
  });
  return variants;
}

/** The variation form's variants and evidence; null when its data is missing or broken (a layout change). */
export function readVariationForm(
  form: Element,
  root: Element,
  productKey: string,
  currency: string | null,
): { variants: Variant[]; evidence: string[] } | null {
  const raw = form.getAttribute('data-product_variations');
  // Over the AJAX threshold (30 by default) WooCommerce writes `false` and fetches a variation once it is picked.
  if (raw === 'false') {
    const evidence = ['dom:form.variations_form[data-product_variations=false]'];
    const stock = unknownStock(MORE_THAN_30);
    return {
      variants: [{ key: `${productKey}:default`, label: 'All variations', options: {}, stock, evidence }],
      evidence,
    };
  }
  let list: unknown;
  try {
    list = raw ? JSON.parse(raw) : undefined;
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  // No variation can be bought (hidden when out of stock): WooCommerce says so in place of the form.
  const soldOut = list.length === 0 ? readStockNotice(root) : null;
  if (soldOut?.stock.kind === 'outOfStock') return { variants: [], evidence: [soldOut.source] };
  const variants = readVariations(list, form, productKey, currency);
  return variants.length ? { variants, evidence: ['embedded-json:data-product_variations'] } : null;
}
