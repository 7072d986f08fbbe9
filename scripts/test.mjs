// `npm test`: everything CI runs, in order, cheapest first.
import { requireChrome } from './chrome-path.mjs';
import { run } from './run.mjs';

requireChrome(); // fail early, with install instructions, before minutes of other checks
run('typecheck', 'npx', ['wxt', 'prepare']);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'check', '.']);
run('unit and adapter tests', 'npx', ['vitest', 'run']);
run('firefox build and web-ext lint', 'npm', ['run', '--silent', 'lint:firefox']);
run('end-to-end tests', 'node', ['scripts/run-e2e.mjs']);
