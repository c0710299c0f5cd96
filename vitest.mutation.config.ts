import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * What a test file uses when it boots the whole app (Slack/Teams/web/CDS servers, a browser) or runs
 * the code in a child process. Such files are left out of mutation runs:
 * - a child process never sees the mutant Stryker switches on, so it cannot kill one;
 * - booting the app costs 3-5 s per file per mutant, which turns a run into hours on two cores, and
 *   the safety core's rules are stated by the unit, contract and every-path tests that stay in.
 * Scores are therefore a lower bound: a mutant only an app-level suite would catch counts as surviving.
 * `STRYKER_ALL_TESTS=1 npm run test:mutation` runs every suite instead (hours).
 */
const BOOTS_THE_APP = /startServer|SlackHarness|startTeamsBot|spawnServer|cdsHarness|teamsHarness|slack\/harness|\.\/harness\.js|\.\/transcript\.js|createHttpApp|\.listen\(|openStore\(|chromium|child_process/;

/** Test files that boot the app or a child process, found by what they import or call. */
export const bootsTheApp = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name}`)
  .filter((file) => BOOTS_THE_APP.test(readFileSync(file, 'utf8')));

/**
 * Test files that state the safety core's rules directly, fastest killers first; then the rest of
 * their folders, then everything else.
 */
const FIRST = [
  'test/flow/contentChecks.test.ts', 'test/flow/engine.test.ts', 'test/flow/checkCitations.test.ts',
  'test/consult/', 'test/interaction/composeView.test.ts', 'test/slack/buttonValue.test.ts', 'test/web/parseWebClick.test.ts',
  'test/flow/', 'test/interaction/', 'test/slack/', 'test/web/', 'test/teams/',
];
const rank = (spec: TestSpecification) => {
  const i = FIRST.findIndex((prefix) => spec.moduleId.includes(`/${prefix}`));
  return i < 0 ? FIRST.length : i;
};

/**
 * Content is loaded when test files are imported, so mutants in the loader's checks and the machine
 * builder are "static" and run against every test file until one fails. Running the direct tests
 * first lets such a mutant fail in the first file instead of after the slow ones.
 */
class DirectTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default mergeConfig(base, defineConfig({
  // Stryker switches mutants by module state: each test file keeps its own module graph here.
  test: { isolate: true, exclude: ['**/node_modules/**', ...bootsTheApp], sequence: { sequencer: DirectTestsFirst } },
}));
