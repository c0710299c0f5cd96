/**
 * Fails when a safety-core file scores below its group's target (test/mutation/safetyCore.json)
 * in the last Stryker JSON report, and prints the per-file table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Group = { name: string; target: number; globs: string[] };
type Report = { files: Record<string, { mutants: { status: string }[] }> };

const { groups } = JSON.parse(readFileSync('test/mutation/safetyCore.json', 'utf8')) as { groups: Group[] };
const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8')) as Report;

/** The highest target of any group whose globs match the file; 90 when none does (a file mutated from the command line). */
const targetOf = (file: string) =>
  Math.max(90, ...groups.filter((g) => g.globs.some((glob) => path.matchesGlob(file, glob))).map((g) => g.target));

let failed = false;
console.log('| file | killed+timeout | survived | no coverage | score | target |\n|---|---|---|---|---|---|');
for (const [name, { mutants }] of Object.entries(report.files).sort()) {
  const file = path.relative(process.cwd(), path.resolve(name));
  const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = detected + count('Survived', 'NoCoverage');
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const target = targetOf(file);
  failed ||= score < target;
  console.log(`| ${file} | ${detected} | ${count('Survived')} | ${count('NoCoverage')} | ${score.toFixed(1)}% | ${target}%${score < target ? ' BELOW' : ''} |`);
}
process.exitCode = failed ? 1 : 0;
