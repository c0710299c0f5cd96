import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Server tests bind ports and share PostgreSQL; files run in parallel, tests within a file in order.
    pool: 'forks',
  },
});
