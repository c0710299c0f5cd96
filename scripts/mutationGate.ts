/**
 * The per-file mutation table of the safety core and its gate: reads each group's last result (its
 * incremental file, test/mutation/incremental/<id>.json) and fails when a file is below its group's target.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One group of test/mutation/safetyCore.json. */
export type Group = { id: string; name: string; target: number; globs: string[]; tests: string[] };
type Report = { files: Record<string, { mutants: { status: string }[] }> };

/** The safety core's groups. */
export const readGroups = (): Group[] =>
  (JSON.parse(readFileSync('test/mutation/safetyCore.json', 'utf8')) as { groups: Group[] }).groups;

/** Where a group's last result is kept (committed). */
export const incrementalFileOf = (group: Group) => `test/mutation/incremental/${group.id}.json`;

/** Prints the per-file table of the given groups' last results; returns false when a file is below target or a group has no result. */
export function gate(groups: Group[]): boolean {
  let ok = true;
  console.log('| group | file | killed+timeout | survived | no coverage | ignored | score | target |\n|---|---|---|---|---|---|---|---|');
  for (const group of groups) {
    const file = incrementalFileOf(group);
    if (!existsSync(file)) {
      console.log(`| ${group.name} | (no result: run \`npm run test:mutation -- --group ${group.id}\`) | | | | | | ${group.target}% BELOW |`);
      ok = false;
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    for (const [name, { mutants }] of Object.entries(report.files).sort()) {
      const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
      const detected = count('Killed', 'Timeout');
      const valid = detected + count('Survived', 'NoCoverage');
      const score = valid === 0 ? 100 : (100 * detected) / valid;
      const below = score < group.target;
      ok &&= !below;
      const shown = path.relative(process.cwd(), path.resolve(name));
      console.log(`| ${group.name} | ${shown} | ${detected} | ${count('Survived')} | ${count('NoCoverage')} | ${count('Ignored')} | ${score.toFixed(1)}% | ${group.target}%${below ? ' BELOW' : ''} |`);
    }
  }
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = gate(readGroups()) ? 0 : 1;
