/** The FAQ CLI: --json is an option, not part of the question; the question can come from stdin. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import { parseArgs } from '../../src/faq/faqCli.js';

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/faq/faqCli.ts'), ...args], { input, encoding: 'utf8', cwd: PROJECT_ROOT });

describe('faq CLI', () => {
  it('reads --json as an option wherever it stands before "--", and keeps the rest as the question', () => {
    expect(parseArgs(['--json', 'mri', 'neg'])).toEqual({ json: true, help: false, words: ['mri', 'neg'] });
    expect(parseArgs(['mri', '--json', 'neg'])).toEqual({ json: true, help: false, words: ['mri', 'neg'] });
    expect(parseArgs(['--', '--json'])).toEqual({ json: false, help: false, words: ['--json'] });
    expect(parseArgs(['--help'])).toEqual({ json: false, help: true, words: [] });
  });

  it('answers a question read from standard input as JSON, without echoing it', () => {
    const run = cli(['--json'], 'MRN 12345678 the mri came back negative, what now\n');
    expect(run.status).toBe(0);
    const reply = JSON.parse(run.stdout);
    expect(reply).toMatchObject({ view: { kind: 'faq', faqId: 'after-mri-negative' }, intent: 'result', identifier: true });
    expect(run.stdout).not.toContain('12345678');
    expect(run.stdout).not.toContain('came back');
  });

  it('prints usage and exits 2 with no question', () => {
    const run = cli([], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run -s faq');
  });
});
