// `npm start`: builds the extension, opens Chromium with it loaded, and plays the seller's path on
// bundled pages served under their real URLs (nothing goes to the network): a supplier page and a
// Shopify listing are read, linked in the popup, then the supplier sells out and the badge turns red.
// `npm start -- --headless` does the same without a display and saves screenshots to screenshots/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, waitFor } from '../tests/e2e/harness';
import { loadFixtures } from '../tests/fixtures';
import { requireChrome } from './chrome-path.mjs';
import { run } from './run.mjs';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, 'no-build': { type: 'boolean' } } });
const headless = values.headless || (!process.env.DISPLAY && process.platform === 'linux');
if (headless && !values.headless) console.log('No display found: running headless and saving screenshots.');
process.env.CHROME_PATH = requireChrome();
if (!values['no-build']) run('build', 'npx', ['wxt', 'build']);

const shots = resolve('screenshots');
mkdirSync(shots, { recursive: true });
const fixtures = loadFixtures();
const get = (id: string, name: string) => fixtures.find((f) => f.adapterId === id && f.name === name)!;
const inStock = get('aliexpress', 'old-layout-in-stock');
const soldOut = get('aliexpress', 'old-layout-one-sold-out');
const listing = get('shopify-admin', 'product-variants-active');
const soldVariant =
  soldOut.expected.ok && soldOut.expected.products[0].variants.find((v) => v.stock.kind === 'outOfStock');
const listingVariant =
  listing.expected.ok && listing.expected.products[0].variants.find((v) => v.stock.kind === 'exact');
if (!soldVariant || !listingVariant) throw new Error('demo fixtures are missing their variants');

const h = await launch({ extensionDir: resolve('.output/chrome-mv3'), headless });
const step = (text: string) => console.log(`\n● ${text}`);
const shoot = async (page: import('playwright-core').Page, name: string) => {
  if (!headless) return;
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path });
  console.log(`  screenshot: ${path}`);
};

h.web.serve(inStock.url, inStock.html);
h.web.serve(listing.url, listing.html);
const tab = await h.context.newPage();

step(`The seller opens the supplier page: ${inStock.url}`);
await tab.goto(inStock.url);
await new Promise((r) => setTimeout(r, 1500));

step(`…and their listing in Shopify admin: ${listing.url}`);
await tab.goto(listing.url);
await new Promise((r) => setTimeout(r, 1500));

step('In the popup, they link the listing variant to the supplier variant.');
const popup = await h.openPopup();
await popup.setViewportSize({ width: 420, height: 600 });
await popup.locator('select[name="listing"]').selectOption(listingVariant.key);
await popup.locator('select[name="supplier"]').selectOption(soldVariant.key);
await shoot(popup, '1-link');
await popup.getByRole('button', { name: 'Link', exact: true }).click();
await popup.getByText('Linked.').waitFor();

step('The supplier sells out of that variant; the seller passes by the supplier page again.');
h.web.serve(soldOut.url, soldOut.html);
await tab.goto(soldOut.url);
await waitFor(async () => (await h.badge()).text === '1', 'the badge to turn red');
console.log(`  badge: ${JSON.stringify(await h.badge())}`);
await popup.reload();
await popup.locator('[data-status="oversell-risk"]').waitFor();
await popup.getByText('Why?').first().click();
await shoot(popup, '2-oversell-risk');
await shoot(tab, '3-supplier-page');

if (headless) {
  await h.close();
  console.log('\nDone. The popup screenshots are in screenshots/.');
} else {
  step('The browser stays open: click the extension icon (puzzle piece) to see the popup. Close the window to end.');
  await new Promise<void>((done) => h.context.on('close', () => done()));
}
