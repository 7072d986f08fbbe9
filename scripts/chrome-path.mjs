// Where the end-to-end tests, the demo and the benchmarks find Chromium: CHROME_PATH, else `chromium`
// (Debian's package) or `chromium-browser` / `google-chrome` on PATH. No browser is ever downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH: try the next name
    }
  }
  return null;
}

export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(
      [
        'No Chromium found for the end-to-end tests.',
        'Install one:  sudo apt-get install -y chromium   (Debian/Ubuntu)',
        'or point CHROME_PATH at a Chromium or Chrome binary:  CHROME_PATH=/path/to/chrome npm test',
      ].join('\n'),
    );
    process.exit(1);
  }
  return path;
}
