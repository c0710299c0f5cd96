import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/channels/slack/mountSlack.js';
import { webApiFetch } from '../../src/channels/slack/webApiFetch.js';

describe('the Web API client\'s connection pool', () => {
  let server: Server;
  let url = '';
  let connections = 0;
  beforeAll(async () => {
    server = createServer((req, res) => { req.resume(); req.on('end', () => res.setHeader('content-type', 'application/json').end('{"ok":true}')); });
    server.on('connection', () => { connections++; });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/chat.update`;
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); });

  it('is what every Slack WebClient is given (the bot\'s and bare Bolt\'s in the bench alike)', () => {
    expect(clientOptions({}).fetch).toBe(webApiFetch);
  });

  it('posts and reads the reply, call after call, keeping connections alive', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await webApiFetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'channel=C1&ts=1.2' });
      expect(await res.json()).toEqual({ ok: true });
    }
    // Kept alive: three calls in a row never need three connections.
    expect(connections).toBeLessThan(3);
  });
});
