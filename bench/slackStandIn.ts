import { createServer, type IncomingMessage, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A message as the stand-in workspace shows it. */
export interface StandInMessage { channel: string; ts: string; blocks: any[] }

/** One Web API call that updated a conversation, with the time it arrived. */
export interface Arrival { at: number; method: string; message: StandInMessage }

const JSON_FIELDS = new Set(['blocks', 'attachments']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

function parseArgs(body: string, type: string | undefined): Record<string, any> {
  if (type?.includes('json')) return JSON.parse(body || '{}');
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/**
 * A local stand-in for the Slack Web API on loopback: answers auth.test, chat.postMessage and
 * chat.update with ok JSON, and tells whoever waits on a conversation when its message changed
 * (the arrival time is the end of a request's latency). response_urls land here too.
 */
export class SlackStandIn {
  private server?: Server;
  private waiters = new Map<string, (a: Arrival) => void>();
  private tsCounter = 1_700_000_000_000_000;
  /** Calls per method, and ephemeral replies (rejections) seen on response_urls. */
  counts = new Map<string, number>();
  /** Ephemeral replies on response_urls: clicks the app refused. */
  rejections = 0;
  url = '';
  /** Holds chat.update replies this long (tests: a Web API call still in flight at shutdown). */
  holdUpdatesMs = 0;
  /** Called as each Web API call arrives, before it is answered. */
  onCall?: (method: string) => void;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      readBody(req).then((body) => {
        const path = req.url ?? '';
        const method = path.startsWith('/api/') ? path.slice(5) : 'response_url';
        this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
        const at = performance.now();
        const { reply, message } = this.handle(method, path, parseArgs(body, req.headers['content-type']));
        // The clinician sees a message only once Slack has answered the bot (as in Slack, where a
        // message appears when chat.postMessage returns); latency still ends at the call's arrival.
        res.once('finish', () => { if (message) this.notify(at, method, message); });
        this.onCall?.(method);
        const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
        if (method === 'chat.update' && this.holdUpdatesMs > 0) setTimeout(send, this.holdUpdatesMs);
        else send();
      }).catch(() => res.writeHead(400).end());
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return this;
  }

  /** Resolves with the next post or update in `channel`. */
  next(channel: string): Promise<Arrival> {
    return new Promise((resolve) => this.waiters.set(channel, resolve));
  }

  /** Forgets a waiter that timed out. */
  cancel(channel: string): void {
    this.waiters.delete(channel);
  }

  private notify(at: number, method: string, message: StandInMessage): void {
    const waiter = this.waiters.get(message.channel);
    if (!waiter) return;
    this.waiters.delete(message.channel);
    waiter({ at, method, message });
  }

  private handle(method: string, path: string, args: Record<string, any>): { reply: Record<string, unknown>; message?: StandInMessage } {
    switch (method) {
      case 'auth.test':
        return { reply: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
      case 'chat.postMessage': {
        const ts = `${String(++this.tsCounter).slice(0, 10)}.${String(this.tsCounter).slice(10)}`;
        return { reply: { ok: true, channel: args.channel, ts }, message: { channel: args.channel, ts, blocks: args.blocks ?? [] } };
      }
      case 'chat.update':
        return { reply: { ok: true, channel: args.channel, ts: args.ts }, message: { channel: args.channel, ts: args.ts, blocks: args.blocks ?? [] } };
      case 'response_url': {
        // A consult the bot cannot post is shown through the response_url (replace_original):
        // that is the reply too. Ephemeral notes are rejections.
        const channel = decodeURIComponent(path.split('/').at(-1) ?? '');
        if (args.replace_original === true && args.blocks) return { reply: { ok: true }, message: { channel, ts: '', blocks: args.blocks } };
        this.rejections++;
        return { reply: { ok: true } };
      }
      default:
        return { reply: { ok: false, error: 'unknown_method' } };
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
