/**
 * The Web API transport alone: `WebClient.chat.update` (8 blocks) N times, C at a time, against a
 * loopback server in a child process, through `fetch` on undici's Agent (what bare Bolt uses) and
 * through the bot's `webApiFetch`, alternating; prints µs of this process's CPU per call.
 * `node --import tsx bench/transport.ts [N=3000] [C=20]`
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { WebClient } from '@slack/web-api';
import { undiciFetch, webApiFetch } from '../src/channels/slack/webApiFetch.js';

if (process.argv[2] === 'serve') {
  const reply = JSON.stringify({ ok: true, channel: 'C1', ts: '1700000000.000100', text: 'consult' });
  const s = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(reply)); });
  s.listen(0, '127.0.0.1', () => { const a = s.address(); console.log(typeof a === 'object' && a ? a.port : 0); });
} else {
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/transport.ts', 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((r) => server.stdout!.once('data', (d) => r(String(d).trim())));
  const N = Number(process.argv[2] ?? 3000);
  const C = Number(process.argv[3] ?? 20);
  const blocks = Array.from({ length: 8 }, (_, i) => ({ type: 'section', block_id: `b${i}`, text: { type: 'mrkdwn', text: 'x'.repeat(200) } }));
  const transports: Array<[string, typeof fetch]> = [['fetch (undici Agent)', undiciFetch], ['webApiFetch (node:http)', webApiFetch]];
  const run = async (fetchFn: typeof fetch) => {
    const client = new WebClient('xoxb-bench', { slackApiUrl: `http://127.0.0.1:${port}/api/`, fetch: fetchFn, timeout: 10_000, retryConfig: { retries: 0 } });
    let i = 0;
    const worker = async () => { while (i++ < N) await client.chat.update({ channel: 'C1', ts: '1.2', text: 'consult', blocks }); };
    const t0 = process.cpuUsage();
    await Promise.all(Array.from({ length: C }, worker));
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / N;
  };
  for (const [, f] of transports) await run(f); // warm-up
  for (let round = 0; round < 3; round++) {
    for (const [name, f] of transports) console.log(`${name.padEnd(24)} ${(await run(f)).toFixed(0)} us CPU per call`);
  }
  server.kill();
}
