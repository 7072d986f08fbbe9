// Real Chromium with the built extension loaded. Fixture pages are served under their real URLs with
// context.route, so the manifest's `matches` apply unchanged; nothing leaves the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The few extension APIs the tests call inside the worker (the worker's own `chrome`, not Node's). */
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
  tabs: { query(q: object): Promise<{ id: number }[]> };
  scripting: {
    executeScript(i: {
      target: { tabId: number };
      world: 'ISOLATED';
      func: (m: unknown) => unknown;
      args: unknown[];
    }): Promise<{ result: unknown }[]>;
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

export const E2E_EXTENSION_DIR = resolve(
  import.meta.dirname,
  `../../.output/chrome-mv3-e2e${process.env.OVERSELL_GUARD_E2E_DIR ?? ''}`,
);

export interface LaunchOptions {
  /** The unpacked extension to load (default: the e2e build). */
  extensionDir?: string;
  headless?: boolean;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  web: FakeWeb;
  worker: () => Promise<Worker>;
  /** The popup as a page; for `tabUrl`, speaking about the open tab at that URL (as if opened over it). */
  openPopup: (tabUrl?: string) => Promise<Page>;
  badge: () => Promise<{ text: string; color: number[] }>;
  /**
   * Stops the extension's service worker, as Chrome does after 30 s idle; it restarts on its next event.
   * Playwright keeps the same Worker handle across the restart; a marker global shows the realm is new.
   */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

export async function launch({
  extensionDir = E2E_EXTENSION_DIR,
  headless = true,
}: LaunchOptions = {}): Promise<Harness> {
  const executablePath = process.env.CHROME_PATH;
  if (!executablePath)
    throw new Error('CHROME_PATH is not set: run the e2e tests through `npm test` or `npm run test:e2e`');
  const userDataDir = mkdtempSync(join(tmpdir(), 'og-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const web = new FakeWeb(context);
  await web.install();
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live) return live;
    // A stopped worker starts again on its next event: opening an extension page is one.
    const started = context.waitForEvent('serviceworker', { timeout: 15_000 });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const w = await started;
    await page.close();
    return w;
  };

  return {
    context,
    extensionId,
    web,
    worker,
    openPopup: async (tabUrl?: string) => {
      const tabId = tabUrl
        ? await (await worker()).evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, tabUrl)
        : undefined;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
      return page;
    },
    badge: async () =>
      (await worker()).evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      })),
    stopWorker: async () => {
      // CDP's ServiceWorker domain, from an extension page, stops the worker exactly as Chrome's idle timeout does.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const cdp = await context.newCDPSession(page);
      const status = new Map<string, string>();
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) if (v.scriptURL.includes(extensionId)) status.set(v.versionId, v.runningStatus);
      });
      await cdp.send('ServiceWorker.enable');
      const running = await waitFor(
        async () => [...status].find(([, s]) => s === 'running')?.[0],
        'the running worker',
      );
      await cdp.send('ServiceWorker.stopWorker', { versionId: running });
      await waitFor(async () => status.get(running) === 'stopped', 'the worker to stop');
      await cdp.detach();
      await page.close();
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves pages by exact URL (fragment ignored); every other http(s) request (images, CDNs, trackers in
 * the fixtures) gets a 404 at once, so the tests never touch the network and never wait on it.
 */
export class FakeWeb {
  private readonly pages = new Map<string, { body: string; status: number }>();
  constructor(private readonly context: BrowserContext) {}

  async install(): Promise<void> {
    await this.context.route(/^https?:\/\//, (route) => {
      const url = route.request().url().replace(/#.*$/, '');
      const page = this.pages.get(url);
      return route.fulfill({
        status: page?.status ?? 404,
        contentType: 'text/html; charset=utf-8',
        body: page?.body ?? '<!doctype html><title>Not found</title><h1>404</h1>',
      });
    });
  }

  serve(url: string, body: string, status = 200): void {
    // Requests never carry the fragment (`…/edit?sku=…#offer`), so neither does the key.
    this.pages.set(url.replace(/#.*$/, ''), { body, status });
  }
}

/** Reads a whole object store of the extension's database with the raw IndexedDB API, from the worker. */
export async function readStore<T = unknown>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('oversell-guard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Polls until `probe` returns a truthy value or the time runs out (then throws with the last value). */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/**
 * Sends `message` from the content-script world of the tab showing `url`, exactly as a content script would
 * (the e2e build has the scripting permission and the test origins), and returns the worker's reply with the
 * round-trip time measured in the tab.
 */
export async function sendFromTab(
  worker: Worker,
  url: string,
  message: unknown,
): Promise<{ reply: unknown; ms: number }> {
  // Scripts run through tsx wrap functions in __name() (esbuild keepNames): give the worker a no-op one.
  await worker.evaluate('self.__name ??= (f) => f');
  return worker.evaluate(
    async ({ url, message }) => {
      const [tab] = await chrome.tabs.query({ url });
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        world: 'ISOLATED',
        func: async (m) => {
          const t0 = performance.now();
          const reply = await chrome.runtime.sendMessage(m);
          return { reply, ms: performance.now() - t0 };
        },
        args: [message],
      });
      return frame.result as { reply: unknown; ms: number };
    },
    { url, message },
  );
}
