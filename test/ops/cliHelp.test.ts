import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Every `npm run` tool: `--help` prints its usage and exits 0 (none of them does its work).
const TOOLS = [
  'src/channels/cli/consultCli.ts', 'src/store/auditCli.ts', 'src/faq/faqCli.ts', 'scripts/writeDiagram.ts',
  'scripts/teams/makeIcons.ts', 'scripts/teams/packageTeamsApp.ts', 'scripts/slack/slackManifest.ts', 'bench/run.ts',
];

describe('--help on every CLI', () => {
  it.each(TOOLS)('%s --help prints its usage and exits 0', (file) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', file, '--help'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATA_DIR: '/nonexistent-on-purpose' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run /);
  }, 40_000);
});
