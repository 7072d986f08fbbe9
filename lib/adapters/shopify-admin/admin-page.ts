// Which admin page a URL is, and whose shop. The same three pages exist under both admin hosts:
//   https://admin.shopify.com/store/<store>/products[/<id> | /inventory][?…]
//   https://<shop>.myshopify.com/admin/products[/<id> | /inventory][?…]          (pre-2023 admin)
// Query strings (views, filters, paging, location_id) do not change which page it is.

export type AdminPage =
  | { kind: 'product'; shop: string; productId: string }
  | { kind: 'list'; shop: string }
  | { kind: 'inventory'; shop: string };

const ADMIN_PATH = /^\/store\/([a-z0-9][a-z0-9-]{0,62})\/products(?:\/(\d{1,20}|inventory))?\/?$/i;
const LEGACY_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.myshopify\.com$/i;
const LEGACY_PATH = /^\/admin\/products(?:\/(\d{1,20}|inventory))?\/?$/i;

export function adminPageOf(url: URL): AdminPage | null {
  let shop: string | undefined;
  let part: string | undefined;
  if (url.hostname === 'admin.shopify.com') {
    const m = ADMIN_PATH.exec(url.pathname);
    if (!m) return null;
    [, shop, part] = m;
  } else {
    shop = LEGACY_HOST.exec(url.hostname)?.[1];
    const m = shop ? LEGACY_PATH.exec(url.pathname) : null;
    if (!shop || !m) return null;
    part = m[1];
  }
  shop = shop.toLowerCase();
  if (!part) return { kind: 'list', shop };
  if (part.toLowerCase() === 'inventory') return { kind: 'inventory', shop };
  return { kind: 'product', shop, productId: part };
}
