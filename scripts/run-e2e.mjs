// Builds the e2e variant (test origins pre-granted, output in .output/chrome-mv3-e2e, plus
// $OVERSELL_GUARD_E2E_DIR when set so parallel runs do not collide) and runs the
// end-to-end tests in real Chromium with it loaded.
import { requireChrome } from './chrome-path.mjs';
import { run } from './run.mjs';

const chrome = requireChrome();
// NODE_ENV=production: the tests exercise the same React and Dexie builds that ship.
run('build (e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e'], { OVERSELL_GUARD_E2E: '1', NODE_ENV: 'production' });
run('end-to-end tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  CHROME_PATH: chrome,
});
