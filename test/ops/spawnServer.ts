import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../bench/processes.js';

/** The real `npm start` entry as a child process, with its output collected. */
export interface SpawnedServer { proc: ChildProcess; url: string; stdout: () => string; stderr: () => string; exited: Promise<number | null> }

/** Spawns `node --import tsx src/main.ts` with `env` (PORT is chosen here); `waitReady` polls /healthz. */
export async function spawnServer(env: Record<string, string>, waitReady = true): Promise<SpawnedServer> {
  const port = await freePort();
  let out = '';
  let err = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  if (waitReady) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${err}`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`server not ready: ${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { proc, url, stdout: () => out, stderr: () => err, exited };
}
