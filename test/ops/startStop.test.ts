import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../bench/processes.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { spawnServer } from './spawnServer.js';

const healthy = (url: string) => fetch(`${url}/healthz`).then((r) => r.ok, () => false);

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('starting and stopping the server', () => {
  it('a port in use: exit 1 with one line naming the port, no stack trace', async () => {
    const busy: Server = await new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => resolve(s)); });
    const port = (busy.address() as { port: number }).port;
    try {
      const server = await spawnServer({ PORT: String(port), DATA_DIR: tempDataDir(), LOG_LEVEL: 'silent' }, false);
      expect(await server.exited).toBe(1);
      const lines = server.stderr().trim().split('\n');
      expect(lines).toEqual([`Port ${port} is already in use: stop the other server or set PORT to a free port.`]);
    } finally {
      busy.close();
    }
  }, 30_000);

  it('stopping `npm start` stops the server too (no orphan left listening)', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const npm = spawn('npm', ['start'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: tempDataDir(), LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    try {
      await until(() => healthy(url), 'the server to answer');
      npm.kill('SIGTERM');
      await until(async () => !(await healthy(url)), 'the server to stop');
    } finally {
      npm.kill('SIGKILL');
    }
  }, 40_000);
});
