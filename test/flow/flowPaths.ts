import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import type { FlowEngine, PersistedConsult } from '../../src/flow/engine.js';

export { forwardEvents, walkAllPaths, type WalkedPath } from '../../src/flow/flowPaths.js';

/**
 * Runs a consult from answers keyed by question id, answering whatever the flow asks next (so the
 * question order can change), recording the MRI result when the answers include it.
 */
export function consultFrom(engine: FlowEngine, answers: Record<string, string>): PersistedConsult {
  let consult = engine.start();
  for (let guard = 0; guard < 50; guard++) {
    const q = engine.content.flow.questions.find((x) => x.id === consult.value);
    const continues = engine.content.flow.continuations.find((c) => c.outcome === consult.value);
    let event: ConsultEvent | undefined;
    if (q && answers[q.id] !== undefined) event = { type: 'ANSWER', questionId: q.id, optionId: answers[q.id] };
    else if (continues && answers[continues.question] !== undefined) event = { type: 'RECORD_RESULT' };
    if (!event) return consult;
    const r = engine.apply(consult, event);
    if (!r.ok) throw new Error(`engine refused ${JSON.stringify(event)} at ${consult.value}: ${r.reason}`);
    consult = JSON.parse(JSON.stringify(r.next)) as PersistedConsult;
  }
  throw new Error('consultFrom: too many steps');
}
