// "Watch this site" on stores Oversell Guard does not read by default (Shopify, WooCommerce, any shop with
// schema.org product data): the seller clicks the popup's button,
// the origin's permission is granted (pre-granted in the e2e build: automation cannot answer the prompt), the
// store reader is registered at run time, reads the open tab at once and every visit after; "Stop watching"
// ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStatusRow } from '../../lib/db';
import type { Observation } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const storePage = (adapterId: string): FixtureCase => {
  const found = loadFixtures().find(
    (f) => f.adapterId === adapterId && f.expected.ok && f.expected.products.some((p) => p.variants.length > 1),
  );
  if (!found) throw new Error(`no readable ${adapterId} fixture with variants`);
  return found;
};

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const statusOf = async (url: string) =>
  (await readStore<PageStatusRow>(await h.worker(), 'pages')).find((p) => p.url === url);

describe.each(['shopify-store', 'woocommerce-store', 'schema-org'])('watching a %s', (adapterId) => {
  const f = storePage(adapterId);

  it('reads nothing before the seller asks', async () => {
    h.web.serve(f.url, f.html);
    const page = await h.context.newPage();
    await page.goto(f.url);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await statusOf(f.url)).toBeUndefined();
    await page.close();
  });

  it('reads the open tab as soon as the seller clicks "Watch this site", and every visit after', async () => {
    const store = await h.context.newPage();
    await store.goto(f.url);
    const popup = await h.openPopup(f.url);
    await popup.getByRole('button', { name: 'Watch this site' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Watching');

    const first = await waitFor(async () => statusOf(f.url), `the reading of ${f.name}`);
    expect(first).toMatchObject({ adapterId, ok: true });
    const latest = new Map((await readStore<Observation>(await h.worker(), 'latest')).map((o) => [o.key, o]));
    for (const v of f.expected.ok ? f.expected.products.flatMap((p) => p.variants) : []) {
      expect(latest.get(v.key), v.key).toMatchObject({ stock: v.stock });
    }
    await popup.reload();
    await expect.poll(() => popup.getByRole('button', { name: 'Stop watching' }).count()).toBe(1);

    await store.reload();
    await waitFor(async () => ((await statusOf(f.url))?.at ?? 0) > first.at, 'a new reading after the reload');
    await popup.close();
    await store.close();
  });

  it('stops reading when the seller stops watching', async () => {
    const store = await h.context.newPage();
    await store.goto(f.url);
    const popup = await h.openPopup(f.url);
    await popup.getByRole('button', { name: 'Stop watching' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Stopped watching');
    const before = (await statusOf(f.url))?.at ?? 0;
    await store.reload();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await statusOf(f.url))?.at ?? 0).toBe(before);
    await popup.close();
    await store.close();
  });
});
