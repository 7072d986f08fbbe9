// Loads tests/fixtures/<adapter-id>/<case>.html with its <case>.json (expected PageRead + provenance).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageRead } from '../lib/model';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

export interface FixtureCase {
  adapterId: string;
  name: string;
  htmlPath: string;
  html: string;
  url: string;
  provenance: { follows: string; capturedAt: string; shows: string };
  expected: PageRead;
}

export function loadFixtures(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const adapterId of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, adapterId);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.html')) continue;
      const name = file.slice(0, -'.html'.length);
      const spec = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
      cases.push({ adapterId, name, htmlPath: join(dir, file), html: readFileSync(join(dir, file), 'utf8'), ...spec });
    }
  }
  return cases;
}
