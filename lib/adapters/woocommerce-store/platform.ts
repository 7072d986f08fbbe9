// Is this page served by WooCommerce, or by its "coming soon" mode? Also used by schema-org to leave
// WooCommerce pages to the WooCommerce reader.

// WooCommerce adds a woocommerce* class to <body> on every page of a store (woocommerce-no-js at least).
const STORE_PAGE =
  'body[class*="woocommerce"], link[href*="/plugins/woocommerce/"], script[src*="/plugins/woocommerce/"]';
// "Coming soon" mode (WooCommerce 9.1+) serves this block to visitors who are not logged in.
const COMING_SOON =
  '.wp-block-woocommerce-coming-soon, .woocommerce-coming-soon-store-only, .woocommerce-coming-soon-entire-site';

export const isWooCommercePage = (doc: Document): boolean => !!doc.querySelector(STORE_PAGE);

export const showsComingSoon = (doc: Document): boolean => !!doc.querySelector(COMING_SOON);
