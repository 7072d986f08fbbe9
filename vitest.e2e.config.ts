import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension: one browser at a time (2-core machines), generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
