import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../tests/parse-html';
import { readBotWall } from './bot-wall';

const page = (body: string, head = '') =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('readBotWall', () => {
  it.each([
    [
      'Cloudflare managed challenge (2023+ markup)',
      '<div class="main-content"><h1 class="zone-name-title h1">shop.example</h1><div id="challenge-success-text" class="h2">Verification successful</div></div>',
      'Cloudflare',
    ],
    [
      'Cloudflare legacy challenge form',
      '<form id="challenge-form" action="/?__cf_chl_f_tk=abc" method="POST"></form>',
      'Cloudflare',
    ],
    [
      'Cloudflare known by its options script',
      '<script>(function(){window._cf_chl_opt={cvId:"3"};})();</script>',
      'Cloudflare',
    ],
    ['Sucuri firewall', '<div id="sucuri-firewall">Access Denied - Sucuri Website Firewall</div>', 'Sucuri'],
    ['DataDome', '<iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe>', 'DataDome'],
    ['PerimeterX', '<div id="px-captcha"></div>', 'PerimeterX'],
  ])('%s', (_, body, vendor) => {
    expect(readBotWall(page(body))).toBe(vendor);
  });

  it('does not take a page that loads the Cloudflare bot-detection script for a wall', () => {
    const body =
      '<h1>Trail Backpack</h1><script>(function(){var a=document.createElement("script");a.src="/cdn-cgi/challenge-platform/scripts/jsd/main.js";document.head.appendChild(a)})();</script>';
    expect(readBotWall(page(body))).toBeNull();
  });
});
