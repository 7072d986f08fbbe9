import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Catalogue, formatMessage, initI18n, t, uiLocale } from './i18n';

const catalogue = (l: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../public/_locales/${l}/messages.json`), 'utf8')) as Catalogue;
const zh = catalogue('zh_CN');
const en = catalogue('en');

beforeEach(() => {
  fakeBrowser.reset();
  // The browser speaks English: getMessage answers from the English catalogue, as Chrome would.
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    en[key] ? formatMessage(en[key], subs) : '') as typeof browser.i18n.getMessage);
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await initI18n('auto');
});

const serveLocales = () => {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const locale = /_locales\/([^/]+)\//.exec(url)?.[1] ?? '';
    return new Response(JSON.stringify(catalogue(locale)));
  });
  return fetched;
};

describe('formatMessage', () => {
  it('fills $1-style substitutions, named placeholders and $$ as Chrome does', () => {
    const entry = {
      message: 'Found $count$ of $2 at $$$3, $9',
      placeholders: { Count: { content: '$1' } },
    };
    expect(formatMessage(entry, ['5', '7', '2.50'])).toBe('Found 5 of 7 at $2.50, ');
  });

  it('leaves a $word$ that names no placeholder alone', () => {
    expect(formatMessage({ message: 'costs $US$ 5' })).toBe('costs $US$ 5');
  });
});

describe('t with a chosen language', () => {
  it("speaks the browser's language on auto", async () => {
    await initI18n('auto');
    expect(t('stockExact', [3])).toBe('3 in stock');
    expect(uiLocale()).toBe('en-US');
  });

  it('speaks Simplified Chinese when the seller picks it, whatever the browser speaks', async () => {
    const fetched = serveLocales();
    const page = { documentElement: { lang: 'en' } };
    vi.stubGlobal('document', page);
    await initI18n('zh_CN');
    expect(t('stockExact', [3])).toBe(formatMessage(zh.stockExact, ['3']));
    expect(t('stockExact', [3])).not.toBe('3 in stock');
    expect(uiLocale()).toBe('zh-CN');
    expect(page.documentElement.lang).toBe('zh-CN');
    await initI18n('zh_CN');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/\/_locales\/zh_CN\/messages\.json$/);
  });

  it('reads the language from the settings when not given', async () => {
    serveLocales();
    await browser.storage.local.set({ settings: { language: 'zh_CN' } });
    await initI18n();
    expect(t('stockOut')).toBe(zh.stockOut.message);
  });

  it("falls back to the browser's language when the catalogue cannot load", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await initI18n('zh_CN');
    expect(t('stockOut')).toBe('Out of stock');
  });

  it('shows a missing key as ⟦key⟧, never blank', async () => {
    serveLocales();
    await initI18n('zh_CN');
    expect(t('noSuchKey')).toBe('⟦noSuchKey⟧');
  });
});
