import type { FlowEngine } from '../../src/flow/engine.js';
import { walkAllPaths } from './flowPaths.js';

/**
 * One step a person takes (answer a question, or press the flow's reopen button, record_result)
 * and what the consult then shows: `question:<id>` or `outcome:<id>`.
 */
export type PathStep = ({ answer: [questionId: string, optionId: string] } | { reopen: string }) & { shows: string };

/** One row of the shared path table: the steps to an outcome, and the outcome. */
export interface PathRow {
  outcome: string;
  steps: PathStep[];
}

/**
 * The path table every channel's transcript test plays: for each outcome the flow can reach, the
 * shortest path to it, generated from the machine by xstate/graph (test/flow/flowPaths.ts) so a
 * change in the flow changes the table, never a hand-written copy per channel.
 */
export function pathTable(engine: FlowEngine): PathRow[] {
  const best = new Map<string, PathRow>();
  for (const path of walkAllPaths(engine)) {
    const outcome = engine.outcomeId(path.end);
    if (!outcome) continue;
    const shows = (i: number) => {
      const next = path.states[i + 1];
      return `${engine.outcomeId(next) ? 'outcome' : 'question'}:${next.value}`;
    };
    const steps: PathStep[] = path.events.map((e, i) => e.type === 'ANSWER'
      ? { answer: [e.questionId, e.optionId], shows: shows(i) }
      : { reopen: engine.content.flow.continuations.find((c) => c.outcome === path.states[i].value)!.label, shows: shows(i) });
    const known = best.get(outcome);
    if (!known || steps.length < known.steps.length) best.set(outcome, { outcome, steps });
  }
  return [...best.values()].sort((a, b) => a.outcome.localeCompare(b.outcome));
}

/** The answers of a row as `question=option,...` (the terminal's --answers). */
export function answersOf(row: PathRow): string {
  return row.steps.flatMap((s) => ('answer' in s ? [`${s.answer[0]}=${s.answer[1]}`] : [])).join(',');
}
