// Every static adapter, in the real extension: a fixture page served under its real URL is read by the
// manifest's content script, and exactly its expected reading lands in IndexedDB (or its failure does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../../lib/adapters';
import type { PageStatusRow } from '../../lib/db';
import type { Observation } from '../../lib/model';
import { type FixtureCase, loadFixtures } from '../fixtures';
import { type Harness, launch, readStore, waitFor } from './harness';

const fixtures = loadFixtures();
/**
 * Per static adapter: its first fixture with variants, and an unreadable one (a captcha or login wall when
 * there is one: those are reported at once, while a changed layout is waited on for late data first).
 */
const cases = adapters
  .filter((a) => !a.dynamic)
  .flatMap((a) => {
    const own = fixtures.filter((f) => f.adapterId === a.id);
    const read = own.find((f) => f.expected.ok && f.expected.products.some((p) => p.variants.length > 0));
    const failures = own.filter((f) => !f.expected.ok);
    const failed =
      failures.find((f) => !f.expected.ok && ['captcha', 'login-wall'].includes(f.expected.reason)) ?? failures[0];
    return [read, failed].filter((f): f is FixtureCase => f !== undefined);
  });

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('each adapter in the real extension', () => {
  it.each(cases.map((f) => [`${f.adapterId}/${f.name}`, f] as const))('%s', async (_, f) => {
    h.web.serve(f.url, f.html);
    const page = await h.context.newPage();
    const before = Date.now();
    await page.goto(f.url, { waitUntil: 'domcontentloaded' });
    const status = await waitFor(
      async () =>
        // By adapter and time, not URL: bot walls rewrite their URL (history.replaceState) as the real ones do.
        (await readStore<PageStatusRow>(await h.worker(), 'pages')).find(
          (p) => p.adapterId === f.adapterId && p.at >= before,
        ),
      `the reading of ${f.adapterId}/${f.name}`,
      20_000,
    );
    await page.close();
    expect(status).toMatchObject({ adapterId: f.adapterId, ok: f.expected.ok });
    if (!f.expected.ok) {
      expect(status.reason).toBe(f.expected.reason);
      return;
    }
    const stored = new Map((await readStore<Observation>(await h.worker(), 'latest')).map((o) => [o.key, o]));
    for (const variant of f.expected.products.flatMap((p) => p.variants)) {
      expect(stored.get(variant.key), variant.key).toMatchObject({ stock: variant.stock, presence: 'present' });
    }
  });
});
