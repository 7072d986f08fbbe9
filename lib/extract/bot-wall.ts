// Bot walls that CDNs and firewalls serve in place of any page of a shop they protect (Cloudflare's
// "Just a moment...", Sucuri, DataDome, PerimeterX): the vendor's name, so an adapter can say who asks
// for a check. Adapters call it only after finding no product, so a protected page that loaded is never one.

// Only challenge pages carry these: the Bot Fight Mode script that Cloudflare adds to ordinary pages does not.
const WALLS: [vendor: string, selector: string][] = [
  [
    'Cloudflare',
    '#challenge-form, #challenge-stage, #challenge-running, #challenge-success-text, #cf-challenge-running, .cf-browser-verification',
  ],
  ['Sucuri', '#sucuri-firewall, a[href*="sucuri.net/privacy-policy"]'],
  ['DataDome', 'iframe[src*="captcha-delivery.com"], script[src*="ct.captcha-delivery.com"]'],
  ['PerimeterX', '#px-captcha'],
];

/** Challenge pages hold a handful of inline scripts; a shop page that got here is not searched further. */
const MAX_SCRIPTS = 20;

/** The vendor whose bot wall this page is, or null. */
export function readBotWall(doc: Document): string | null {
  for (const [vendor, selector] of WALLS) if (doc.querySelector(selector)) return vendor;
  const scripts = Array.from(doc.querySelectorAll('script:not([src])')).slice(0, MAX_SCRIPTS);
  // Cloudflare configures every challenge in an inline `window._cf_chl_opt = {…}`, whatever its markup.
  return scripts.some((s) => s.textContent?.includes('_cf_chl_opt')) ? 'Cloudflare' : null;
}

// The Alibaba group's slider wall (AliExpress, 1688, Alibaba.com): a Baxia dialog over the page, the
// "nocaptcha" slider, or the punish iframe; the punish page itself configures `window._config_` with an
// x5secdata token.
const ALIBABA_GROUP_SLIDER = '.baxia-dialog, #baxia-dialog-content, #nocaptcha, iframe[src*="_____tmd_____"]';

/** Is this page (or the dialog over it) the Alibaba group's slider captcha? */
export function showsAlibabaGroupSlider(doc: Document, scripts: readonly string[]): boolean {
  return (
    !!doc.querySelector(ALIBABA_GROUP_SLIDER) ||
    scripts.some((s) => s.includes('x5secdata') || /window\._config_\s*=/.test(s))
  );
}
