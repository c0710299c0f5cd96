import { basename, dirname, resolve } from 'node:path';
import { checkFlow, type FlowReport } from './flowCheck.js';
import { listFlowIds, PROJECT_ROOT, readRawContent } from './loadContent.js';
import { ContentError } from '../flow/parseContent.js';

const USAGE = 'Usage: npm run flow:check [-- flows/<id>.yaml ...]   (default: every flows/*.yaml)';

/** The pathways to check: the named flow files, or every one under the project root. */
function targets(args: string[]): Array<{ root: string; id: string; file: string }> {
  if (args.length === 0) return listFlowIds(PROJECT_ROOT).map((id) => ({ root: PROJECT_ROOT, id, file: `flows/${id}.yaml` }));
  return args.map((arg) => {
    const file = resolve(arg);
    if (!file.endsWith('.yaml') || basename(dirname(file)) !== 'flows') throw new ContentError(`${arg}: name a flow file, flows/<id>.yaml`);
    return { root: dirname(dirname(file)), id: basename(file, '.yaml'), file: arg };
  });
}

function print(file: string, r: FlowReport): void {
  console.log(`${file}: ${r.problems.length ? `${r.problems.length} problem(s)` : 'valid'}`);
  for (const p of r.problems) console.log(`  PROBLEM ${p.replaceAll('\n', '\n    ')}`);
  if (r.paths.length) console.log(`  paths (${r.paths.length}):\n${r.paths.map((p) => `    ${p}`).join('\n')}`);
  if (r.reached.length) console.log(`  outcomes reached (${r.reached.length}): ${r.reached.join(', ')}`);
  if (r.unreached.length) console.log(`  outcomes never reached: ${r.unreached.join(', ')}`);
  if (r.statements) console.log(`  citation coverage: ${r.cited}/${r.statements} statements carry a quote checked against the source (${Math.floor((100 * r.cited) / r.statements)}%)`);
}

/** Entry point: exit 0 when every named pathway is valid, reaches every outcome and cites every statement; 1 otherwise. */
export function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) return console.log(USAGE), 0;
  let failed = 0;
  for (const t of targets(args)) {
    let report: FlowReport;
    try {
      report = checkFlow(readRawContent(t.id, t.root));
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      report = { problems: [err.message], paths: [], reached: [], unreached: [], cited: 0, statements: 0 };
    }
    print(t.file, report);
    if (report.problems.length) failed++;
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).name === 'ContentError' ? (err as Error).message : err);
  process.exitCode = 1;
}
