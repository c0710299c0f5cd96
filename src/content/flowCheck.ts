import { createFlowEngine } from '../flow/engine.js';
import { walkAllPaths } from '../flow/flowPaths.js';
import { ContentError, parseContent, type RawContent } from '../flow/parseContent.js';
import { checkFollowUpRules } from '../interaction/pathways.js';

/** What `npm run flow:check` found for one pathway. */
export interface FlowReport {
  /** Problems; any one makes the check fail. */
  problems: string[];
  /** Every forward path, as `question=option, ... -> outcome` lines. */
  paths: string[];
  /** Outcomes some path reaches, and outcomes none does. */
  reached: string[];
  unreached: string[];
  /** Statements that carry a quote checked against the source, and all statements. */
  cited: number;
  statements: number;
}

/** Keys whose string value is a statement a reader sees (followup.yaml is product wording, not a claim). */
const STATEMENT_KEYS = new Set(['text', 'answer', 'help', 'study', 'name']);

/** Counts statements and those that cite a source with a quote, anywhere in a file's data. */
function countCitations(value: unknown, tally: { cited: number; statements: number }): void {
  if (Array.isArray(value)) return value.forEach((v) => countCitations(v, tally));
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (Object.entries(obj).some(([k, v]) => STATEMENT_KEYS.has(k) && typeof v === 'string')) {
    tally.statements++;
    const source = obj.source as { quote?: unknown } | undefined;
    if (typeof source?.quote === 'string' && source.quote.trim()) tally.cited++;
  }
  for (const v of Object.values(obj)) countCitations(v, tally);
}

/**
 * Validates one pathway as the server would install it, then walks every path through its machine
 * (xstate/graph) and counts its citations. Quotes are checked against the source by the loader.
 */
export function checkFlow(raw: RawContent): FlowReport {
  const report: FlowReport = { problems: [], paths: [], reached: [], unreached: [], cited: 0, statements: 0 };
  let content;
  try {
    content = parseContent(raw);
    checkFollowUpRules(content);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    report.problems.push(err.message);
    return report;
  }
  const engine = createFlowEngine(content);
  const reached = new Set<string>();
  for (const path of walkAllPaths(engine)) {
    const outcome = engine.outcomeId(path.end);
    if (!outcome) continue;
    reached.add(outcome);
    const steps = path.events.map((e) => (e.type === 'ANSWER' ? `${e.questionId}=${e.optionId}` : e.type.toLowerCase()));
    report.paths.push(`${steps.join(', ')} -> ${outcome}`);
  }
  const all = content.rules.outcomes.outcomes.map((o) => o.id);
  report.reached = all.filter((id) => reached.has(id));
  report.unreached = all.filter((id) => !reached.has(id));
  for (const id of report.unreached) report.problems.push(`${raw.rules.outcomes.file}: outcome "${id}" is never reached by any path`);
  const tally = { cited: 0, statements: 0 };
  countCitations(raw.flow.data, tally);
  for (const [name, file] of Object.entries(raw.rules)) if (name !== 'followup') countCitations(file.data, tally);
  Object.assign(report, tally);
  if (tally.cited < tally.statements) report.problems.push(`${tally.statements - tally.cited} statement(s) carry no quoted source`);
  return report;
}
