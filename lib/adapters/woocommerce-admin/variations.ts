// A variable product's variations in the editor. WooCommerce loads them by AJAX only when the seller opens the
// Variations tab (meta-boxes-product-variation.js, initial_load), 15 per page, as `.woocommerce_variation`
// blocks (meta-boxes/views/html-variation-admin.php) inside `.woocommerce_variations`, whose `data-total`
// counts them all and whose `data-attributes` holds the product's variation attributes keyed by slug.
import { decideStock, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Variant } from '../../model';
import {
  activePriceValue,
  clip,
  type InventoryFields,
  inventorySignals,
  localizedPrice,
  productInventory,
  quantityOf,
  savedChoice,
  savedValue,
} from './inventory';
import type { StoreMoney } from './store-money';

export interface EditorVariation {
  variant: Variant;
  /** The "Enabled" box: a disabled variation is private and cannot be bought. */
  enabled: boolean;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slug in the variation selects (`attribute_pa_size[0]` -> pa_size) -> the name the seller gave the attribute. */
function attributeNames(box: Element, panel: Element): Map<string, string> {
  const names = new Map<string, string>();
  let data: unknown;
  try {
    data = JSON.parse(panel.getAttribute('data-attributes') ?? '');
  } catch {
    return names;
  }
  for (const [slug, attribute] of Object.entries(isRecord(data) ? data : {})) {
    if (!isRecord(attribute) || typeof attribute.name !== 'string') continue;
    // A global attribute is a taxonomy (pa_size): its label is the one the Attributes tab shows.
    let label = attribute.is_taxonomy ? '' : attribute.name;
    for (const el of attribute.is_taxonomy ? box.querySelectorAll('.woocommerce_attribute[data-taxonomy]') : []) {
      if (el.getAttribute('data-taxonomy') === attribute.name)
        label = cleanText(el.querySelector('strong.attribute_name')?.textContent);
    }
    names.set(slug, clip(label || attribute.name.replace(/^pa_/, ''), 100));
  }
  return names;
}

function readVariation(
  block: Element,
  names: Map<string, string>,
  productKey: string,
  parent: InventoryFields,
  money: StoreMoney,
): EditorVariation | null {
  // Every form field of the block in one pass, by name (`variable_sku[3]`).
  const byName = new Map<string, Element>();
  for (const el of block.querySelectorAll('[name]')) byName.set(el.getAttribute('name') ?? '', el);
  const idName = [...byName.keys()].find((name) => name.startsWith('variable_post_id['));
  const loop = idName ? /^variable_post_id\[(\d+)\]$/.exec(idName)?.[1] : undefined;
  const id = savedValue(idName ? byName.get(idName) : null);
  if (loop === undefined || !/^\d{1,19}$/.test(id)) return null;
  const field = (name: string) => byName.get(`${name}[${loop}]`);
  const source = (name: string) => `dom:[name="${name}[${loop}]"]`;

  const options: Record<string, string> = {};
  for (const [name, select] of byName) {
    const slug = select.tagName === 'SELECT' ? /^attribute_(.+)\[\d+\]$/.exec(name)?.[1] : undefined;
    const option = slug ? select.querySelector('option[selected]') : null;
    // "Any Size…" (value ""): the variation stands for every value of that attribute.
    if (!slug || !option?.getAttribute('value')) continue;
    options[names.get(slug) ?? clip(slug.replace(/^pa_/, ''), 100)] = clip(cleanText(option.textContent), 200);
  }

  // Without its own stock management a variation sells from the parent product's count, when that is managed.
  const manage = field('variable_manage_stock');
  const ownCount = manage?.hasAttribute('checked') ?? false;
  const shared = !ownCount && parent.manageStock === true;
  const signals = inventorySignals(
    {
      manageStock: ownCount || shared,
      quantity: shared ? parent.quantity : quantityOf(field('variable_stock')?.getAttribute('value')),
      stockStatus: savedChoice(field('variable_stock_status')),
    },
    { quantity: shared ? 'dom:#_stock' : source('variable_stock'), stockStatus: source('variable_stock_status') },
  );
  const { stock, evidence } = signals.length
    ? decideStock(signals)
    : { stock: unknownStock('no stock quantity or status saved for this variation'), evidence: [] };
  const enabled = field('variable_enabled')?.hasAttribute('checked') ?? true;

  const scheduled = Boolean(
    savedValue(field('variable_sale_price_dates_from')) || savedValue(field('variable_sale_price_dates_to')),
  );
  const regular = field('variable_regular_price');
  const value = activePriceValue({
    regular: savedValue(regular),
    sale: savedValue(field('variable_sale_price')),
    scheduled,
  });
  const price = localizedPrice(value, money, regular?.parentElement?.querySelector('label')?.textContent ?? '');
  const sku = clip(savedValue(field('variable_sku')), 200);
  const variant: Variant = {
    key: `${productKey}:${id}`,
    label: clip(Object.values(options).join(' / ') || sku || `#${id}`, 300),
    ...(sku ? { sku } : {}),
    options,
    stock,
    ...(price ? { price } : {}),
    evidence: enabled ? evidence : [...evidence, `${source('variable_enabled')}:not(:checked)`],
  };
  return { variant, enabled };
}

export function readVariations(
  doc: Document,
  box: Element,
  productKey: string,
  money: StoreMoney,
): { variants: EditorVariation[]; partial: boolean; evidence: string } | { failure: string } {
  const panel = box.querySelector('.woocommerce_variations');
  if (!panel) {
    // No attribute is used for variations yet: the product has nothing to sell.
    if (box.querySelector('#variable_product_options .add-attributes-container'))
      return { variants: [], partial: false, evidence: 'dom:#variable_product_options .add-attributes-container' };
    return { failure: 'Could not find the Variations panel (.woocommerce_variations) of this variable product' };
  }
  // The count of all variations; absent or junk is not 0.
  const totalText = panel.getAttribute('data-total') ?? '';
  const total = /^\d{1,9}$/.test(totalText) ? Number(totalText) : Number.NaN;
  const blocks = panel.querySelectorAll('.woocommerce_variation');
  if (blocks.length === 0) {
    if (total === 0) return { variants: [], partial: false, evidence: 'dom:.woocommerce_variations[data-total="0"]' };
    return {
      failure:
        'The variations of this product have not loaded yet: open its Variations tab (WooCommerce loads them only then)',
    };
  }
  const names = attributeNames(box, panel);
  const parent = productInventory(doc);
  const variants: EditorVariation[] = [];
  for (const block of blocks) {
    const read = readVariation(block, names, productKey, parent, money);
    if (read) variants.push(read);
  }
  if (variants.length === 0)
    return {
      failure: 'Found variation blocks but no variation ids (variable_post_id) in them; the editor may have changed',
    };
  // More than one page of variations: only the one shown is read, the others are not gone.
  const partial = Number.isFinite(total) && total > variants.length;
  return { variants, partial, evidence: 'dom:.woocommerce_variation input[name^="variable_post_id["]' };
}
