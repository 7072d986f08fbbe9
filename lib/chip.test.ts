import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chipText } from './chip';
import { exact, outOfStock, unknownStock } from './extract/stock';
import type { PageRead } from './model';

const en: Record<string, string> = {
  chipRead: '$1: $2 variants, $3 available, $4 linked · read in $5 ms',
  chipFailed: '$1: could not read this page ($2)',
  chipRemoved: '$1: this product is gone',
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    (en[key] ?? '').replace(/\$(\d)/g, (_, n) => subs?.[Number(n) - 1] ?? '')) as typeof browser.i18n.getMessage);
});

/** One variant per count; a negative count is a stock the page did not show. */
const page = (counts: number[]): PageRead => ({
  ok: true,
  evidence: [],
  products: [
    {
      key: 'aliexpress:1',
      title: 'Shirt',
      variants: counts.map((q, i) => ({
        key: `aliexpress:1:${i}`,
        label: `v${i}`,
        options: {},
        stock: q < 0 ? unknownStock('not shown') : q === 0 ? outOfStock() : exact(q),
        evidence: [],
      })),
    },
  ],
});

describe('chipText', () => {
  it('counts variants that can sell one unit, never unknown ones', () => {
    expect(chipText({ siteName: 'AliExpress', page: page([3, 0, -1, 12]), readMs: 1.234, linkedVariants: 2 })).toBe(
      'AliExpress: 4 variants, 2 available, 2 linked · read in 1.2 ms',
    );
  });
  it('says why a page could not be read', () => {
    const failed: PageRead = { ok: false, reason: 'captcha', detail: 'AliExpress is showing a captcha' };
    expect(chipText({ siteName: 'AliExpress', page: failed, readMs: 0, linkedVariants: 0 })).toBe(
      'AliExpress: could not read this page (AliExpress is showing a captcha)',
    );
  });
  it('says a removed product is gone', () => {
    const gone: PageRead = {
      ok: true,
      evidence: [],
      products: [{ key: 'aliexpress:1', title: 'x', variants: [], removed: true }],
    };
    expect(chipText({ siteName: 'AliExpress', page: gone, readMs: 0, linkedVariants: 1 })).toBe(
      'AliExpress: this product is gone',
    );
  });
});
