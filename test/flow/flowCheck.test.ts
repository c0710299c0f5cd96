import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';

const run = promisify(execFile);
const BROKEN = 'test/fixtures/pathways/broken/flows';

async function flowCheck(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(`${PROJECT_ROOT}/node_modules/.bin/tsx`, ['src/content/flowCheckCli.ts', ...args], { cwd: PROJECT_ROOT });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

// Each test runs its own child process: they run side by side (vitest's maxConcurrency, 5).
describe.concurrent('npm run flow:check', () => {
  it('passes the shipped pathway: lists every path and the outcomes reached, and full citation coverage', async () => {
    const { code, stdout } = await flowCheck();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^flows\/spine-infection-abnormal-imaging\.yaml: valid\n {2}paths \(\d+\):\n/);
    expect(stdout).toContain('    suspicion=no -> not-applicable-no-suspicion\n');
    expect(stdout).toMatch(/ {2}outcomes reached \(11\): /);
    expect(stdout).toMatch(/ {2}citation coverage: (\d+)\/\1 statements carry a quote checked against the source \(100%\)/);
  });

  it('passes the synthetic fixture named by its file', async () => {
    const { code, stdout } = await flowCheck('test/fixtures/pathways/flows/not-clinical-widget.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('colour=red, size=small, fire=no, record_result, check_result=fine -> widget-fine');
  });

  it.each(readdirSync(join(PROJECT_ROOT, BROKEN)))('fails on the broken fixture %s, saying why', async (file) => {
    const { code, stdout } = await flowCheck(`${BROKEN}/${file}`);
    expect(code).toBe(1);
    expect(stdout).toContain(`${BROKEN}/${file}: 1 problem(s)\n  PROBLEM `);
  });
});
