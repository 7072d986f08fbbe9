import { defineConfig } from 'wxt';

// `--mode e2e` pre-grants the test origins that production builds keep optional, because automation
// cannot click the browser's permission prompt (see DESIGN.md section 7).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    action: { default_title: 'Oversell Guard' },
    browser_specific_settings: {
      gecko: { id: 'oversell-guard@oversellguard.app', strict_min_version: '115.0' },
    },
    ...(mode === 'e2e' ? {} : {}),
  }),
});
