// Mutation testing of the safety core: `npm run test:mutation` (docs/testing.md).
// One file while others use the machine: `npm run test:mutation -- --mutate src/flow/engine.ts`.

import { readFileSync } from 'node:fs';

/** The safety core by responsibility, with each group's target score; scripts/mutationGate.ts reads the same file. */
const { groups } = JSON.parse(readFileSync(new URL('./test/mutation/safetyCore.json', import.meta.url), 'utf8'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // vitest.mutation.config.ts says which suites run against mutants and why.
  vitest: { configFile: process.env.STRYKER_ALL_TESTS ? 'vitest.config.ts' : 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: groups.flatMap((g) => g.globs),
  // Two cores shared by everyone: one test process at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // TypeScript 7 has no JS compiler API, and the step that rewrites tsconfig `extends`/`references`
  // for the sandbox calls ts.parseConfigFileTextToJson. Our tsconfig has neither, so point the step
  // at a file that does not exist and it is skipped (the sandbox keeps tsconfig.json as it is).
  tsconfigFile: 'no-tsconfig-rewrite-needed.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
