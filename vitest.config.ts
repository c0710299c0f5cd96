import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Server tests bind ports and share PostgreSQL; files run in parallel, tests within a file in order.
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1); most files wait on servers,
    // browsers and child processes, so two keep both cores busy.
    maxWorkers: 2,
    // Each file used to re-import the app (Bolt, botbuilder, the content) in a fresh module graph:
    // ~3 s of import per file, over half of `npm test`. Files share a worker's modules instead; every
    // file builds its own servers, stores and registries, so nothing a test asserts lives in a module.
    isolate: false,
  },
});
