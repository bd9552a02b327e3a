import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built binary; keep the shared 2-core machines from thrashing.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
