/**
 * Stryker test runner "vitest-file-failures": Stryker's vitest runner, plus two rules it lacks.
 * 1. A mutant that makes a test file fail outside any test (its import throws, or a top-level hook
 *    fails) leaves vitest with no failed test, so the vitest runner reports it as survived although
 *    the suite fails. Here such a run counts as killed, naming the file and its error.
 * 2. `coverageAnalysis` is honoured. The vitest runner always reports per-test coverage, and Stryker
 *    then runs each mutant against only the tests that reached it, whatever the option says; code
 *    behind a memo is reached only by the first test to fill it, so later tests that assert its
 *    output never ran against its mutants. 'all' keeps only whole-run coverage (each covered mutant
 *    runs every test, switched on before the test files load); 'off' drops coverage altogether.
 */
import path from 'node:path';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const vitestFactory = vitestPlugins.find((p) => p.name === 'vitest').factory;

/** The dry run's mutant coverage as `coverageAnalysis` asks: per test, for the whole run (all hits counted as static), or none. */
export function coverageAsConfigured(coverage, coverageAnalysis) {
  if (!coverage || coverageAnalysis === 'perTest') return coverage;
  if (coverageAnalysis === 'off') return undefined;
  const all = { ...coverage.static };
  for (const hits of Object.values(coverage.perTest)) {
    for (const [mutantId, count] of Object.entries(hits)) all[mutantId] = (all[mutantId] ?? 0) + count;
  }
  return { static: all, perTest: {} };
}

function createRunner(injector) {
  const inner = injector.injectFunction(vitestFactory);
  return {
    capabilities: () => inner.capabilities(),
    init: () => inner.init(),
    async dryRun(options) {
      const result = await inner.dryRun(options);
      if (result.status !== DryRunStatus.Complete) return result;
      return { ...result, mutantCoverage: coverageAsConfigured(result.mutantCoverage, options.coverageAnalysis) };
    },
    dispose: () => inner.dispose(),
    async mutantRun(options) {
      const result = await inner.mutantRun(options);
      if (result.status !== MutantRunStatus.Survived) return result;
      const failed = inner.ctx.state.getFiles().find((file) => file.result?.state === 'fail');
      if (!failed) return result;
      const why = failed.result.errors?.[0]?.message ?? 'the file failed outside its tests';
      return { status: MutantRunStatus.Killed, killedBy: [], failureMessage: `${path.relative(process.cwd(), failed.filepath)}: ${why}`, nrOfTests: result.nrOfTests };
    },
  };
}
createRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-file-failures', createRunner)];
