// `npm run extract -- --url <page url> <saved.html>`: runs the same adapters as the extension on a page
// saved from the browser and prints the Reading as JSON. Exit 0 whenever it produced a reading or a
// failure reason; 2 only for bad arguments (no file, no URL, no adapter for that URL).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { adapterById, adapterForUrl, adapters } from '../lib/adapters';
import type { Reading } from '../lib/model';
import { readPage } from '../lib/run-adapter';
import { parseHtml } from '../tests/parse-html';

const USAGE = `Usage: npm run extract -- --url <page url> [--adapter <id>] [--compact] <saved.html>
Adapters: ${adapters.map((a) => a.id).join(', ')}`;

export function extract(argv: string[], now = Date.now()): { code: number; out: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return { code: 2, out: `${(error as Error).message}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, out: USAGE };
  if (positionals.length !== 1 || !values.url) return { code: 2, out: USAGE };
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    return { code: 2, out: `Not a URL: ${values.url}\n${USAGE}` };
  }
  const adapter = values.adapter ? adapterById(values.adapter) : adapterForUrl(url);
  if (!adapter) return { code: 2, out: `No adapter reads ${url.href}\n${USAGE}` };
  let html: string;
  try {
    html = readFileSync(positionals[0], 'utf8');
  } catch (error) {
    return { code: 2, out: `Cannot read ${positionals[0]}: ${(error as Error).message}` };
  }
  const { page, readMs } = readPage(adapter, parseHtml(html), url);
  const reading: Reading = {
    adapterId: adapter.id,
    role: adapter.role,
    url: url.href,
    observedAt: now,
    via: 'manual',
    page,
    readMs,
  };
  return { code: 0, out: JSON.stringify(reading, null, values.compact ? undefined : 2) };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      adapter: { type: 'string' },
      compact: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { code, out } = extract(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
  process.exitCode = code;
}
