// WooCommerce admin (wp-admin), the seller's own listings on their own store: the products list reads every row
// at once, the product editor a simple product's one item or a variable product's loaded variations. Dynamic:
// registered only on the store origins the seller grants ("Watch this site"), so it matches any host's wp-admin.
// Keys name the channel and hold the REST API ids: `woocommerce:<site>:<product id>:<default | variation id>`.
import { cleanText } from '../../extract/text';
import type { PageRead } from '../../model';
import { defineAdapter } from '../define';
import { adminPageOf } from './admin-url';
import { readProductEditor } from './edit-page';
import { clip } from './inventory';
import { readProductList } from './list-page';

// wp-login.php's form (WordPress redirects a signed-out wp-admin request there, and a re-check follows it).
// Looked up by id: a list page can hold thousands of rows, and the check runs on every page.
const showsLoginForm = (doc: Document): boolean =>
  doc.getElementById('loginform') !== null || doc.getElementById('user_login') !== null;
const LOGIN_DETAIL = 'Sign in to your WordPress admin (wp-login.php) to read your WooCommerce listings';

export function readWooCommerceAdmin(doc: Document, url: URL): PageRead {
  const page = adminPageOf(url);
  if (!page) return { ok: false, reason: 'not-a-product-page', detail: 'Not a WooCommerce products list or editor' };
  const target = page.kind === 'login' ? page.target : page;
  const productKey = target.kind === 'edit' ? `woocommerce:${target.site}:${target.postId}` : undefined;
  const withKey = productKey ? { productKey } : {};
  if (page.kind === 'login' || showsLoginForm(doc)) {
    return { ok: false, reason: 'login-wall', detail: LOGIN_DETAIL, ...withKey };
  }
  // wp_die(): "Sorry, you are not allowed to edit this item.", "…an item that does not exist. Perhaps it was deleted?"
  const died =
    doc.body?.id === 'error-page' ? cleanText((doc.querySelector('.wp-die-message') ?? doc.body).textContent) : '';
  if (died) {
    const detail = clip(`WordPress showed an error instead of the page: "${clip(died, 300)}"`, 500);
    return { ok: false, reason: 'http-error', detail, ...withKey };
  }
  return target.kind === 'list'
    ? readProductList(doc, target.site)
    : readProductEditor(doc, `woocommerce:${target.site}:${target.postId}`);
}

// Where wp-admin and wp-login.php live: the site root, or a sub-path WordPress is installed under.
const PATHS = ['/wp-admin/*', '/*/wp-admin/*', '/wp-login.php*', '/*/wp-login.php*'];

export default defineAdapter({
  id: 'woocommerce-admin',
  name: 'WooCommerce admin',
  role: 'listing',
  keyPrefix: 'woocommerce',
  dynamic: true,
  matches: PATHS.flatMap((path) => [`https://*${path}`, `http://*${path}`]),
  test: (url) => adminPageOf(url) !== null,
  read: readWooCommerceAdmin,
});
