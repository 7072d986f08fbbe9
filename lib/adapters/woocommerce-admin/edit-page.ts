// The classic product editor (post.php?post=<id>&action=edit): the "Product data" box #woocommerce-product-data
// (meta-boxes/views/html-product-data-general.php and -inventory.php) for a simple product's one item, the
// Variations panel for a variable product's variations.
import { decideStock, unknownStock } from '../../extract/stock';
import type { PageRead, PageReadFailure, Variant } from '../../model';
import {
  activePriceValue,
  clip,
  inventorySignals,
  listingStatusOf,
  localizedPrice,
  productInventory,
  savedChoice,
  savedValue,
} from './inventory';
import { type StoreMoney, storeMoney } from './store-money';
import { readVariations } from './variations';

/** The saved post status: #original_post_status is what the database holds, #post_status the edit form's copy. */
function postStatus(doc: Document): { status: string; source: string } | null {
  const original = savedValue(doc.getElementById('original_post_status'));
  if (original) return { status: original, source: 'dom:#original_post_status' };
  const chosen = savedChoice(doc.getElementById('post_status'));
  return chosen ? { status: chosen, source: 'dom:#post_status' } : null;
}

const STOCK_STATUS_SOURCE = 'dom:[name="_stock_status"]';

function readSimpleItem(doc: Document, productKey: string, money: StoreMoney): Variant | null {
  const fields = productInventory(doc);
  const signals = inventorySignals(fields, { quantity: 'dom:#_stock', stockStatus: STOCK_STATUS_SOURCE });
  if (signals.length === 0 && fields.manageStock === null) return null;
  const { stock, evidence } = signals.length
    ? decideStock(signals)
    : { stock: unknownStock('no stock quantity or status saved for this product'), evidence: [] };
  const sale = savedValue(doc.getElementById('_sale_price'));
  const scheduled = Boolean(
    savedValue(doc.getElementById('_sale_price_dates_from')) || savedValue(doc.getElementById('_sale_price_dates_to')),
  );
  const regular = doc.getElementById('_regular_price');
  const label = regular?.parentElement?.querySelector('label')?.textContent ?? '';
  const price = localizedPrice(activePriceValue({ regular: savedValue(regular), sale, scheduled }), money, label);
  const sku = clip(savedValue(doc.getElementById('_sku')), 200);
  return {
    key: `${productKey}:default`,
    label: 'Default',
    ...(sku ? { sku } : {}),
    options: {},
    stock,
    ...(price ? { price } : {}),
    evidence,
  };
}

export function readProductEditor(doc: Document, productKey: string): PageRead {
  const fail = (reason: PageReadFailure['reason'], detail: string): PageRead => ({
    ok: false,
    reason,
    detail,
    productKey,
  });
  const box = doc.getElementById('woocommerce-product-data');
  if (!box) {
    const bodyClass = doc.body?.getAttribute('class') ?? '';
    // The same editor URL edits posts and pages too: admin_body_class names the post type.
    if (/(?:^|\s)post-type-(?!product(?:\s|$))/.test(bodyClass))
      return {
        ok: false,
        reason: 'not-a-product-page',
        detail: 'This WordPress editor is not editing a WooCommerce product',
      };
    return fail(
      'layout-changed',
      'Could not find the Product data box (#woocommerce-product-data) in this editor; a plugin or an update may have changed it',
    );
  }
  const title = clip(savedValue(doc.getElementById('title')) || `#${productKey.split(':').pop()}`, 500);
  const post = postStatus(doc);
  const status = listingStatusOf(post?.status);
  const withStatus = (v: Variant, own = status): Variant => {
    const withIt = own ? { ...v, status: own } : v;
    return post && own ? { ...withIt, evidence: [...v.evidence, post.source].slice(0, 8) } : withIt;
  };
  const typeSelect = doc.getElementById('product-type');
  // Without the type select the box is a simple product's (the select offers the other types).
  const type = savedChoice(typeSelect) ?? 'simple';
  const money = storeMoney(doc);
  const evidence = ['dom:#woocommerce-product-data', ...(typeSelect ? ['dom:#product-type'] : [])];

  if (type.includes('variable')) {
    const read = readVariations(doc, box, productKey, money);
    if ('failure' in read) return fail('layout-changed', read.failure);
    // A disabled variation (post status private) cannot be bought while its product is on sale.
    const variants = read.variants.map((v) =>
      withStatus(v.variant, !v.enabled && status === 'active' ? 'inactive' : status),
    );
    const product = { key: productKey, title, variants, ...(read.partial ? { partial: true } : {}) };
    return { ok: true, products: [product], evidence: [...evidence, read.evidence] };
  }
  // A grouped product sells its children, each a product of its own with its own editor.
  if (type === 'grouped')
    return { ok: true, products: [{ key: productKey, title, variants: [], partial: true }], evidence };
  const item = readSimpleItem(doc, productKey, money);
  if (!item)
    return fail('layout-changed', 'Found the product editor but no stock fields (#_stock_status) in its Inventory tab');
  return { ok: true, products: [{ key: productKey, title, variants: [withStatus(item)] }], evidence };
}
