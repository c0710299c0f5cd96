import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests Stryker runs against each mutant: every in-process test except those that boot the whole
 * app (Slack/Teams/web servers, a browser) or run the code in a child process.
 * - A child process never sees the mutant Stryker switches on, so it cannot kill one.
 * - Booting the app costs 3-5 s per file per mutant, which makes a run take hours on two cores;
 *   the safety core's rules are stated by unit, contract and every-path tests, which this keeps.
 * So scores here are a lower bound: a mutant the excluded suites would catch still counts as surviving.
 * `STRYKER_ALL_TESTS=1 npm run test:mutation` uses vitest.config.ts instead (every suite; hours).
 */
export const bootsTheApp = [
  'test/flow/cli.test.ts',
  'test/faq/faqOverChannels.test.ts',
  'test/loop/slackFollowUp.test.ts',
  'test/loop/teamsFollowUp.test.ts',
  'test/ops/*.test.ts',
  'test/slack/{consultTranscripts,events,interactions,randomClicks,startup,storeDown}.test.ts',
  'test/store/{auditExport,openStore,restartAfterKill}.test.ts',
  'test/teams/{clickRules,endpoint,freeText,outcomes,randomClicks.property,signedRequests}.test.ts',
  'test/web/{browserConsult,webHttp}.test.ts',
];

export default mergeConfig(base, defineConfig({
  test: { exclude: ['**/node_modules/**', ...bootsTheApp] },
}));
