// Budgets that a build can break without a test noticing: content scripts stay small (they load on
// every matching page) and carry no React, Dexie or zod.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../lib/adapters';
import { E2E_EXTENSION_DIR } from './harness';

const dir = join(E2E_EXTENSION_DIR, 'content-scripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));

describe('content script budget', () => {
  it('builds one content script per adapter', () => {
    expect(scripts.sort()).toEqual(adapters.map((a) => `${a.id}.js`).sort());
  });

  it.each(scripts)('%s is at most 40 KB minified and bundles no React, Dexie or zod', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source.length / 1024).toBeLessThanOrEqual(40);
    expect(source).not.toMatch(/ZodError|react-dom|Dexie\b/);
  });
});
