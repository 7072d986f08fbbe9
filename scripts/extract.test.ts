import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../tests/fixtures';
import { extract } from './extract';

const fixtures = loadFixtures();

describe('npm run extract', () => {
  it.each(fixtures.map((f) => [`${f.adapterId}/${f.name}`, f] as const))(
    'prints the expected reading for %s',
    (_, f) => {
      const { code, out } = extract(['--url', f.url, f.htmlPath], 0);
      expect(code).toBe(0);
      const reading = JSON.parse(out);
      expect(reading).toMatchObject({ adapterId: f.adapterId, url: f.url, via: 'manual', observedAt: 0 });
      expect(reading.page).toEqual(f.expected);
    },
  );

  it('refuses bad arguments with exit 2 and the usage', () => {
    expect(extract([]).code).toBe(2);
    expect(extract(['--url', 'not a url', 'x.html']).out).toMatch(/Not a URL/);
    expect(extract(['--url', 'https://example.org/', fixtures[0].htmlPath]).out).toMatch(/No adapter reads/);
    expect(extract(['--url', fixtures[0].url, '/nonexistent.html']).out).toMatch(/Cannot read/);
  });

  it('runs as a command', () => {
    const f = fixtures[0];
    const out = execFileSync(
      'node',
      ['--import', 'tsx', 'scripts/extract.ts', '--compact', '--url', f.url, f.htmlPath],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).page).toEqual(f.expected);
  });
});
