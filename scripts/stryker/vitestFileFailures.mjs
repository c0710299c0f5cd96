/**
 * Stryker test runner "vitest-file-failures": Stryker's vitest runner, plus one rule it lacks. A
 * mutant that makes a test file fail outside any test (its import throws, or a top-level hook
 * fails) leaves vitest with no failed test, so the vitest runner reports it as survived although
 * the suite fails. Here such a run counts as killed, naming the file and its error.
 */
import path from 'node:path';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const vitestFactory = vitestPlugins.find((p) => p.name === 'vitest').factory;

function createRunner(injector) {
  const inner = injector.injectFunction(vitestFactory);
  return {
    capabilities: () => inner.capabilities(),
    init: () => inner.init(),
    dryRun: (options) => inner.dryRun(options),
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
