import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOGGER = join(import.meta.dirname, '../../src/log/logger.ts');

/** Runs a child that logs `lines` lines in one burst through the default destination (stdout), then exits at once. */
function burstThenExit(lines: number, exit: string): Array<Record<string, unknown>> {
  const script = `const { createLogger, fixedFieldLogger } = await import(${JSON.stringify(LOGGER)});
    const logger = createLogger('info');
    for (let n = 0; n < ${lines}; n++) (n % 2 ? fixedFieldLogger(logger) : logger).info({ n, ward: 'Station Süd – Bett 3' }, 'line');
    ${exit}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the default log destination (stdout, buffered as bytes)', () => {
  it('writes every line of a burst, whole and in order, when the process exits right after it', () => {
    const out = burstThenExit(3000, 'process.exit(0);');
    expect(out.map((l) => l.n)).toEqual([...Array(3000).keys()]);
    for (const l of out) expect(l).toMatchObject({ msg: 'line', ward: 'Station Süd – Bett 3', service: 'spine-consult' });
  });

  it('writes them too when the process ends on its own', () => {
    expect(burstThenExit(500, '').map((l) => l.n)).toEqual([...Array(500).keys()]);
  });
});
