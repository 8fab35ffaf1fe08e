import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Threads crash with the Temporal worker's native core; forks do not.
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    include: ['test/**/*.test.ts'],
  },
});
