// Which wp-admin page a URL is, and the site id that keys its products. WordPress may live under a sub-path
// (`/shop/wp-admin/…`); the key keeps that path, so the channel API can find `<site>/wp-json/wc/v3/…` again.
//   <base>/wp-admin/edit.php?post_type=product[&paged=2&product_cat=…]   the product list
//   <base>/wp-admin/post.php?post=<id>&action=edit                       the product editor
//   <base>/wp-login.php?redirect_to=<one of those>&reauth=1              where WordPress sends a signed-out seller

export type AdminTarget = { kind: 'list'; site: string } | { kind: 'edit'; site: string; postId: string };
export type AdminPage = AdminTarget | { kind: 'login'; site: string; target: AdminTarget };

const ADMIN_FILE = /^(.*?)\/wp-admin\/(edit|post)\.php$/;
const LOGIN_FILE = /^(.*?)\/wp-login\.php$/;

/** `shop.example.com`, `example.com%2Fshop` (sub-path install), `localhost%3A8443` (non-default port). */
export const siteIdOf = (url: URL, basePath: string): string =>
  encodeURIComponent(`${url.host.toLowerCase()}${basePath}`);

function adminTargetOf(url: URL): AdminTarget | null {
  const m = ADMIN_FILE.exec(url.pathname);
  if (!m) return null;
  const site = siteIdOf(url, m[1]);
  const q = url.searchParams;
  // `page=` under the products menu is an importer, exporter or settings screen, not the list.
  if (m[2] === 'edit') return q.get('post_type') === 'product' && !q.has('page') ? { kind: 'list', site } : null;
  const postId = q.get('post') ?? '';
  return q.get('action') === 'edit' && /^\d{1,19}$/.test(postId) ? { kind: 'edit', site, postId } : null;
}

/** The login page counts only when it was sent there from a product page of the same site (auth_redirect). */
function loginTargetOf(url: URL): AdminPage | null {
  const m = LOGIN_FILE.exec(url.pathname);
  const action = url.searchParams.get('action');
  const redirect = url.searchParams.get('redirect_to');
  if (!m || !redirect || (action && action !== 'login')) return null;
  let target: URL;
  try {
    target = new URL(redirect, url);
  } catch {
    return null;
  }
  const admin = target.host === url.host ? adminTargetOf(target) : null;
  return admin ? { kind: 'login', site: siteIdOf(url, m[1]), target: admin } : null;
}

export function adminPageOf(url: URL): AdminPage | null {
  return adminTargetOf(url) ?? loginTargetOf(url);
}
