/**
 * Findings: /slack/events read up to 4 MB before checking the signature (Medium); the authorize
 * step awaited auth.test before the ack (Medium); Slack retries were always dropped, even when the
 * first delivery never got through (Low); signed malformed payloads got 500 or hung 3 s (Low).
 */
import { request } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { SIGNING_SECRET, signedHeaders, SlackHarness } from '../slack/harness.js';
import { spawnServer } from '../ops/spawnServer.js';

const SLACK_ENV = { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token' };
const MB = 1024 * 1024;

/**
 * POSTs `size` bytes with Content-Length; resolves with the status (0 when the server cut the upload) and the time to it.
 * With `headersFirst` the body is held back for a second after the headers: a server that answers
 * from the headers alone (413) is heard before any body byte, so a reset of the upload cannot hide
 * its answer on a busy machine.
 */
function postBytes(url: string, size: number, headersFirst = false): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    const req = request(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': size } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 });
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    if (!headersFirst) return void req.end(Buffer.alloc(size, 0x20));
    req.flushHeaders();
    setTimeout(() => (answered ? req.destroy() : req.end(Buffer.alloc(size, 0x20))), 1000);
  });
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

/**
 * A Slack Web API that accepts connections and never answers (a black hole), counting connections.
 * `close` resets the connections it holds, so calls still waiting fail (and retry into a refused
 * port) at once instead of each waiting out the client's 10 s timeout during shutdown.
 */
function blackHole(): Promise<{ close: () => void; url: string; connections: () => number }> {
  let n = 0;
  const held = new Set<Socket>();
  const server = createServer((socket) => { n++; held.add(socket); });
  const close = () => { server.close(); for (const s of held) s.destroy(); };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ close, url: `http://127.0.0.1:${port}/api/`, connections: () => n });
  }));
}

const command = () => new URLSearchParams({
  team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/spine-consult', text: '', response_url: 'http://127.0.0.1:9/hook', trigger_id: '1.2.3',
}).toString();

describe('security: Slack intake', () => {
  it('a 1 MB post to /slack/events gets 413 at once; 20 concurrent 4 MB posts raise RSS by less than 30 MB', async () => {
    const { PORT: _port, ...env } = SLACK_ENV; // spawnServer picks the port
    const server = await spawnServer({ ...env, DATA_DIR: tempDataDir(), SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    try {
      const pid = server.proc.pid!;
      for (let i = 0; i < 3; i++) await postBytes(server.url, 1000); // warm up the routes
      const big = await postBytes(server.url, MB, true);
      expect(big.status).toBe(413);
      const before = rssKb(pid);
      let peak = before;
      const sampler = setInterval(() => { peak = Math.max(peak, rssKb(pid)); }, 5);
      const burst = await Promise.all(Array.from({ length: 20 }, () => postBytes(server.url, 4 * MB)));
      await new Promise((r) => setTimeout(r, 200));
      clearInterval(sampler);
      peak = Math.max(peak, rssKb(pid));
      const riseMb = (peak - before) / 1024;
      console.log(`slack intake: 1 MB post -> ${big.status} in ${big.ms.toFixed(1)} ms; 20 x 4 MB: RSS ${(before / 1024).toFixed(1)} -> peak ${(peak / 1024).toFixed(1)} MB (+${riseMb.toFixed(1)} MB), statuses ${[...new Set(burst.map((b) => b.status))].join(',')}`);
      expect(burst.every((b) => b.status === 413 || b.status === 0)).toBe(true);
      expect(riseMb).toBeLessThan(30);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });

  describe('auth.test is never on the request path', () => {
    let hole: Awaited<ReturnType<typeof blackHole>>;
    let server: RunningServer;
    beforeAll(async () => {
      hole = await blackHole();
      server = await startServer(loadConfig({ ...SLACK_ENV, DATA_DIR: tempDataDir(), SLACK_API_URL: hole.url }));
    });
    afterAll(async () => {
      hole.close();
      await server.close();
    });

    it('asks auth.test in the background at start-up, and acks a slash command at once while the Web API is a black hole', async () => {
      await expect.poll(() => hole.connections(), { timeout: 2000 }).toBeGreaterThan(0); // before any Slack request
      const body = command();
      const t0 = performance.now();
      const res = await fetch(`${server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') });
      const ms = performance.now() - t0;
      console.log(`slack intake: slash command ack with a black-holed Web API in ${ms.toFixed(1)} ms`);
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(1000);
    });
  });

  describe('signed but malformed payloads get 400 at once', () => {
    const h = new SlackHarness();
    beforeAll(async () => {
      await h.start();
      await h.command(); // warm up the route, so the figures below are the refusal's own time
    });
    afterAll(async () => { await h.stop(); });
    const form = (payload: string) => new URLSearchParams({ payload }).toString();
    it.each([
      ['payload=null', form('null'), 'application/x-www-form-urlencoded'],
      ['block_actions without a user', form(JSON.stringify({ type: 'block_actions', team: { id: 'T1' }, actions: [{ type: 'button', action_id: 'control:back', value: '{}' }] })), 'application/x-www-form-urlencoded'],
      ['an empty JSON object', '{}', 'application/json'],
      ['a JSON null', 'null', 'application/json'],
      ['an event_callback without an event', JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }), 'application/json'],
      ['a command without a user', new URLSearchParams({ command: '/spine-consult', team_id: 'T1', channel_id: 'C1' }).toString(), 'application/x-www-form-urlencoded'],
    ])('%s', async (_name, body, contentType) => {
      const t0 = performance.now();
      const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, contentType) });
      const ms = performance.now() - t0;
      console.log(`slack intake: ${_name} -> ${res.status} in ${ms.toFixed(1)} ms`);
      expect(res.status).toBe(400);
      expect(ms).toBeLessThan(1000);
      expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    });

    it('answers a signed url_verification with its challenge and a signed ssl_check with an empty 200; unsigned, both get 401', async () => {
      const calls = h.slack.apiCalls().length;
      const challenge = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
      const signedPost = (body: string, type: string) => fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, type) });
      const verified = await signedPost(challenge, 'application/json');
      expect(verified.status).toBe(200);
      expect(verified.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await verified.json()).toEqual({ challenge: 'c-123' });
      const ssl = await signedPost('ssl_check=1&token=legacy', 'application/x-www-form-urlencoded');
      expect(ssl.status).toBe(200);
      expect(await ssl.text()).toBe('');
      for (const [body, type] of [[challenge, 'application/json'], ['ssl_check=1&token=legacy', 'application/x-www-form-urlencoded']]) {
        const unsigned = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': type } });
        expect(unsigned.status).toBe(401);
      }
      expect(h.slack.apiCalls()).toHaveLength(calls);
    });
  });

  it('a retried event whose first delivery never arrived is answered once, and an exact duplicate is not, across two instances', async () => {
    const DATA_DIR = tempDataDir();
    const h = await new SlackHarness().start({ env: { DATA_DIR } });
    const other = await startServer(loadConfig({ ...SLACK_ENV, DATA_DIR, SLACK_API_URL: 'http://slack.test/api/' }));
    try {
      const body = h.eventBody({ type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text: 'why not a CT with contrast', ts: '1700000100.000100' });
      const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
      expect((await h.post(body, 'application/json', retry)).status).toBe(200);
      expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
      const again = await fetch(`${other.url}/slack/events`, { method: 'POST', body, headers: { ...signedHeaders(body, 'application/json'), ...retry, 'x-slack-retry-num': '2' } });
      expect(again.status).toBe(200);
      await other.slack.idle();
      expect((await h.post(body, 'application/json')).status).toBe(200);
      expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
    } finally {
      await other.close();
      await h.stop();
    }
  });
});
