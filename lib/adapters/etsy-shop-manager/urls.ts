// Shop Manager URLs and the keys built from them. Keys hold Etsy's listing id (the v3 API's listing_id), so the
// channel code can call PATCH /v3/application/shops/{shop}/listings/{listing_id} with what it parses back.
//   https://www.etsy.com/your/shops/me/tools/listings?item_status=draft&stats=true&page=2     the listings grid
//   https://www.etsy.com/your/shops/me/tools/listings/state:sold_out,view:table/page:2       (older filter paths)
//   https://www.etsy.com/your/shops/me/listing-editor/edit/1487263519                       the listing editor
//   https://www.etsy.com/your/shops/me/tools/listings/state:inactive/1487263519             (older editor path)
// `me` may be the shop's own name (links from Etsy's e-mails and older pages use it).

export const KEY_PREFIX = 'etsy-listing';

export type ShopManagerPage = { kind: 'list'; filterPath: string } | { kind: 'edit'; listingId: string };

const SHOP = '^/your/shops/[A-Za-z0-9_-]{1,40}';
// Filter segments of the older grid URLs hold a colon (`state:draft,view:table`, `page:2`); listing ids never do.
const LIST = new RegExp(`${SHOP}/tools/listings((?:/[^/]*:[^/]*)*)/?$`);
const EDIT = new RegExp(`${SHOP}/(?:listing-editor/edit|tools/listings(?:/[^/]*:[^/]*)*)/(\\d{5,15})/?$`);

export function shopManagerPage(url: URL): ShopManagerPage | null {
  if (url.hostname !== 'www.etsy.com') return null;
  const edit = EDIT.exec(url.pathname);
  if (edit) return { kind: 'edit', listingId: edit[1] };
  const list = LIST.exec(url.pathname);
  return list ? { kind: 'list', filterPath: list[1] } : null;
}

export const productKeyOf = (listingId: string): string => `${KEY_PREFIX}:${listingId}`;

/** The one purchasable item of a listing without variations: the same key on the grid and in the editor. */
export const defaultVariantKey = (productKey: string): string => `${productKey}:default`;

/**
 * A variation the page names only by its option values: the values ordered by option name, joined by '|'
 * and percent-encoded, so the key holds no ':' of its own ({Size: 'M', Color: 'Blue'} -> `Blue%7CM`).
 */
export function optionsVariantKey(productKey: string, options: Record<string, string>): string {
  const values = Object.keys(options)
    .sort()
    .map((name) => options[name]);
  return `${productKey}:${encodeURIComponent(values.join('|'))}`;
}
