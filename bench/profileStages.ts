/**
 * Splits a V8 CPU profile (.cpuprofile from --cpu-prof) into the stages of a request: each sample
 * goes to the first stage found walking from the running function up its callers, by file.
 * `node --import tsx bench/profileStages.ts FILE.cpuprofile` prints the split.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** Stages in report order, each with the file patterns that belong to it (first match from the leaf wins). */
export const STAGES: Array<{ stage: string; files: RegExp }> = [
  { stage: 'store', files: /\/src\/store\/|better-sqlite3|\/pg\/|pg-protocol|pg-pool|\/src\/consult\/recordCache/ },
  { stage: 'engine', files: /\/src\/flow\/(engine|transitionTable|buildMachine)|\/xstate\/|\/src\/consult\/(consultService|clickData)|\/src\/interaction\/pathways/ },
  { stage: 'render', files: /\/src\/channels\/slack\/(render|blockKit|messageMemo)|\/src\/flow\/buildView|\/src\/consult\/followUp(View|Text)|\/src\/interaction\/|\/src\/flow\/(lru|viewMemo)/ },
  { stage: 'logs+metrics', files: /\/pino|fast-redact|sonic-boom|\/src\/log\/|prom-client|\/src\/ops\/|\/src\/http\/accessLog/ },
  { stage: 'Web API', files: /@slack\/web-api|\/axios\/|undici|p-retry|p-queue|form-data|\/src\/channels\/slack\/(consultDelivery|slackErrors)/ },
  { stage: 'receive', files: /@slack\/bolt|\/express\/|body-parser|raw-body|router|tsscmp|\/src\/channels\/slack\/|\/src\/http\/|node:_http_server|\/src\/main/ },
  { stage: 'async context', files: /node:internal\/async_hooks|node:async_hooks|async_context_frame/ },
];

/** Milliseconds per stage (plus gc, node internals and other) over samples in [fromUs, toUs] of the profile clock. */
export function stageSplit(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    const cached = stageOf.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    let stage: string | undefined;
    if (functionName === '(garbage collector)') stage = 'gc';
    else if (functionName === '(idle)') stage = 'idle';
    else if (functionName === '(program)') stage = 'program (native, unattributed)';
    else stage = STAGES.find((s) => s.files.test(url))?.stage;
    if (!stage) {
      const up = parent.get(id);
      stage = up === undefined ? (url.startsWith('node:') ? 'node internals' : 'other') : classify(up);
      if (stage === 'other' && url.startsWith('node:')) stage = 'node internals';
    }
    stageOf.set(id, stage);
    return stage;
  };
  const out = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stage = classify(profile.samples[i]);
    out.set(stage, (out.get(stage) ?? 0) + dt);
  }
  return out;
}

/** Reads a .cpuprofile file. */
export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** Self time (ms) per function (`name file:line`), over the whole profile or its last `lastS` seconds. */
export function selfTimes(profile: CpuProfile, lastS = Infinity): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = profile.endTime - lastS * 1e6;
  const out = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from) continue;
    const { functionName, url, lineNumber } = byId.get(profile.samples[i])!.callFrame as ProfileNode['callFrame'] & { lineNumber: number };
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return out;
}

// `profileStages.ts FILE` prints the stage split; `profileStages.ts FILE --functions [SECONDS]` the
// 40 functions with the most self time (in the profile's last SECONDS, e.g. the load without start-up).
if (process.argv[1]?.endsWith('profileStages.ts')) {
  const profile = readProfile(process.argv[2]);
  const functions = process.argv[3] === '--functions';
  const split = functions ? selfTimes(profile, Number(process.argv[4] ?? Infinity)) : stageSplit(profile);
  const busy = [...split].filter(([k]) => k !== 'idle' && !k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
  for (const [stage, ms] of [...split].sort((a, b) => b[1] - a[1]).slice(0, functions ? 40 : undefined)) {
    const idle = stage === 'idle' || stage.startsWith('(idle)');
    console.log(`${stage.padEnd(functions ? 70 : 32)} ${ms.toFixed(0).padStart(7)} ms  ${idle ? '' : `${((ms / busy) * 100).toFixed(1)}%`}`);
  }
}
