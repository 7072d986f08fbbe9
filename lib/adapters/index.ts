// Every adapter, explicitly, in order: the first whose `matches` and `test` accept a URL reads it.

import alibaba1688 from './1688';
import alibaba from './alibaba';
import aliexpress from './aliexpress';
import amazon from './amazon';
import amazonSellerCentral from './amazon-seller-central';
import cjdropshipping from './cjdropshipping';
import type { Adapter } from './define';
import { adapterMatches } from './define';
import ebay from './ebay';
import ebaySellerHub from './ebay-seller-hub';
import etsy from './etsy';
import etsyShopManager from './etsy-shop-manager';
import schemaOrg from './schema-org';
import shopifyAdmin from './shopify-admin';
import shopifyStore from './shopify-store';
import temu from './temu';
import walmart from './walmart';
import woocommerceAdmin from './woocommerce-admin';
import woocommerceStore from './woocommerce-store';

export const adapters: readonly Adapter[] = [
  aliexpress,
  temu,
  cjdropshipping,
  alibaba1688,
  alibaba,
  ebay,
  etsy,
  amazon,
  walmart,
  shopifyStore,
  woocommerceStore,
  // The seller's own listings.
  shopifyAdmin,
  woocommerceAdmin,
  ebaySellerHub,
  amazonSellerCentral,
  etsyShopManager,
  // The fallback for any granted shop: after every adapter, since its patterns match every page.
  schemaOrg,
];

export function adapterById(id: string): Adapter | undefined {
  return adapters.find((a) => a.id === id);
}

export function adapterForUrl(url: URL): Adapter | undefined {
  return adapters.find((a) => adapterMatches(a, url));
}
