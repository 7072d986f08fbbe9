// Small builders for readings, so each test states only what matters to it.
import { type LinkRow, toLinkRow } from '../lib/db';
import { exact } from '../lib/extract/stock';
import type { FailureReason, Fulfilment, ListingStatus, Money, Reading, Stock, Variant } from '../lib/model';

export const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
export const SUPPLIER_URL = 'https://www.aliexpress.com/item/1005006512345678.html';
export const LISTING_URL = 'https://admin.shopify.com/store/acme-goods/products/8123456789';
export const SUPPLIER_PRODUCT = 'aliexpress:1005006512345678';
export const LISTING_PRODUCT = 'shopify:acme-goods:8123456789';

type VariantSpec = {
  id: string;
  stock?: Stock;
  price?: Money;
  status?: ListingStatus;
  options?: Record<string, string>;
  fulfilment?: Fulfilment;
};

function variant(productKey: string, spec: VariantSpec): Variant {
  return {
    key: `${productKey}:${spec.id}`,
    label: Object.values(spec.options ?? { Variant: spec.id }).join(' / '),
    options: spec.options ?? { Variant: spec.id },
    stock: spec.stock ?? exact(10),
    ...(spec.price ? { price: spec.price } : {}),
    ...(spec.status ? { status: spec.status } : {}),
    ...(spec.fulfilment ? { fulfilment: spec.fulfilment } : {}),
    evidence: ['embedded-json:test'],
  };
}

export function supplierReading(variants: VariantSpec[], at = T0, extra: { removed?: boolean } = {}): Reading {
  return {
    adapterId: 'aliexpress',
    role: 'supplier',
    url: SUPPLIER_URL,
    observedAt: at,
    via: 'page',
    page: {
      ok: true,
      products: [
        {
          key: SUPPLIER_PRODUCT,
          title: 'Waterproof Hiking Backpack 40L',
          variants: variants.map((v) => variant(SUPPLIER_PRODUCT, v)),
          ...(extra.removed ? { removed: true } : {}),
        },
      ],
      evidence: ['embedded-json:runParams'],
    },
  };
}

export function listingReading(variants: VariantSpec[], at = T0): Reading {
  return {
    adapterId: 'shopify-admin',
    role: 'listing',
    url: LISTING_URL,
    observedAt: at,
    via: 'page',
    page: {
      ok: true,
      products: [
        {
          key: LISTING_PRODUCT,
          title: 'Trail Backpack',
          variants: variants.map((v) => variant(LISTING_PRODUCT, { status: 'active', ...v })),
        },
      ],
      evidence: ['dom:form'],
    },
  };
}

export function supplierFailure(reason: FailureReason, at = T0): Reading {
  return {
    adapterId: 'aliexpress',
    role: 'supplier',
    url: SUPPLIER_URL,
    observedAt: at,
    via: 'page',
    page: { ok: false, reason, detail: `AliExpress: ${reason}`, productKey: SUPPLIER_PRODUCT },
  };
}

/** A stored link of `listingKey` to these supplier variants, in priority order, one unit per sale. */
export function linkRow(listingKey: string, offerKeys: string[], at = T0): LinkRow {
  return toLinkRow({
    listingKey,
    suppliers: offerKeys.map((offerKey, priority) => ({ offerKey, priority, unitsPerSale: 1 })),
    createdAt: at,
    updatedAt: at,
  });
}
