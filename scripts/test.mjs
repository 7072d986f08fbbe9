// `npm test`: everything CI runs, in order, cheapest first, then one closing line with the totals.
import { readFileSync } from 'node:fs';
import { requireChrome } from './chrome-path.mjs';
import { run } from './run.mjs';

/** Vitest also writes a JSON report, so the closing line can count every test of both suites. */
const report = (name) => ['--reporter=default', '--reporter=json', `--outputFile=.test-results/${name}.json`];

requireChrome(); // fail early, with install instructions, before minutes of other checks
run('typecheck', 'npx', ['wxt', 'prepare']);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'check', '.']);
run('unit and adapter tests', 'npx', ['vitest', 'run', ...report('unit')]);
run('firefox build and web-ext lint', 'npm', ['run', '--silent', 'lint:firefox']);
run('end-to-end tests', 'node', ['scripts/run-e2e.mjs', ...report('e2e')]);

let passed = 0;
let failed = 0;
for (const name of ['unit', 'e2e']) {
  const results = JSON.parse(readFileSync(`.test-results/${name}.json`, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
}
console.log(`\n${passed} passed, ${failed} failed`);
