import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { spawnServer } from './spawnServer.js';

describe('configuration', () => {
  it('refuses to start on bad env, naming every bad variable, without a stack trace', async () => {
    const server = await spawnServer({
      DATA_DIR: tempDataDir(), DATABASE_URL: 'mysql://user@db/consults', SLACK_BOT_TOKEN: 'not-a-token', LOG_LEVEL: 'chatty', RETENTION_DAYS: '-3',
    }, false);
    expect(await server.exited).toBe(1);
    const stderr = server.stderr();
    expect(stderr).toContain('Invalid configuration');
    for (const name of ['DATABASE_URL', 'SLACK_BOT_TOKEN', 'LOG_LEVEL', 'RETENTION_DAYS']) expect(stderr).toContain(`${name}:`);
    expect(stderr).toContain('must be a postgres:// or postgresql:// URL');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain('ZodError');
  });

  it('names the missing half of a Slack configuration', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: missing: required when SLACK_SIGNING_SECRET is set/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN: missing: required when SLACK_APP_TOKEN is set/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: missing/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });
});
