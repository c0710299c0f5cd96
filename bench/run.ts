/**
 * `npm run bench`: the bot's cost per click next to a bare Bolt app, on this machine. See
 * docs/ops.md for what each figure means and the targets.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LiveClinician, ReplayClinician, type Transcript } from './clinicians.js';
import { interleavedSaturation, type Interleaved, type Side } from './interleave.js';
import { fixedRate, saturation } from './loadModes.js';
import { runMicro } from './micro.js';
import { pgRuns, type PgRun } from './pgRun.js';
import { cpuMs, rssMb, runChild, startChild, stopChild } from './processes.js';
import { stageSplitRun, type StageSplit } from './stageRun.js';
import { SlackStandIn } from './slackStandIn.js';
import { BENCH_SECRET, SignedPoster } from './slackTraffic.js';
import { fmt, type RunStats } from './stats.js';
import { SQLITE_FILE } from '../src/store/openStore.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run bench
  Measures the bot's cost per click next to a bare Bolt app on this machine (several minutes; docs/ops.md).
  Env: BENCH_CLINICIANS (50,100), BENCH_SATURATION_S (20), BENCH_READ_MS (0), BENCH_STAGES_S (8), BENCH_PG_S (10),
  BENCH_RATE (100), BENCH_RATE_S (15), BENCH_MEMORY_CONSULTS (10000), BENCH_BARE_TRANSPORT (bot: the bare app on the bot's
  Web API transport), and TEST_DATABASE_URL for the PostgreSQL run.`);
  process.exit(0);
}
const CLINICIANS = (process.env.BENCH_CLINICIANS ?? '50,100').split(',').map(Number);
const MAX_CLINICIANS = Math.max(...CLINICIANS);
const SATURATION_S = Number(process.env.BENCH_SATURATION_S ?? 21);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const READ_MS = Number(process.env.BENCH_READ_MS ?? 0);
const STAGES_S = Number(process.env.BENCH_STAGES_S ?? 8);
const PG_URL = process.env.TEST_DATABASE_URL;
const PG_S = Number(process.env.BENCH_PG_S ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const RATE_S = Number(process.env.BENCH_RATE_S ?? 15);
const WARMUP_S = 3;
const MEMORY_CONSULTS = Number(process.env.BENCH_MEMORY_CONSULTS ?? 10_000);

const lines: string[] = [];
const say = (s = '') => { console.log(s); lines.push(s); };
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

const row = (name: string, s: RunStats) =>
  `  ${name.padEnd(26)} ${fmt(s.throughput).padStart(8)} req/s  p50 ${fmt(s.p50, 2).padStart(7)} ms  p99 ${fmt(s.p99, 2).padStart(7)} ms  (${s.requests} requests, ${s.consults} consults, ${s.errors} errors${s.errors ? `: ${Object.entries(s.errorKinds).map(([k, n]) => `${k} ${n}`).join(', ')}` : ''})`;

function printStages(s: StageSplit) {
  const sampled = s.perRequestUs.reduce((a, [, us]) => a + us, 0);
  const measured = s.cpuPerRequestMs * 1000;
  // Samples count wall time while the thread runs JS or native code; scaled to the CPU the process
  // really used, so a busy machine's descheduled time does not inflate any stage.
  say(`  bot CPU per request by stage (profiled run, ${s.requests} requests${s.windowed ? '' : ', whole profile: sample clock did not match'}; ${fmt(measured, 0)} us CPU measured, ${fmt(sampled, 0)} us sampled; us of CPU per request):`);
  say(`    ${s.perRequestUs.map(([stage, us]) => `${stage} ${fmt((us / sampled) * measured, 0)}`).join(' | ')}`);
}

function printPg(runs: PgRun[]) {
  for (const r of runs) {
    say(row(`bot x2 on PostgreSQL, ${r.clinicians}`, r.sat));
    say(`    CPU per request (both instances) ${fmt(r.cpuPerRequestMs, 3)} ms`);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'spine-bench-'));
  say(`spine-consult bench: node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'})`);
  say();
  say('Micro-benchmarks (median per operation)');
  const micro = runMicro();
  say(`  transition + view + Slack render: ${fmt(micro.transitionRenderMs * 1000, 0)} us   target < 200 us  ${verdict(micro.transitionRenderMs < 0.2)}`);
  say(`  FAQ query:                        ${fmt(micro.faqQueryMs * 1000, 0)} us   target < 1000 us ${verdict(micro.faqQueryMs < 1)}`);
  say();

  const standIn = await new SlackStandIn().start();
  const hooks = `${standIn.url}/hooks`;
  const slackEnv = { SLACK_API_URL: `${standIn.url}/api/`, SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench-token' };

  say('The bot (npm start entry, SQLite in a temp DATA_DIR, Slack Web API stand-in on loopback) and a bare @slack/bolt app');
  say('(acknowledges and makes the same Web API call per request, the bot\'s consults replayed), driven in alternating rounds');
  if (process.env.BENCH_BARE_TRANSPORT === 'bot') say('  (BENCH_BARE_TRANSPORT=bot: the bare app on the bot\'s Web API transport, not Bolt\'s own)');
  const bot = await startChild('src/main.ts', {
    ...slackEnv, DATA_DIR: join(dir, 'data'), NODE_ENV: 'production', TEAMS_ENABLED: 'false', LOG_LEVEL: 'info',
  }, join(dir, 'bot.log'), process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
  const botRssStart = rssMb(bot.proc.pid!);
  say(`  start-up to a ready /healthz: ${fmt(bot.readyMs, 0)} ms   target < 2000 ms  ${verdict(bot.readyMs < 2000)}`);
  const transcripts: Transcript[] = [];
  const botPoster = new SignedPoster(bot.url, MAX_CLINICIANS);
  const botSide: Side = { name: 'bot', pid: bot.proc.pid!, target: { poster: botPoster, standIn, clinician: (n) => new LiveClinician(`CBOT${n}`, `UBOT${n}`, hooks, transcripts) } };
  // The bot's warm-up records the consults the bare app replays (same bodies, same sizes).
  await saturation(botSide.target, CLINICIANS[0], WARMUP_S, READ_MS);
  const firstBlocks = join(dir, 'first-blocks.json');
  writeFileSync(firstBlocks, JSON.stringify(transcripts[0]?.messages[0] ?? []));
  const bare = await startChild('bench/bareBolt.ts', { ...slackEnv, BENCH_FIRST_BLOCKS: firstBlocks }, join(dir, 'bare.log'),
    process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_PROFILE, 'bare')}`] : []);
  const barePoster = new SignedPoster(bare.url, MAX_CLINICIANS);
  const bareSide: Side = { name: 'bare', pid: bare.proc.pid!, target: { poster: barePoster, standIn, clinician: (n) => new ReplayClinician(`CBARE${n}`, `UBARE${n}`, hooks, transcripts) } };
  await saturation(bareSide.target, CLINICIANS[0], WARMUP_S, READ_MS);
  const sats: Interleaved[] = [];
  for (const clinicians of CLINICIANS) {
    say(`  saturation, ${clinicians} clinicians: ${ROUNDS} rounds of ${fmt(SATURATION_S / ROUNDS)} s per app (bot-bare, bare-bot, ...) ...`);
    sats.push(await interleavedSaturation(botSide, bareSide, { clinicians, seconds: SATURATION_S, rounds: ROUNDS, warmupS: 1, readMs: READ_MS }));
  }
  say(`  fixed rate ${RATE}/s, ${RATE_S} s: bot, then bare ...`);
  const botOpen = await fixedRate(botSide.target, RATE, RATE_S);
  const bareOpen = await fixedRate(bareSide.target, RATE, RATE_S);
  const botRssEnd = rssMb(bot.proc.pid!);
  say(`  clicks the bot refused (ephemeral replies): ${standIn.rejections}; Web API calls (both apps): ${JSON.stringify(Object.fromEntries(standIn.counts))}`);
  standIn.rejections = 0;
  standIn.counts.clear();
  botPoster.close();
  barePoster.close();
  await stopChild(bare.proc);
  const stopped = await stopChild(bot.proc);
  const db = new Database(join(dir, 'data', SQLITE_FILE), { readonly: true });
  const sizes = db.prepare(`SELECT COUNT(*) AS n, AVG(LENGTH(snapshot)) AS snapshot,
    AVG(LENGTH(snapshot) + LENGTH(id) + LENGTH(flow_id) + LENGTH(flow_version) + LENGTH(channel) + LENGTH(workspace) + LENGTH(conversation)
      + COALESCE(LENGTH(message_ref), 0) + LENGTH(owner_id) + COALESCE(LENGTH(outcome_id), 0) + COALESCE(LENGTH(last_event_key), 0) + 6 * 8) AS row
    FROM consults WHERE status = 'finished'`).get() as { n: number; snapshot: number; row: number };
  db.close();
  say(`  graceful shutdown on SIGTERM: exit ${stopped.code} after ${fmt(stopped.ms, 0)} ms`);
  const botEnv = { ...slackEnv, NODE_ENV: 'production', TEAMS_ENABLED: 'false', LOG_LEVEL: 'info' };
  const live = (prefix: string) => (urls: string | string[]) => ({
    poster: new SignedPoster(urls, MAX_CLINICIANS), standIn,
    clinician: (n: number) => new LiveClinician(`C${prefix}${n}`, `U${prefix}${n}`, hooks),
  });
  say(`  CPU profile by stage: the bot again under --cpu-prof, ${CLINICIANS[0]} clinicians, ${STAGES_S} s ...`);
  const stages = await stageSplitRun({ ...botEnv, DATA_DIR: join(dir, 'data-prof') }, join(dir, 'bot-prof.log'), live('PROF'), CLINICIANS[0], STAGES_S, WARMUP_S);
  let pg: PgRun[] | undefined;
  if (PG_URL) {
    say(`  PostgreSQL: two bot instances on one new database, requests to each in turn, ${PG_S} s per run ...`);
    pg = await pgRuns(PG_URL, botEnv, (i) => join(dir, `bot-pg${i}.log`), live('PG'), CLINICIANS, PG_S, WARMUP_S);
  }
  standIn.rejections = 0;
  standIn.counts.clear();
  await standIn.stop();
  say();

  say(`Memory with finished consults (${MEMORY_CONSULTS} consults through ConsultService + SQLite directly, not over HTTP, to fit the time budget)`);
  const mem = JSON.parse(await runChild(['--expose-gc', '--import', 'tsx', 'bench/memoryRun.ts', dir, String(MEMORY_CONSULTS)])) as
    { startMb: number; after1000Mb: number; afterAllMb: number; seconds: number };
  const growth = mem.afterAllMb - mem.after1000Mb;
  say(`  RSS after 1,000: ${fmt(mem.after1000Mb)} MB, after ${MEMORY_CONSULTS}: ${fmt(mem.afterAllMb)} MB, growth ${fmt(growth)} MB   target < 30 MB  ${verdict(growth < 30)}  (${fmt(mem.seconds)} s)`);
  say();

  say('Results (latency = signed request sent, or scheduled in the fixed-rate mode, to the Web API call it causes)');
  for (const { clinicians: n, bot: b, bare: r, roundRatios } of sats) {
    say(row(`bot, ${n} clinicians`, b.sat));
    say(row(`bare Bolt, ${n} clinicians`, r.sat));
    const ratio = b.sat.throughput / r.sat.throughput;
    const p99 = b.sat.p99 / r.sat.p99;
    say(`  ${n} clinicians: throughput bot/bare ${fmt(ratio, 2)}x (target >= 0.8x ${verdict(ratio >= 0.8)}; rounds ${roundRatios.map((x) => fmt(x, 2)).join(', ')}), p99 bot/bare ${fmt(p99, 2)}x (target <= 1.5x ${verdict(p99 <= 1.5)}), p50 ${fmt(b.sat.p50 / r.sat.p50, 2)}x`);
    say(`  ${n} clinicians: CPU per request bot ${fmt(b.cpuPerRequest, 3)} ms, bare ${fmt(r.cpuPerRequest, 3)} ms (load generator busy ${fmt(b.driverCpu * 100, 0)}% / ${fmt(r.driverCpu * 100, 0)}% of a core)`);
  }
  say(row(`bot, ${RATE}/s`, botOpen));
  say(row(`bare Bolt, ${RATE}/s`, bareOpen));
  say(`  paced p99 at ${RATE}/s: ${fmt(botOpen.p99, 2)} ms   target < 15 ms  ${verdict(botOpen.p99 < 15)}   (bot/bare p50 ${fmt(botOpen.p50 / bareOpen.p50, 2)}x, p99 ${fmt(botOpen.p99 / bareOpen.p99, 2)}x)`);
  printStages(stages);
  if (pg) printPg(pg);
  say(`  bot RSS: ${fmt(botRssStart)} MB when ready, ${fmt(botRssEnd)} MB after both runs`);
  say(`  persisted finished consult (${sizes.n} rows): snapshot ${fmt(sizes.snapshot, 0)} B, whole row ~${fmt(sizes.row, 0)} B   target < 2048 B  ${verdict(sizes.row < 2048)}`);
  if (process.env.BENCH_KEEP) say(`  kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
