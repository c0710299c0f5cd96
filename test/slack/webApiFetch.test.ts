import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type Agent, type ClientRequest, createServer, globalAgent, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import nock from 'nock';
import { WebClient, WebClientEvent, type WebAPIHTTPError, type WebAPIRequestError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/channels/slack/mountSlack.js';
import { webApiFetch } from '../../src/channels/slack/webApiFetch.js';

/** A request the local server received. */
interface Seen { method: string; path: string; headers: IncomingHttpHeaders; body: string }
type Handler = (seen: Seen, res: ServerResponse) => void;

const okJson = (res: ServerResponse, extra: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'application/json', ...extra }).end('{"ok":true,"ts":"1.2"}');

describe('the Web API client\'s transport (a real HTTP server on loopback)', () => {
  let server: Server;
  let base = '';
  let connections = 0;
  let closedSockets = 0;
  let seen: Seen[] = [];
  let handler: Handler = (_s, res) => okJson(res);
  beforeAll(async () => {
    // Files share a worker's modules (vitest isolate: false): once any file has loaded nock, its
    // interceptor carries every node:http request, on a new connection each. Off for this file.
    nock.restore();
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const s = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
        seen.push(s);
        handler(s, res);
      });
    });
    server.on('connection', (socket) => { connections++; socket.on('close', () => { closedSockets++; }); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterEach(() => { seen = []; handler = (_s, res) => okJson(res); });
  afterAll(async () => {
    nock.activate();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const client = (opts: ConstructorParameters<typeof WebClient>[1] = {}) =>
    new WebClient('xoxb-test', { ...clientOptions({ SLACK_API_URL: `${base}/api/` }), ...opts });

  it('is what every one of the bot\'s WebClients is given', () => {
    expect(clientOptions({}).fetch).toBe(webApiFetch);
  });

  it('posts the form WebClient builds (method, headers, body) and hands back the parsed reply with its header metadata', async () => {
    handler = (_s, res) => okJson(res, { 'x-oauth-scopes': 'chat:write, commands' });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Discitis – vertebral osteomyelitis, é' } }];
    const result = await client().chat.update({ channel: 'C1', ts: '1.2', text: 'consult ✓', blocks });
    expect(result.ok).toBe(true);
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'commands']);
    expect(seen).toHaveLength(1);
    const [s] = seen;
    expect(s.method).toBe('POST');
    expect(s.path).toBe('/api/chat.update');
    expect(s.headers.authorization).toBe('Bearer xoxb-test');
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(s.headers['user-agent']).toMatch(/@slack:web-api/);
    // The length in bytes, not characters: the text has multi-byte characters.
    expect(Number(s.headers['content-length'])).toBe(Buffer.byteLength(s.body));
    const form = new URLSearchParams(s.body);
    expect(form.get('channel')).toBe('C1');
    expect(form.get('text')).toBe('consult ✓');
    expect(JSON.parse(form.get('blocks')!)).toEqual(blocks);
  });

  it('goes over node:http, not fetch', async () => {
    const requests: unknown[] = [];
    const onStart = (m: unknown) => { requests.push(m); };
    subscribe('http.client.request.start', onStart);
    try {
      await client().chat.update({ channel: 'C1', ts: '1.2', text: 'x' });
    } finally {
      unsubscribe('http.client.request.start', onStart);
    }
    expect(requests).toHaveLength(1);
  });

  it('keeps connections alive on its own Agent (4 s idle timeout), not the process-wide one', async () => {
    const agents: unknown[] = [];
    const onStart = (m: unknown) => { agents.push((m as { request: ClientRequest & { agent: unknown } }).request.agent); };
    const before = connections;
    const c = client();
    subscribe('http.client.request.start', onStart);
    try {
      for (let i = 0; i < 4; i++) await c.chat.update({ channel: 'C1', ts: '1.2', text: 'x' });
    } finally {
      unsubscribe('http.client.request.start', onStart);
    }
    expect(connections - before).toBeLessThan(4);
    expect(agents).toHaveLength(4);
    const [agent] = agents as (Agent & { keepAlive: boolean; options: { timeout?: number } })[];
    expect(agents.every((a) => a === agent)).toBe(true);
    expect(agent).not.toBe(globalAgent);
    expect([agent.keepAlive, agent.options.timeout]).toEqual([true, 4_000]);
  });

  it('honours a 429\'s retry-after: the call is made again and succeeds', async () => {
    let calls = 0;
    handler = (_s, res) => {
      if (calls++ === 0) res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      else okJson(res);
    };
    const c = client();
    const limited: number[] = [];
    c.on(WebClientEvent.RATE_LIMITED, (sec: number) => limited.push(sec));
    const result = await c.chat.update({ channel: 'C1', ts: '1.2', text: 'x' });
    expect(result.ok).toBe(true);
    expect(limited).toEqual([0]);
    expect(seen).toHaveLength(2);
  });

  it('surfaces a status other than 200 as WebClient\'s HTTP error, with the reply body', async () => {
    handler = (_s, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance');
    const err = await client({ retryConfig: { retries: 0 } }).chat.update({ channel: 'C1', ts: '1.2', text: 'x' }).catch((e: WebAPIHTTPError) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503, body: 'down for maintenance' });
  });

  it('does not follow a redirect: the call fails and the target is never asked', async () => {
    handler = (s, res) => (s.path === '/elsewhere' ? okJson(res) : res.writeHead(302, { location: '/elsewhere' }).end());
    const err = await client({ retryConfig: { retries: 0 } }).chat.update({ channel: 'C1', ts: '1.2', text: 'x' }).catch((e: WebAPIRequestError) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(seen.map((s) => s.path)).toEqual(['/api/chat.update']);
    const direct = await webApiFetch(`${base}/api/x`, { method: 'POST', body: '', redirect: 'error' }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(TypeError);
  });

  it('rejects with the signal\'s reason when aborted, and closes the request', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((r) => { closed = r; });
    handler = (_s, res) => { res.on('close', closed); };
    const ctl = new AbortController();
    const pending = webApiFetch(`${base}/api/chat.update`, { method: 'POST', body: 'a=1', redirect: 'error', signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 50));
    ctl.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    await serverSawClose;
    const already = webApiFetch(`${base}/api/chat.update`, { method: 'POST', body: 'a=1', redirect: 'error', signal: AbortSignal.abort(new Error('before')) });
    await expect(already).rejects.toThrow('before');
  });

  it('gives up at WebClient\'s timeout when the server does not answer', async () => {
    handler = () => {};
    const t0 = Date.now();
    const err = await client({ timeout: 150, retryConfig: { retries: 0 } }).chat.update({ channel: 'C1', ts: '1.2', text: 'x' }).catch((e: WebAPIRequestError) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_request_error' });
    expect((err as WebAPIRequestError).original.name).toBe('TimeoutError');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('rejects a refused connection as fetch does (TypeError with the cause), which WebClient reports as a request error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const addr = closed.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    await new Promise((r) => closed.close(r));
    const direct = await webApiFetch(`http://127.0.0.1:${port}/api/chat.update`, { method: 'POST', body: 'a=1', redirect: 'error' }).catch((e: TypeError) => e);
    expect(direct).toBeInstanceOf(TypeError);
    expect((direct as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    const c = new WebClient('xoxb-test', { ...clientOptions({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }), retryConfig: { retries: 0 } });
    await expect(c.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
  });

  it('hands back a real Response with status, headers, url and body', async () => {
    handler = (_s, res) => res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-one': 'a' }).end('{"made":true}');
    const res = await webApiFetch(`${base}/api/thing`, { method: 'POST', headers: { 'x-sent': 'yes' }, body: 'a=1', redirect: 'error' });
    expect(res).toBeInstanceOf(Response);
    expect([res.status, res.statusText, res.ok, res.url]).toEqual([201, 'Made', true, `${base}/api/thing`]);
    expect(res.headers.get('x-one')).toBe('a');
    expect(await res.json()).toEqual({ made: true });
    expect(seen[0].headers['x-sent']).toBe('yes');
  });

  it('hands back a bodyless status (204, 205, 304) as a Response with no body, not a crash', async () => {
    for (const status of [204, 205, 304]) {
      handler = (_s, res) => res.writeHead(status).end();
      const res = await webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' });
      expect([res.status, res.body]).toEqual([status, null]);
    }
  });

  it('rejects a status a Response cannot carry (Node\'s parser takes up to 999) as fetch does, without crashing', async () => {
    handler = (_s, res) => res.writeHead(999, { 'content-type': 'application/json' }).end('{"ok":true}');
    const err = await webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect((err as TypeError).cause).toBeInstanceOf(RangeError);
  });

  it('rejects when the connection closes halfway through the reply body', async () => {
    handler = (_s, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":tr', () => setTimeout(() => res.socket?.destroy(), 20));
    };
    const err = await webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
  });

  it('rejects with the signal\'s reason when aborted while the body is being read', async () => {
    const ctl = new AbortController();
    handler = (_s, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":tr', () => setTimeout(() => ctl.abort(new Error('gave up reading')), 20));
    };
    await expect(webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error', signal: ctl.signal })).rejects.toThrow('gave up reading');
  });

  it('makes the next call on a new connection when the server closed the idle one', async () => {
    const closedBefore = closedSockets;
    server.keepAliveTimeout = 50;
    try {
      await webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' });
      while (closedSockets === closedBefore) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20));
      const res = await webApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' });
      expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
    } finally {
      server.keepAliveTimeout = 5_000;
    }
  });

  it('sends what it does not carry itself (a multipart upload) through fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'a.txt');
    const res = await webApiFetch(`${base}/api/files.upload`, { method: 'POST', body: form, redirect: 'error' });
    expect(res.status).toBe(200);
    expect(seen[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0].body).toContain('hello');
  });
});
