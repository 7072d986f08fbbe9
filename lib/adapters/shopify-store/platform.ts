// Is this page served by Shopify, and is it one of the pages Shopify serves instead of a product
// (the storefront password page, the theme's 404)? Also used by schema-org to leave Shopify pages to us.
import { cleanText } from '../../extract/text';

// What `content_for_header` puts on every Liquid storefront, and the CDN every Shopify store (headless
// ones too) serves its images and assets from (`/cdn/shop/` is the same CDN under the store's own domain).
const STOREFRONT_MARKS = [
  'script#shopify-features',
  'meta[name="shopify-checkout-api-token"]',
  'meta[name="shopify-digital-wallet"]',
  'link[href*="/cdn/shop/"]',
  'link[href*="cdn.shopify.com"]',
  'script[src*="cdn.shopify.com"]',
  'meta[property="og:image"][content*="cdn.shopify.com"]',
  'img[src*="cdn.shopify.com"]',
].join(', ');

export const isShopifyStorefront = (doc: Document): boolean => !!doc.querySelector(STOREFRONT_MARKS);

// The storefront password form ("Enter store using password"): its form type is Shopify's, not the theme's.
const PASSWORD_FORM = 'input[name="form_type"][value="storefront_password"]';
export const PASSWORD_PATH = /^(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,4})?)?\/password\/?$/i;

/** Shopify's page for a password-protected store, where it redirects every URL of the store. */
export const showsPasswordPage = (doc: Document, url: URL, storefront: boolean): boolean =>
  !!doc.querySelector(PASSWORD_FORM) || (storefront && PASSWORD_PATH.test(url.pathname));

// Dawn renders its 404 section as `.template-404`, Debut-era themes put the class on <body>; both title it "404 …".
const NOT_FOUND = '.template-404, #shopify-section-404, [id$="__main-404"]';

/** Evidence that this is the theme's 404 page ("text:Page not found"), or null. */
export function readNotFound(doc: Document): string | null {
  const section = doc.querySelector(NOT_FOUND);
  if (!section && !/^\s*404\b/.test(doc.querySelector('title')?.textContent ?? '')) return null;
  const heading = cleanText((section ?? doc).querySelector('h1')?.textContent);
  return heading ? `text:${heading.slice(0, 200)}` : 'dom:.template-404';
}
