import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';

/** Runs `npm run consult` interactively, typing `keys` one line at a time as prompts appear. */
function typeInto(keys: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(`${PROJECT_ROOT}/node_modules/.bin/tsx`, ['src/channels/cli/consultCli.ts'], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let prompts = 0;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // One key per prompt ("> " for a question, "... quits " on an outcome).
      const seen = (out.match(/(^|\n)> $|> |quits $/gm) ?? []).length;
      while (prompts < seen && prompts < keys.length) proc.stdin.write(`${keys[prompts++]}\n`);
      if (prompts >= keys.length) proc.stdin.end();
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve(out));
  });
}

describe('npm run consult, interactive', () => {
  it('offers no "b" on the first question and shows no internal ids on the way to an outcome', async () => {
    const out = await typeInto(['b', '1', '1', '1', '2', '1', '3', 'q']);
    const first = out.slice(0, out.indexOf('Q2.'));
    expect(first).toContain('(r = restart, q = quit)');
    expect(first).toContain('Type a number from 1 to 2, r or q.');
    expect(first).not.toMatch(/\bb = back\b|Nothing to go back to/);
    expect(out).toContain('Usually Appropriate');
    expect(out).toContain('y = record mri result');
    // Ids such as mri_result or cord_compression are for --answers only, never in the conversation.
    expect(out).not.toMatch(/\b(mri_result|cord_compression|prior_imaging|mri_contraindication)\b/);
    expect(out).not.toContain('--answers');
  }, 30_000);
});
