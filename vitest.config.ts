import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // CLI tests spawn the built binary; keep the shared 2-core machines from thrashing.
    pool: 'forks',
    testTimeout: 30_000,
    // Under CI, also write counts that .ci/run turns into a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
