import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Every `npm run` tool: `--help` prints its usage and exits 0 (none of them does its work).
const TOOLS = [
  'src/channels/cli/consultCli.ts', 'src/store/auditCli.ts', 'src/faq/faqCli.ts', 'scripts/writeDiagram.ts',
  'scripts/teams/makeIcons.ts', 'scripts/teams/packageTeamsApp.ts', 'scripts/slack/slackManifest.ts', 'bench/run.ts',
];

const run = promisify(execFile);

// Each tool runs in its own child process, side by side (vitest's maxConcurrency, 5); a non-zero exit rejects.
describe.concurrent('--help on every CLI', () => {
  it.each(TOOLS)('%s --help prints its usage and exits 0', async (file) => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', file, '--help'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATA_DIR: '/nonexistent-on-purpose' } });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: npm run /);
  }, 40_000);
});
