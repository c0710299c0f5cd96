/**
 * `npm run test:mutation [-- --group <id>]... [-- --force]`: runs Stryker once per safety-core group
 * (test/mutation/safetyCore.json), one after the other, each against its own direct test files and
 * incremental file, then prints the per-file table and fails if any file is below its target.
 * Other arguments (e.g. `--force`) go to every Stryker run.
 */
import { spawnSync } from 'node:child_process';
import { gate, readGroups } from './mutationGate.js';

const args = process.argv.slice(2);
const chosen: string[] = [];
const passThrough: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--group') chosen.push(...(args[++i] ?? '').split(','));
  else passThrough.push(args[i]);
}
const all = readGroups();
const unknown = chosen.filter((id) => !all.some((g) => g.id === id));
if (unknown.length > 0) {
  console.error(`unknown group ${unknown.join(', ')}; groups: ${all.map((g) => g.id).join(', ')}`);
  process.exit(2);
}
const groups = chosen.length > 0 ? all.filter((g) => chosen.includes(g.id)) : all;

const times: string[] = [];
let failedRuns = 0;
for (const group of groups) {
  console.log(`\n=== mutation group "${group.id}": ${group.globs.join(' ')} against ${group.tests.join(' ')}`);
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_GROUP: group.id },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  times.push(`${group.id}: ${Math.floor(seconds / 60)} min ${seconds % 60} s${run.status === 0 ? '' : ` (exit ${run.status ?? run.signal})`}`);
  if (run.status !== 0) failedRuns++;
}
console.log(`\nWall time per group: ${times.join('; ')}\n`);
// The table covers every group (last results of those not run now), so one group's rerun shows the whole core.
const ok = gate(all);
process.exitCode = ok && failedRuns === 0 ? 0 : 1;
