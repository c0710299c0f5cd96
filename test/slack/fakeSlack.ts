import nock from 'nock';

/** The Slack Web API base the server under test is pointed at (SLACK_API_URL). */
export const SLACK_API_URL = 'http://slack.test/api/';
/** Where fake response_urls point. */
export const HOOKS = 'https://hooks.slack.test';
export const BOT_USER = 'UBOT';

/** One Web API call the server made. */
export interface ApiCall { method: string; args: Record<string, any> }
/** One POST to a response_url. */
export interface HookCall { path: string; body: Record<string, any> }
/** A message as the fake workspace shows it. */
export interface FakeMessage { key: string; channel: string; ts?: string; text: string; blocks: any[] }
/** A scripted reply: HTTP status, JSON body, headers. */
export type Reply = [number, Record<string, unknown>, Record<string, string>?];

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments']);

function parseForm(body: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/**
 * The Slack Web API and response_urls, as nock interceptors that record every call and keep the
 * messages the bot posted, so tests can press the buttons that were really rendered.
 */
export class FakeSlack {
  calls: ApiCall[] = [];
  hooks: HookCall[] = [];
  messages = new Map<string, FakeMessage>();
  /** Per-method scripted replies, consumed first-in first-out before the default reply. */
  scripted = new Map<string, Reply[]>();
  /** Channels the bot is not a member of: posting there fails like Slack does. */
  notInChannel = new Set<string>();
  ephemerals: Array<{ path: string; text: string }> = [];
  /** While set, chat.postMessage replies wait for it (the message already shows): a click can beat the bot's saving of the ts. */
  holdPosts?: Promise<void>;
  /** What apps.connections.open returns (Socket Mode); unset, the method is unknown. */
  socketUrl?: string;
  private tsCounter = 1_700_000_000_000_100;

  install(): void {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('http://slack.test').persist().post(/^\/api\/[\w.]+$/).reply(async (uri, body) => {
      const method = uri.replace('/api/', '');
      const args = parseForm(String(body));
      this.calls.push({ method, args });
      const queue = this.scripted.get(method);
      const next = queue?.shift();
      if (next) return [next[0], next[1], next[2] ?? {}];
      const reply = this.handle(method, args);
      if (method === 'chat.postMessage') await this.holdPosts;
      return [200, reply];
    });
    nock(HOOKS).persist().post(/.*/).reply((path, body) => {
      const json = typeof body === 'string' ? JSON.parse(body) : (body as Record<string, any>);
      this.hooks.push({ path, body: json });
      this.applyHook(path, json);
      return [200, 'ok'];
    });
  }

  uninstall(): void {
    nock.cleanAll();
    nock.enableNetConnect();
  }

  reset(): void {
    this.calls = [];
    this.hooks = [];
    this.ephemerals = [];
    this.messages.clear();
    this.scripted.clear();
    this.notInChannel.clear();
  }

  /** Queues replies for one method (e.g. a 429 then the default). */
  script(method: string, ...replies: Reply[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...replies]);
  }

  /** Web API calls other than auth.test. */
  apiCalls(method?: string): ApiCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test' && (!method || c.method === method));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    const s = String(this.tsCounter);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  }

  private handle(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER, bot_id: 'BBOT', team_id: 'T1' };
      case 'chat.postMessage': {
        if (this.notInChannel.has(args.channel)) return { ok: false, error: 'not_in_channel' };
        const ts = this.nextTs();
        const key = `${args.channel}:${ts}`;
        this.messages.set(key, { key, channel: args.channel, ts, text: args.text, blocks: args.blocks ?? [] });
        return { ok: true, channel: args.channel, ts };
      }
      case 'chat.update': {
        const key = `${args.channel}:${args.ts}`;
        const msg = this.messages.get(key);
        if (!msg) return { ok: false, error: 'message_not_found' };
        Object.assign(msg, { text: args.text, blocks: args.blocks ?? [] });
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${args.users}` } };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'unknown_method' };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...args.view } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** response_url semantics: in_channel posts a message, replace_original edits the clicked one, ephemeral shows privately. */
  private applyHook(path: string, body: Record<string, any>): void {
    const source = decodeURIComponent(path.split('/').at(-1) ?? '');
    if (body.response_type === 'ephemeral' || (!body.replace_original && body.response_type !== 'in_channel')) {
      this.ephemerals.push({ path, text: body.text });
      return;
    }
    if (body.replace_original) {
      const msg = this.messages.get(source);
      if (msg) Object.assign(msg, { text: body.text, blocks: body.blocks ?? [] });
      return;
    }
    const key = `hook:${this.hooks.length}`;
    this.messages.set(key, { key, channel: source.split(':')[0], text: body.text, blocks: body.blocks ?? [] });
  }
}
