import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { executeActivity, messageActivity, startTeamsBot, type TeamsTestBot } from './teamsHarness.js';
import { tempDataDir } from '../support/tempDataDir.js';

describe('POST /api/messages: malformed input gets a 4xx and the server stays up', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });
  afterEach(async () => {
    const health = await fetch(`${bot.server.url}/healthz`);
    expect(health.status).toBe(200);
    // Nothing reached the connector: no reply was attempted for bad input.
    expect(bot.calls).toEqual([]);
  });

  const valid = messageActivity('consult');
  const cases: Array<[string, string, string?]> = [
    ['broken JSON', '{"type": "message", '],
    ['a JSON array', '[1,2,3]'],
    ['an empty object', '{}'],
    ['no serviceUrl', JSON.stringify({ ...valid, serviceUrl: undefined })],
    ['a non-http serviceUrl', JSON.stringify({ ...valid, serviceUrl: 'file:///etc/passwd' })],
    ['no conversation', JSON.stringify({ ...valid, conversation: undefined })],
    ['no sender', JSON.stringify({ ...valid, from: {} })],
    ['a numeric type', JSON.stringify({ ...valid, type: 42 })],
    ['a text/plain body', JSON.stringify(valid), 'text/plain'],
  ];
  it.each(cases)('rejects %s with 400', async (_name, body, contentType) => {
    const res = await bot.postRaw(body, contentType ? { 'content-type': contentType } : {});
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await bot.post({ ...valid, text: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it.each([
    ['an Action.Execute with data that is not a button of this bot', { verb: 'answer', data: { action: 'answer', consultId: 'x', step: -1 } }],
    ['an Action.Execute whose verb disagrees with its data', { verb: 'cancel', data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: 'abc', step: 0 } }],
    ['an Action.Execute without data', { verb: 'answer' }],
  ])('answers %s with a 400 invoke error', async (_name, action) => {
    const res = await bot.post(executeActivity(action, 'some-message'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400, type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'That button could not be read; nothing was changed.' },
    });
  });

  it('answers an unknown invoke with 501', async () => {
    const res = await bot.post({ ...executeActivity({ verb: 'x' }, 'm'), name: 'composeExtension/query' });
    expect(res.status).toBe(501);
  });
});

describe('Bot Framework authentication', () => {
  it('with MicrosoftAppId set, an unsigned or forged request gets 401 and changes nothing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bot = await startTeamsBot({ MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'test-secret' });
    try {
      const unsigned = await bot.post(messageActivity('consult'));
      expect(unsigned.status).toBe(401);
      const forged = await bot.post(messageActivity('consult'), { authorization: 'Bearer not-a-jwt' });
      expect(forged.status).toBe(401);
      expect(bot.calls).toEqual([]);
      expect(await bot.server.store.recentByOwner('teams', 'tenant-1', '29:owner', 10)).toEqual([]);
      // The start-up log says authentication is on, with no warning about an open endpoint.
      expect(bot.logs.join('')).not.toMatch(/UNAUTHENTICATED/);
    } finally {
      quiet.mockRestore();
      await bot.close();
    }
  });

  it('with TEAMS_ALLOW_UNAUTHENTICATED=true and no MicrosoftAppId it runs for local development and warns loudly at start-up', async () => {
    const bot = await startTeamsBot();
    try {
      const warning = bot.logs.map((l) => JSON.parse(l)).find((l) => l.level === 40);
      expect(warning.msg).toMatch(/^TEAMS ENDPOINT IS UNAUTHENTICATED \(TEAMS_ALLOW_UNAUTHENTICATED=true\)/);
      expect(bot.server.banner).toMatch(/WARNING: Teams activities are NOT AUTHENTICATED/);
      expect((await bot.post(messageActivity('consult'))).status).toBe(200);
    } finally {
      await bot.close();
    }
  });

  it('refuses TEAMS_ALLOW_UNAUTHENTICATED=true when NODE_ENV=production, with a clear error', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }))
      .toThrow(/TEAMS_ALLOW_UNAUTHENTICATED: refused when NODE_ENV=production/);
  });

  it('runs without Teams in production when TEAMS_ENABLED=false (a Slack-only deployment)', async () => {
    const config = loadConfig({ DATA_DIR: tempDataDir(), NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', WEB_UI: 'false' });
    const server = await startServer(config);
    try {
      expect((await fetch(`${server.url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect(server.banner).toContain('Teams: off');
    } finally {
      await server.close();
    }
  });

  it('refuses a SingleTenant bot without MicrosoftAppTenantId', async () => {
    const config = loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' });
    await expect(startServer(config)).rejects.toMatchObject({ name: 'ConfigError', message: expect.stringContaining('MicrosoftAppTenantId') });
  });
});
