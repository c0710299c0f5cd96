import { saturation, type LoadTarget } from './loadModes.js';
import { cpuMs } from './processes.js';
import { mergeRuns, type RunStats } from './stats.js';

/** An app under load: how to drive it and the process whose CPU is counted. */
export interface Side { name: string; target: LoadTarget; pid: number }

/** One app's saturation figures, over all its rounds. */
export interface Saturated { sat: RunStats; cpuPerRequest: number; driverCpu: number }

/** Both apps at one clinician count, and the throughput ratio of each round. */
export interface Interleaved { clinicians: number; bot: Saturated; bare: Saturated; roundRatios: number[] }

/** Timing of the interleaved runs. */
export interface Schedule { clinicians: number; seconds: number; rounds: number; warmupS: number; readMs: number }

/** One app's turn: its run, the CPU its process used (ms) and the load generator's (ms). */
type Turn = { run: RunStats; cpu: number; driver: number };

async function measured(side: Side, s: Schedule, seconds: number): Promise<Turn> {
  // A short warm-up after the other app's turn: the connections and caches are this app's again.
  await saturation(side.target, s.clinicians, s.warmupS, s.readMs);
  const cpu0 = cpuMs(side.pid);
  const driver0 = process.cpuUsage();
  const run = await saturation(side.target, s.clinicians, seconds, s.readMs);
  const d = process.cpuUsage(driver0);
  return { run, cpu: cpuMs(side.pid) - cpu0, driver: (d.user + d.system) / 1000 };
}

function total(parts: Turn[]): Saturated {
  const sat = mergeRuns(parts.map((p) => p.run));
  return {
    sat,
    cpuPerRequest: parts.reduce((a, p) => a + p.cpu, 0) / sat.requests,
    driverCpu: parts.reduce((a, p) => a + p.driver, 0) / (sat.seconds * 1000),
  };
}

/**
 * Saturation of the bot and of bare Bolt in alternating rounds (bot-bare, bare-bot, bot-bare, ...),
 * each app `seconds` in all: a machine that slows down or speeds up during the bench (other
 * tenants, CPU frequency) then weighs on both alike, where one block per app put all of it on one.
 */
export async function interleavedSaturation(bot: Side, bare: Side, s: Schedule): Promise<Interleaved> {
  const per = s.seconds / s.rounds;
  const parts = { bot: [] as Turn[], bare: [] as Turn[] };
  const roundRatios: number[] = [];
  for (let r = 0; r < s.rounds; r++) {
    const order = r % 2 === 0 ? [bot, bare] : [bare, bot];
    const got = new Map<Side, Turn>();
    for (const side of order) got.set(side, await measured(side, s, per));
    parts.bot.push(got.get(bot)!);
    parts.bare.push(got.get(bare)!);
    roundRatios.push(got.get(bot)!.run.throughput / got.get(bare)!.run.throughput);
  }
  return { clinicians: s.clinicians, bot: total(parts.bot), bare: total(parts.bare), roundRatios };
}
