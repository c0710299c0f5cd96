import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * The test files Stryker runs against one safety-core group's mutants (MUTATION_GROUP, set by
 * scripts/mutationRun.ts): only those that state the group's rules, listed in test/mutation/safetyCore.json.
 * Restricting `include` (rather than Stryker's `testFiles`, which switches static mutants on only after
 * the test file is imported) keeps static mutants correct: content is loaded when test files are
 * imported, so most flow mutants are static and run every included file.
 * Scores are therefore a lower bound: a mutant only another suite would catch counts as surviving.
 */
const groups = JSON.parse(readFileSync('test/mutation/safetyCore.json', 'utf8')).groups as { id: string; tests: string[] }[];
const group = groups.find((g) => g.id === process.env.MUTATION_GROUP);
if (!group) throw new Error(`MUTATION_GROUP must name a group of test/mutation/safetyCore.json: ${groups.map((g) => g.id).join(', ')}`);

/** The group's test files in the order listed (fastest killers first), so a mutant usually fails in the first file. */
class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => group!.tests.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// Spread rather than mergeConfig, which would append to the base `include` instead of replacing it.
// Stryker switches mutants by module state: each test file keeps its own module graph here (isolate).
// STRYKER_ALL_TESTS=1: every test file (hours on two cores), still isolated.
export default defineConfig({
  ...base,
  test: { ...base.test, isolate: true, ...(process.env.STRYKER_ALL_TESTS ? {} : { include: group.tests, sequence: { sequencer: ListedOrder } }) },
});
