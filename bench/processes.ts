import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    }).on('error', reject);
  });
}

/** The node flags `npm start` gives the server (package.json "start"), so the bench runs the bot as shipped. */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /\bnode\s+(.*?)\s*--import tsx src\/main\.ts/.exec(start);
  if (!m) throw new Error(`package.json "start" is not "node [flags] --import tsx src/main.ts": ${start}`);
  return m[1] ? m[1].split(/\s+/) : [];
}

/** A child server and how long it took to answer /healthz. */
export interface Child { proc: ChildProcess; url: string; readyMs: number }

/**
 * Starts `node [nodeArgs] --import tsx <entry>` with `env`, logs to `logFile`, and waits for GET
 * /healthz = 200. The bot (src/main.ts) also gets the flags `npm start` gives it.
 */
export async function startChild(entry: string, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<Child> {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const t0 = performance.now();
  const flags = entry === 'src/main.ts' ? startFlags() : [];
  const proc = spawn(process.execPath, [...flags, ...nodeArgs, '--import', 'tsx', entry], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${entry} exited with ${proc.exitCode}; see ${logFile}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { proc, url, readyMs: performance.now() - t0 };
    if (performance.now() - t0 > 30_000) throw new Error(`${entry} not ready after 30 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Sends SIGTERM and resolves with the exit code and how long the graceful shutdown took. */
export function stopChild(proc: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve({ code: proc.exitCode, ms: 0 });
    const kill = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.once('exit', (code) => { clearTimeout(kill); resolve({ code, ms: performance.now() - t0 }); });
    proc.kill('SIGTERM');
  });
}

/** Runs a child to completion and returns its stdout. */
export function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
