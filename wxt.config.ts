import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { adapters } from './lib/adapters';

// `--mode e2e` pre-grants the test origins that production builds keep optional, because automation
// cannot click the browser's permission prompt (see DESIGN.md section 7).
/** Set by scripts/run-e2e.mjs so the e2e build lands beside, not over, the production build. */
const e2e = process.env.OVERSELL_GUARD_E2E === '1';
/** A suffix for the e2e output folder, so parallel e2e runs (one per engineer) do not build over each other. */
const e2eDir = process.env.OVERSELL_GUARD_E2E_DIR ?? '';

/**
 * Origins pre-granted in the e2e build: the tests script into supplier and admin pages (chrome.scripting) to send
 * messages as a content script would, and click "Watch this site" on the fixture stores, whose permission prompt
 * automation cannot answer (DESIGN.md section 7). Production keeps every store origin optional.
 */
function e2eHosts(): string[] {
  const stores = ['shopify-store', 'woocommerce-store', 'schema-org'].flatMap((id) => {
    const dir = resolve(import.meta.dirname, 'tests/fixtures', id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `${new URL(JSON.parse(readFileSync(resolve(dir, f), 'utf8')).url).origin}/*`);
  });
  return [...new Set(['https://*.aliexpress.com/*', 'https://admin.shopify.com/*', ...stores, ...channelApis()])];
}

/**
 * The store APIs that Options asks for when the seller connects a store (Shopify: https://<store>.myshopify.com
 * for each admin fixture's store; WooCommerce: the admin fixtures' sites; eBay, Etsy, Amazon: their API hosts), and
 * the loopback fakes that stand in for them in tests/e2e/pause.e2e.ts (lib/actions/test-base-url.ts).
 */
function channelApis(): string[] {
  const urls = ['shopify-admin', 'woocommerce-admin'].flatMap((id) => {
    const dir = resolve(import.meta.dirname, 'tests/fixtures', id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => new URL(JSON.parse(readFileSync(resolve(dir, f), 'utf8')).url));
  });
  const shops = urls.map((u) => /^\/store\/([a-z0-9-]+)/.exec(u.pathname)?.[1]).filter(Boolean);
  const sites = urls.filter((u) => u.pathname.includes('/wp-')).map((u) => u.origin);
  return [
    ...shops.map((shop) => `https://${shop}.myshopify.com/*`),
    ...sites.map((o) => `${o}/*`),
    // The marketplaces' API origins (lib/connections.ts apiOriginPatterns), asked for when they are connected.
    'https://api.ebay.com/*',
    'https://openapi.etsy.com/*',
    'https://api.etsy.com/*',
    'https://api.amazon.com/*',
    'https://sellingpartnerapi-na.amazon.com/*',
    'https://sellingpartnerapi-eu.amazon.com/*',
    'https://sellingpartnerapi-fe.amazon.com/*',
    'http://127.0.0.1/*',
  ];
}

/**
 * The supplier sites whose pages the static content scripts already read (the install prompt names them for
 * those scripts anyway): granted as hosts too, so background re-checks may fetch them without a second prompt.
 */
function supplierHosts(): string[] {
  const origins = adapters
    .filter((a) => a.role === 'supplier' && !a.dynamic)
    .flatMap((a) => a.matches)
    .map((pattern) => pattern.replace(/^[^:]+:\/\/([^/]+)\/.*$/, 'https://$1/*'));
  return [...new Set(origins)].sort();
}

export default defineConfig({
  outDirTemplate: e2e ? `{{browser}}-mv{{manifestVersion}}-e2e${e2eDir}` : '{{browser}}-mv{{manifestVersion}}',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // Content scripts get the native API instead of the polyfill (lib/native-browser.ts says why).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = { find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'lib/native-browser.ts') };
      const existing = config.resolve?.alias;
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [alias, ...list] };
    },
  },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // notifications: a link turned critical; offscreen (Chrome only): DOMParser for background re-checks.
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'scripting',
      'notifications',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // "Watch this site": any store the seller chooses, asked for one origin at a time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Oversell Guard' },
    browser_specific_settings: {
      gecko: {
        id: 'oversell-guard@oversellguard.app',
        // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
        strict_min_version: '140.0',
        // Nothing leaves the browser (README: Permissions and privacy).
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
    host_permissions: [...new Set([...supplierHosts(), ...(mode === 'e2e' ? e2eHosts() : [])])],
  }),
});
