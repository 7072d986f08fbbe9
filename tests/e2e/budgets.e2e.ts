// Budgets that a build can break without a test noticing: content scripts stay small (they load on
// every matching page) and carry no React, Dexie or zod; page-world helpers stay tiny and anonymous.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../lib/adapters';
import { E2E_EXTENSION_DIR } from './harness';

const dir = join(E2E_EXTENSION_DIR, 'content-scripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
const ids = adapters.map((a) => a.id);
/** `<adapter-id>-<purpose>.js`: a helper of a registered adapter (aliexpress-mtop.js captures a page response). */
const isHelper = (file: string) => !ids.includes(file.slice(0, -3)) && ids.some((id) => file.startsWith(`${id}-`));
const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  content_scripts?: { js: string[]; world?: string }[];
};
const pageWorld = (manifest.content_scripts ?? []).filter((c) => c.world === 'MAIN').flatMap((c) => c.js);

describe('content script budget', () => {
  it('builds one content script per adapter, plus helpers named after a registered adapter', () => {
    expect(scripts.filter((f) => ids.includes(f.slice(0, -3))).sort()).toEqual(ids.map((id) => `${id}.js`).sort());
    expect(scripts.filter((f) => !ids.includes(f.slice(0, -3)) && !isHelper(f))).toEqual([]);
  });

  it.each(scripts)('%s is at most 40 KB minified and bundles no React, Dexie or zod', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source.length / 1024).toBeLessThanOrEqual(40);
    expect(source).not.toMatch(/ZodError|react-dom|Dexie\b/);
  });

  it('has page-world helpers only, each under 3 KB, anonymous and without extension APIs', () => {
    expect(pageWorld.length).toBeGreaterThan(0);
    for (const path of pageWorld) {
      expect(isHelper(path.replace(/^content-scripts\//, '')), path).toBe(true);
      const source = readFileSync(join(E2E_EXTENSION_DIR, path), 'utf8');
      expect(source.length / 1024, path).toBeLessThan(3);
      // A named IIFE (`var aliexpressMtop = (function…`) would add a global to the page.
      expect(source, path).toMatch(/^\(function\(\)\{/);
      expect(source, path).not.toMatch(/\b(?:chrome|browser)\.runtime\b/);
    }
  });
});
