import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { slackMode } from '../../src/channels/slack/mountSlack.js';
import { startServer } from '../../src/main.js';
import { blockIds, SlackHarness } from './harness.js';
import { tempDataDir } from '../support/tempDataDir.js';

describe('without Slack credentials', () => {
  it('starts, logs once what to set, and answers /slack/events with 503', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => { lines.push(String(c)); cb(); } }));
    const server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1' }), { logger });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const res = await fetch(`${server.url}/slack/events`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(503);
      const hints = lines.filter((l) => l.includes('Slack disabled'));
      expect(hints).toHaveLength(1);
      expect(hints[0]).toContain('SLACK_SIGNING_SECRET');
      expect(hints[0]).toContain('SLACK_APP_TOKEN');
      expect(server.slack.mode).toBe('disabled');
    } finally {
      await server.close();
    }
  });

  it('picks the mode from the environment', () => {
    expect(slackMode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toBe('http');
    expect(slackMode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' })).toBe('socket');
    expect(slackMode({ SLACK_SIGNING_SECRET: 's' })).toBe('disabled');
    expect(slackMode({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe('disabled');
  });
});

describe('with Slack and the built-in FAQ index', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start(); });
  afterAll(async () => { await h.stop(); });

  it('a DM question is answered from rules/faq.yaml; "hello" gets the help text', async () => {
    await h.event({ type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text: 'why not a CT with contrast', ts: '1700000100.000100' });
    expect(blockIds(h.latest())[0]).toBe('faq:ct-with-contrast');
    await h.event({ type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text: 'hello', ts: '1700000101.000100' });
    expect(blockIds(h.latest())[0]).toMatch(/^help/);
  });
});
