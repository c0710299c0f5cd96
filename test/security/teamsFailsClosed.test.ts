/**
 * Finding (High): with only Slack credentials set, /api/messages accepted unauthenticated
 * activities on every interface and replied to whatever serviceUrl the caller named (SSRF).
 */
import { networkInterfaces } from 'node:os';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { messageActivity, SERVICE_URL, startTeamsBot } from '../teams/teamsHarness.js';

/** Slack credentials only, as in the report (no MicrosoftAppId, no flag). */
const SLACK_ONLY = {
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789', SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL: 'http://127.0.0.1:9/api/', TEAMS_ALLOW_UNAUTHENTICATED: 'false',
};

/** This machine's first non-loopback IPv4 address: a request to it does not come from loopback. */
const lanAddress = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('security: Teams fails closed without MicrosoftAppId', () => {
  it('with Slack credentials only, an activity gets 401 and the connector (its serviceUrl) receives nothing', async () => {
    const bot = await startTeamsBot(SLACK_ONLY);
    try {
      const res = await bot.post({ ...messageActivity('consult'), serviceUrl: SERVICE_URL });
      expect(res.status).toBe(401);
      expect(bot.calls).toEqual([]);
      expect(await bot.server.store.recentByOwner('teams', 'tenant-1', '29:owner', 10)).toEqual([]);
    } finally {
      await bot.close();
    }
  });

  it('with TEAMS_ALLOW_UNAUTHENTICATED=true it works from 127.0.0.1', async () => {
    const bot = await startTeamsBot({ ...SLACK_ONLY, TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    try {
      const res = await bot.post(messageActivity('consult'));
      expect(res.status).toBe(200);
      expect(bot.calls.map((c) => c.method)).toEqual(['POST']);
    } finally {
      await bot.close();
    }
  });

  it('with the flag, a request relayed by a proxy or tunnel (X-Forwarded-For) gets 401', async () => {
    const bot = await startTeamsBot({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    try {
      const res = await bot.post(messageActivity('consult'), { 'x-forwarded-for': '203.0.113.7' });
      expect(res.status).toBe(401);
      expect(bot.calls).toEqual([]);
    } finally {
      await bot.close();
    }
  });

  it.skipIf(!lanAddress)('with the flag, a request from another address than loopback gets 401', async () => {
    const bot = await startTeamsBot({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', HOST: '0.0.0.0' });
    nock.enableNetConnect(lanAddress!);
    try {
      const res = await fetch(`http://${lanAddress}:${bot.server.port}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity('consult')),
      });
      expect(res.status).toBe(401);
      expect(bot.calls).toEqual([]);
    } finally {
      await bot.close();
    }
  });

  it('NODE_ENV=production with TEAMS_ALLOW_UNAUTHENTICATED=true is a configuration error', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }))
      .toThrow(/TEAMS_ALLOW_UNAUTHENTICATED: refused when NODE_ENV=production/);
  });
});
