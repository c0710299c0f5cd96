import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saturation, type LoadTarget } from './loadModes.js';
import { cpuMs, startChild, stopChild } from './processes.js';
import { readProfile, STAGES, stageSplit } from './profileStages.js';
import type { SignedPoster } from './slackTraffic.js';

/** CPU per request by stage, from a profiled saturation run. */
export interface StageSplit { requests: number; cpuPerRequestMs: number; perRequestUs: Array<[string, number]>; windowed: boolean }

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Starts the bot once more under `--cpu-prof`, saturates it, and splits the profile's samples
 * taken during the run into stages (bench/profileStages.ts): microseconds of CPU per request.
 * V8 stamps samples with the same monotonic clock as process.hrtime, so start-up is left out.
 */
export async function stageSplitRun(
  env: Record<string, string>, logFile: string, target: (url: string) => LoadTarget & { poster: SignedPoster },
  clinicians: number, seconds: number, warmupS: number,
): Promise<StageSplit> {
  const dir = mkdtempSync(join(tmpdir(), 'spine-prof-'));
  try {
    const bot = await startChild('src/main.ts', env, logFile, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const t = target(bot.url);
    await saturation(t, clinicians, warmupS);
    const cpu0 = cpuMs(bot.proc.pid!);
    const from = monotonicUs();
    const run = await saturation(t, clinicians, seconds);
    const to = monotonicUs();
    const cpu = cpuMs(bot.proc.pid!) - cpu0;
    t.poster.close();
    await stopChild(bot.proc);
    // The main thread's profile is the first one (thread 0); loader threads write their own.
    const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()[0];
    const profile = readProfile(join(dir, file));
    let split = stageSplit(profile, from, to);
    const windowed = [...split.values()].some((ms) => ms > 0);
    if (!windowed) split = stageSplit(profile);
    split.delete('idle');
    const order = [...STAGES.map((s) => s.stage), 'gc', 'node internals', 'program (native, unattributed)', 'other'];
    const perRequestUs = order.filter((s) => split.has(s)).map((s): [string, number] => [s, (split.get(s)! * 1000) / run.requests]);
    return { requests: run.requests, cpuPerRequestMs: cpu / run.requests, perRequestUs, windowed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
