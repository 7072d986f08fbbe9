import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../tests/fixtures';
import { parseHtml } from '../../tests/parse-html';
import { readFetchedPage } from './read-page';

const fixture = (id: string, name: string) => loadFixtures().find((f) => f.adapterId === id && f.name === name)!;

describe('readFetchedPage', () => {
  it('reads fetched HTML exactly as the adapter reads the page in a tab', () => {
    const f = fixture('aliexpress', 'old-layout-one-sold-out');
    const page = { html: f.html, url: f.url, finalUrl: f.url, adapterId: 'aliexpress' };
    expect(readFetchedPage(parseHtml(f.html), page)).toEqual(f.expected);
  });

  it('reads a redirect to the site own captcha page as the captcha', () => {
    const f = fixture('aliexpress', 'captcha');
    const page = {
      html: f.html,
      url: 'https://www.aliexpress.com/item/1005006512345678.html',
      finalUrl: f.url,
      adapterId: 'aliexpress',
    };
    expect(readFetchedPage(parseHtml(f.html), page)).toMatchObject({ ok: false, reason: 'captcha' });
  });

  it('says where a redirect off the site went, instead of guessing from a login page', () => {
    const page = {
      html: '<form><input type="password"></form>',
      url: 'https://www.aliexpress.com/item/1005006512345678.html',
      finalUrl: 'https://login.aliexpress.com/?return=item',
      adapterId: 'aliexpress',
    };
    expect(readFetchedPage(parseHtml(page.html), page)).toEqual({
      ok: false,
      reason: 'not-a-product-page',
      detail: 'The page sent Oversell Guard to login.aliexpress.com/: open it in a tab',
    });
  });

  it('refuses an adapter it does not know', () => {
    const page = { html: '', url: 'https://x.example/p', finalUrl: 'https://x.example/p', adapterId: 'nope' };
    expect(readFetchedPage(parseHtml('<p>'), page)).toMatchObject({ ok: false, reason: 'not-a-product-page' });
  });
});
