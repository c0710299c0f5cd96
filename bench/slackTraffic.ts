import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/** The signing secret the bench's servers are started with. */
export const BENCH_SECRET = 'bench-signing-secret-0123456789abcdef';

/** One request body as Slack would send it, with its content type. */
export interface SlackRequest { body: string; contentType: string }

/** The slash command form for `/spine-consult` typed by `user` in `channel`. */
export function commandRequest(user: string, channel: string, hooks: string): SlackRequest {
  const body = new URLSearchParams({
    token: 'legacy', team_id: 'T1', team_domain: 'bench', channel_id: channel, channel_name: 'ward', user_id: user,
    user_name: user.toLowerCase(), command: '/spine-consult', text: '', api_app_id: 'A1', is_enterprise_install: 'false',
    response_url: `${hooks}/commands/${channel}`, trigger_id: `${Date.now()}.1.bench`,
  }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

/** The block_actions payload Slack sends when `user` presses a button on a message (which Slack includes). */
export function clickRequest(user: string, channel: string, ts: string, blocks: any[], button: { action_id: string; value: string; block_id: string }, hooks: string): SlackRequest {
  const payload = {
    type: 'block_actions', user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1', token: 'legacy', container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.2.bench`, team: { id: 'T1', domain: 'bench' }, enterprise: null, is_enterprise_install: false,
    channel: { id: channel, name: 'ward' },
    message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts, text: 'consult', blocks },
    response_url: `${hooks}/actions/${channel}`, state: { values: {} },
    actions: [{ type: 'button', ...button, text: { type: 'plain_text', text: 'x', emoji: true }, action_ts: String(Date.now() / 1000) }],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** The answer buttons on a message (consult questions), in order. */
export function answerButtons(blocks: any[]): Array<{ action_id: string; value: string; block_id: string }> {
  const out: Array<{ action_id: string; value: string; block_id: string }> = [];
  for (const b of blocks) {
    const elements = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    for (const e of elements) if (String(e.action_id).startsWith('answer:')) out.push({ action_id: e.action_id, value: e.value, block_id: b.block_id });
  }
  return out;
}

/**
 * A keep-alive HTTP client that signs every request as Slack does (v0 HMAC-SHA256). Given several
 * instances' URLs it sends each request to the next one in turn, like a load balancer without
 * sticky sessions (consecutive clicks of one consult land on different instances).
 */
export class SignedPoster {
  private readonly agent: Agent;
  private readonly urls: string[];
  private turn = 0;
  constructor(url: string | string[], maxSockets: number) {
    this.urls = Array.isArray(url) ? url : [url];
    // A socket idle for 4 s is closed by the client, before the server's 5 s keep-alive timeout (Node
    // 20's client ignores the server's Keep-Alive hint): otherwise a request can be sent on a socket
    // the server is closing, and fail with ECONNRESET before it reaches the bot.
    this.agent = new Agent({ keepAlive: true, maxSockets, timeout: 4000 });
  }

  /** POSTs to /slack/events; resolves with the status code once the response has ended. */
  post(req: SlackRequest): Promise<number> {
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', BENCH_SECRET).update(`v0:${ts}:${req.body}`).digest('hex')}`;
    return new Promise((resolve, reject) => {
      const url = this.urls[this.turn++ % this.urls.length];
      const r = request(`${url}/slack/events`, {
        method: 'POST', agent: this.agent,
        headers: { 'content-type': req.contentType, 'content-length': Buffer.byteLength(req.body), 'x-slack-request-timestamp': ts, 'x-slack-signature': sig },
      }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
      r.on('error', reject);
      r.end(req.body);
    });
  }

  close(): void { this.agent.destroy(); }
}
