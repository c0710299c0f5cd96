// Mutation testing of the safety core, one group at a time: `npm run test:mutation` (scripts/mutationRun.ts,
// docs/testing.md). Run directly, Stryker needs MUTATION_GROUP=<group id> from test/mutation/safetyCore.json.

import { readFileSync } from 'node:fs';

/** The safety core by responsibility: globs, target score and direct test files per group. */
const { groups } = JSON.parse(readFileSync(new URL('./test/mutation/safetyCore.json', import.meta.url), 'utf8'));
const group = groups.find((g) => g.id === process.env.MUTATION_GROUP);
if (!group) throw new Error(`MUTATION_GROUP must name a group of test/mutation/safetyCore.json: ${groups.map((g) => g.id).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Stryker's vitest runner, counting a test file that fails outside its tests as a kill (see the plugin).
  testRunner: 'vitest-file-failures',
  appendPlugins: ['./scripts/stryker/vitestFileFailures.mjs'],
  // vitest.mutation.config.ts runs only the group's own test files (the score is a lower bound), each
  // file in its own module graph; STRYKER_ALL_TESTS=1 runs every test file instead (hours on two cores).
  // related: false, so vitest does not narrow the files to those importing the mutated file.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // perTest: a mutant runs only the tests that reached it. A group whose code is memoised says 'all' (see its coverageWhy).
  coverageAnalysis: group.coverageAnalysis ?? 'perTest',
  mutate: group.globs,
  // Two cores shared by everyone: one test process at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: `test/mutation/incremental/${group.id}.json`,
  thresholds: { high: 95, low: group.target, break: group.target },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${group.id}.json` },
  htmlReporter: { fileName: `reports/mutation/${group.id}.html` },
  // TypeScript 7 has no JS compiler API, and the step that rewrites tsconfig `extends`/`references`
  // for the sandbox calls ts.parseConfigFileTextToJson. Our tsconfig has neither, so point the step
  // at a file that does not exist and it is skipped (the sandbox keeps tsconfig.json as it is).
  tsconfigFile: 'no-tsconfig-rewrite-needed.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
