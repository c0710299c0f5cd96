import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type Overrides, type RunningServer } from '../../src/main.js';
import type { FaqPort } from '../../src/faq/faqPort.js';
import { FakeSlack, HOOKS, type FakeMessage } from './fakeSlack.js';
import { tempDataDir } from '../support/tempDataDir.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T1';

/** Headers exactly as Slack signs a request: v0 HMAC-SHA256 of `v0:<ts>:<raw body>`. */
export function signedHeaders(rawBody: string, contentType: string, ts = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET) {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

/** Everything a Slack test needs: the real server, the fake Slack API, and Slack's request shapes. */
export class SlackHarness {
  readonly slack = new FakeSlack();
  server!: RunningServer;
  logLines: string[] = [];
  private triggers = 0;

  async start(opts: { faq?: FaqPort; env?: Record<string, string>; overrides?: Overrides } = {}): Promise<this> {
    this.slack.install();
    const config = loadConfig({ DATA_DIR: tempDataDir(),
      NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: 'http://slack.test/api/',
      ...opts.env,
    });
    const sink = new Writable({ write: (chunk, _enc, cb) => { this.logLines.push(String(chunk)); cb(); } });
    const logger = pino({ level: 'info' }, sink);
    this.server = await startServer(config, { logger, faq: opts.faq, ...opts.overrides });
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.slack.uninstall();
  }

  /** POSTs a raw body to /slack/events, then waits until the bot's follow-up work is done. */
  async post(rawBody: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.server.url}/slack/events`, {
      method: 'POST', body: rawBody, headers: { ...signedHeaders(rawBody, contentType), ...headers },
    });
    await res.arrayBuffer().catch(() => undefined);
    await this.server.slack.idle();
    return res;
  }

  /** The slash command form Slack sends. */
  commandBody(text: string, user: string, channel: string): string {
    return new URLSearchParams({
      token: 'legacy-verification-token', team_id: TEAM, team_domain: 'example', channel_id: channel, channel_name: 'general',
      user_id: user, user_name: user.toLowerCase(), command: '/spine-consult', text, api_app_id: 'A1', is_enterprise_install: 'false',
      response_url: `${HOOKS}/commands/${channel}`, trigger_id: `${++this.triggers}.1.abc`,
    }).toString();
  }

  /** Types `/spine-consult <text>` as `user` in `channel`. */
  command(text = '', user = 'U1', channel = 'C1'): Promise<Response> {
    return this.post(this.commandBody(text, user, channel), 'application/x-www-form-urlencoded');
  }

  /** The block_actions payload Slack sends when `user` presses a button on `msg`. */
  actionPayload(msg: FakeMessage, action: { action_id: string; value: string; block_id?: string }, user: string): Record<string, unknown> {
    const container = msg.channel.startsWith('home')
      ? { type: 'view', view_id: 'V1' }
      : { type: 'message', message_ts: msg.ts ?? '1700000000.000001', channel_id: msg.channel, is_ephemeral: false };
    return {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
      api_app_id: 'A1', token: 'legacy-verification-token', container, trigger_id: `${++this.triggers}.2.def`,
      team: { id: TEAM, domain: 'example' }, enterprise: null, is_enterprise_install: false,
      ...(container.type === 'message'
        ? {
            channel: { id: msg.channel, name: 'general' },
            message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts: msg.ts ?? '1700000000.000001', text: msg.text, blocks: msg.blocks },
            response_url: `${HOOKS}/actions/${encodeURIComponent(msg.key)}`,
          }
        : {}),
      state: { values: {} },
      actions: [{ type: 'button', action_id: action.action_id, block_id: action.block_id ?? 'b', text: { type: 'plain_text', text: 'x', emoji: true }, value: action.value, action_ts: '1700000001.000' }],
    };
  }

  /** Sends a block_actions payload as Slack does (`payload=` form field). */
  sendAction(payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', headers);
  }

  /** Finds the button with `actionId` on a message, as rendered. */
  button(msg: FakeMessage, actionId: string): { action_id: string; value: string; block_id: string } {
    for (const b of msg.blocks) {
      const elements = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
      const found = elements.find((e: any) => e.action_id === actionId);
      if (found) return { action_id: found.action_id, value: found.value, block_id: b.block_id };
    }
    throw new Error(`no button ${actionId} on message: ${blockIds(msg).join(', ')}`);
  }

  /** Presses the button `actionId` on `msg` as `user`. */
  press(msg: FakeMessage, actionId: string, user = 'U1', headers: Record<string, string> = {}): Promise<Response> {
    return this.sendAction(this.actionPayload(msg, this.button(msg, actionId), user), headers);
  }

  /** An Events API event_callback envelope. */
  eventBody(event: Record<string, unknown>): string {
    return JSON.stringify({
      token: 'legacy-verification-token', team_id: TEAM, api_app_id: 'A1', event, type: 'event_callback',
      event_id: `Ev${++this.triggers}`, event_time: 1_700_000_000,
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
  }

  event(event: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return this.post(this.eventBody(event), 'application/json', headers);
  }

  /** The most recently posted message (by chat.postMessage or an in_channel response_url). */
  latest(): FakeMessage {
    const all = [...this.slack.messages.values()];
    if (!all.length) throw new Error('no message posted');
    return all.at(-1)!;
  }
}

/** The block ids of a message, in order. */
export function blockIds(msg: { blocks: any[] }): string[] {
  return msg.blocks.map((b) => b.block_id).filter(Boolean);
}

/** The visible text of a message's blocks, one line per block (for transcripts). */
export function blockText(msg: { blocks: any[] }): string[] {
  return msg.blocks.flatMap((b: any) => {
    if (b.type === 'divider') return ['---'];
    if (b.type === 'actions') return [`[${b.elements.map((e: any) => e.text.text).join('] [')}]`];
    if (b.type === 'context') return b.elements.map((e: any) => e.text);
    const acc = b.accessory ? `  [${b.accessory.text.text}]` : '';
    return [`${b.text.text}${acc}`];
  });
}
