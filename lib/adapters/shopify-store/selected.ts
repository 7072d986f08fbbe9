// What the product section says beyond the variant data: which variant is selected (the only one a theme
// prints a stock notice for), that notice and the buy button, option names, and which JSON-LD is this product's.
import { readStockText } from '../../extract/phrases';
import type { StockSignal } from '../../extract/stock';
import type { StructuredProduct } from '../../extract/structured';
import { cleanText } from '../../extract/text';
import { isRecord, shopifyId } from './product-data';
import type { VariantDrafts } from './variants';

// Stock notices themes print for the selected variant: Dawn's inventory block (`Inventory-<section>`),
// and the classes of other widespread themes (Debut-era, Prestige, Impulse, Turbo).
const NOTICES =
  '.product__inventory, [id^="Inventory-"], .product-form__inventory, .product-inventory, .ProductForm__Inventory, .product__stock, [data-inventory-status], .items_left';
const BUY_BUTTON = 'form[action*="/cart/add"] [name="add"], button[name="add"], [id^="AddToCart-"]';
const HIDDEN = '[hidden], .hidden, .visibility-hidden, noscript';
const SELECTED_ID =
  'form[action*="/cart/add"] input[name="id"], form[action*="/cart/add"] select[name="id"] option[selected]';

const shown = (el: Element | null): el is Element => !!el && !el.closest(HIDDEN);

/** The selected variant: `?variant=` in the URL, else the id the product form will add to the cart. */
export function readSelectedVariantId(url: URL, buyBox: ParentNode, drafts: VariantDrafts): string | null {
  const fromUrl = shopifyId(url.searchParams.get('variant'));
  if (fromUrl && drafts.byId.has(fromUrl)) return fromUrl;
  for (const el of Array.from(buyBox.querySelectorAll(SELECTED_ID))) {
    const id = shopifyId(el.getAttribute('value'));
    if (id && drafts.byId.has(id) && !el.closest('noscript')) return id;
  }
  return drafts.byId.size === 1 ? [...drafts.byId.keys()][0] : null;
}

/** The theme's stock notice ("Low stock: 3 left", "Épuisé") and a buy button that says sold out. */
export function readSelectedNotices(buyBox: ParentNode): StockSignal[] {
  const signals: StockSignal[] = [];
  const notice = Array.from(buyBox.querySelectorAll(NOTICES)).find(shown);
  const said = notice && readStockText(cleanText(notice.textContent));
  if (said) signals.push({ stock: said.stock, source: `text:${said.phrase}`, visible: true });
  const button = Array.from(buyBox.querySelectorAll(BUY_BUTTON)).find(shown);
  const label = button?.tagName === 'INPUT' ? button.getAttribute('value') : button?.textContent;
  const onButton = label ? readStockText(cleanText(label)) : null;
  if (onButton?.stock.kind === 'outOfStock') {
    signals.push({ stock: onButton.stock, source: `text:${onButton.phrase}`, visible: true });
  }
  return signals;
}

/** Option names from the product JSON (strings, or `{name}` in newer dumps), else from the pickers. */
export function readOptionNames(product: Record<string, unknown> | null, buyBox: ParentNode): string[] {
  const listed = Array.isArray(product?.options) ? product.options : [];
  const fromJson = listed.map((o) => (typeof o === 'string' ? o : isRecord(o) ? o.name : null));
  if (fromJson.length && fromJson.every((n): n is string => typeof n === 'string' && !!n.trim())) return fromJson;
  // Dawn: `<select name="options[Size]">` for dropdowns, a <legend> per fieldset for buttons.
  const selects = Array.from(buyBox.querySelectorAll('select[name^="options["]'));
  if (selects.length) return selects.map((s) => /^options\[(.*)\]$/.exec(s.getAttribute('name') ?? '')?.[1] ?? '');
  const legends = buyBox.querySelectorAll('variant-selects legend, variant-radios legend, variant-picker legend');
  return Array.from(legends).map((l) => cleanText(l.textContent));
}

/** This product's JSON-LD: the one naming its id or linking to its handle; a lone product otherwise. */
export function ownJsonLd(products: StructuredProduct[], productId: string, handle: string): StructuredProduct[] {
  const linksHere = (p: StructuredProduct) =>
    [...p.offers, ...p.variants.flatMap((v) => v.offers)].some((o) => o.url?.includes(`/products/${handle}`));
  const own = products.filter((p) => shopifyId(p.productId) === productId || linksHere(p));
  return own.length ? own : products.length === 1 ? products : [];
}
