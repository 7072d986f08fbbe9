// WCAG AA for the colour pairs the popup adds to the shared theme's (components/options/contrast.test.ts checks
// those): severity words and links on a row's surface, links on the notice's tint, the severity icons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../theme.css'), 'utf8');
const tokens = (block: string): Record<string, string> =>
  Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
const light = tokens(css.slice(0, css.indexOf('@media')));
const dark = { ...light, ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = [
  ['critical', 'surface'],
  ['muted', 'surface'],
  ['accent', 'surface'],
  ['fg', 'surface'],
  ['accent', 'info-bg'],
] as const;
/** Non-text (3:1): severity icons and row edges on the row and on the page. */
const GRAPHICS = ['critical', 'warning', 'info'].flatMap((c) => [
  [c, 'surface'],
  [c, 'bg'],
]);

describe.each([
  ['light', light],
  ['dark', dark],
])('popup colours, %s theme', (_, colours) => {
  it.each(TEXT)('%s text on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(colours[fg], colours[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(GRAPHICS)('%s marks on %s are at least 3:1', (fg, bg) => {
    expect(contrast(colours[fg], colours[bg])).toBeGreaterThanOrEqual(3);
  });
});
