import { composedOf } from '../support/composed.js';
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { renderSlack } from '../../src/channels/slack/renderSlack.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import { blockKitViolations } from './blockLimits.js';

const engine = createFlowEngine(loadContent());
const CONSULT_ID = '3f1c2a9e-1111-4222-8333-444455556666';

/** Every reachable consult state, by walking every simple path of answers and controls from the start. */
function everyState(): PersistedConsult[] {
  const events: ConsultEvent[] = [
    ...engine.content.flow.questions.flatMap((q) => q.options.map((o) => ({ type: 'ANSWER' as const, questionId: q.id, optionId: o.id }))),
    ...engine.content.flow.questions.map((q) => ({ type: 'CHANGE' as const, questionId: q.id })),
    { type: 'BACK' }, { type: 'RECORD_RESULT' }, { type: 'CANCEL' },
  ];
  const paths = getSimplePaths(engine.machine, { events, serializeState: (s) => `${String(s.value)}|${JSON.stringify(s.context.answers)}` });
  const seen = new Map<string, PersistedConsult>();
  for (const p of paths) {
    let c = engine.start();
    for (const step of p.steps) {
      if (step.event.type.startsWith('xstate.')) continue;
      const r = engine.apply(c, step.event as ConsultEvent);
      if (r.ok) c = r.next;
    }
    seen.set(`${c.value}|${JSON.stringify(c.context.answers)}`, c);
  }
  return [...seen.values()];
}

describe('every view on every path stays inside Block Kit limits', () => {
  const states = everyState();

  it('reaches every question and outcome', () => {
    const values = new Set(states.map((s) => s.value));
    for (const q of engine.content.flow.questions) expect(values).toContain(q.id);
    for (const o of engine.content.rules.outcomes.outcomes) expect(values).toContain(o.id);
    expect(values).toContain('cancelled');
  });

  it('renders each within limits, with a text fallback', () => {
    const problems = states.flatMap((s) => blockKitViolations(renderSlack(composedOf(s), CONSULT_ID)).map((p) => `${s.value}: ${p}`));
    expect(problems).toEqual([]);
    expect(states.length).toBeGreaterThan(30);
  });

  it('puts the outcome statement in block outcome:<outcomeId>', () => {
    for (const s of states.filter((x) => engine.outcomeId(x))) {
      const ids = renderSlack(composedOf(s), CONSULT_ID).blocks.map((b) => ('block_id' in b ? b.block_id : undefined));
      expect(ids).toContain(`outcome:${s.value}`);
    }
  });
});
