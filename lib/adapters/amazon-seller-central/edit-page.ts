// The listing editor (/abis/listing/edit?sku=…): one SKU's offer. Its Katal fields are named by the listing
// attribute paths the product type definitions and flat files use (fulfillment_availability#1.quantity,
// purchasable_offer[marketplace_id=…]…our_price#1.schedule#1.value_with_tax), which are stable across
// languages and redesigns of the form, unlike its labels.
import { fromCount, unknownStock } from '../../extract/stock';
import { cleanText } from '../../extract/text';
import type { Fulfilment, Stock, Variant } from '../../model';
import { countOf, isSku, moneyOf, readStatus, shownValue } from './fields';

export const SKU_FIELD = '[name="contribution_sku#1.value"]';
export const QUANTITY = '[name="fulfillment_availability#1.quantity"]';
const CHANNEL = '[name="fulfillment_availability#1.fulfillment_channel_code"]';
const PRICE = '[name^="purchasable_offer["][name$="#1.our_price#1.schedule#1.value_with_tax"]';
const TITLE = '[name^="item_name["]';
const PARENT_SKU = '[name^="child_parent_sku_relationship"][name$=".parent_sku"]';
const PARENTAGE = '[name^="parentage_level"]';
const ASIN = /^[A-Z0-9]{10}$/;

export interface EditedListing {
  sku: string;
  parentSku?: string;
  title: string;
  variant: Omit<Variant, 'key'>;
}

const fieldValue = (doc: Document, selector: string): string => {
  const el = doc.querySelector(selector);
  return el ? shownValue(el) : '';
};

// DEFAULT is the seller's own fulfilment; AMAZON_NA, AMAZON_EU, AMAZON_FE… are FBA.
function fulfilmentOf(code: string): Fulfilment | undefined {
  if (!code) return undefined;
  return /^DEFAULT$/i.test(code) ? 'merchant' : /^AMAZON/i.test(code) ? 'channel' : undefined;
}

function stockOf(doc: Document, fulfilment: Fulfilment | undefined): { stock: Stock; evidence: string[] } {
  const qty = countOf(fieldValue(doc, QUANTITY));
  if (qty !== null) return { stock: fromCount(qty), evidence: [`dom:${QUANTITY}`] };
  const reason =
    fulfilment === 'channel'
      ? 'Fulfilled by Amazon: the listing editor shows no fulfillable quantity'
      : 'The listing editor shows no quantity for this SKU';
  return { stock: unknownStock(reason), evidence: [] };
}

/**
 * The SKU being edited, or a reason it cannot be read: null fields mean the form is not there, and a child
 * whose parent SKU is not on the form cannot be keyed the way Manage All Inventory keys it.
 */
export function readEditPage(doc: Document, url: URL, currency: string | undefined): EditedListing | string {
  const sku = fieldValue(doc, SKU_FIELD) || cleanText(url.searchParams.get('sku'));
  const hasOffer = doc.querySelector(`${QUANTITY}, ${CHANNEL}, ${PRICE}`);
  if (!isSku(sku) || !hasOffer) return 'no SKU or offer fields in the listing editor';
  const parentSku = fieldValue(doc, PARENT_SKU);
  if (parentSku && !isSku(parentSku)) return 'the parent SKU on the form is longer than Amazon allows';
  if (!parentSku && /^child$/i.test(fieldValue(doc, PARENTAGE))) {
    return 'the listing editor says this SKU is a variation child but shows no parent SKU';
  }
  const fulfilment = fulfilmentOf(fieldValue(doc, CHANNEL));
  const { stock, evidence } = stockOf(doc, fulfilment);
  const priceField = doc.querySelector(PRICE);
  const price = priceField ? moneyOf(priceField, currency) : null;
  const status = readStatus(doc);
  const title = fieldValue(doc, TITLE) || sku;
  const asin = ASIN.exec(url.searchParams.get('asin') ?? '')?.[0];
  return {
    sku,
    ...(parentSku && parentSku !== sku ? { parentSku } : {}),
    title,
    variant: {
      label: title.slice(0, 300),
      sku: sku.slice(0, 200),
      options: asin ? { ASIN: asin } : {},
      stock,
      ...(price ? { price } : {}),
      ...(status ? { status: status.status } : {}),
      ...(fulfilment ? { fulfilment } : {}),
      evidence: [...evidence, ...(fulfilment ? [`dom:${CHANNEL}`] : []), ...(status?.evidence ?? [])].slice(0, 8),
    },
  };
}
