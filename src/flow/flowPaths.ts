import { getSimplePaths } from 'xstate/graph';
import type { ConsultEvent } from './buildMachine.js';
import type { FlowEngine, PersistedConsult } from './engine.js';

/** One forward path through the flow: the events taken and the persisted state after each. */
export interface WalkedPath {
  events: ConsultEvent[];
  states: PersistedConsult[];
  end: PersistedConsult;
}

/** The forward events a state takes: each option of its question, or recording a result. */
export function forwardEvents(engine: FlowEngine, value: string): ConsultEvent[] {
  const q = engine.content.flow.questions.find((x) => x.id === value);
  if (q) return q.options.map((o) => ({ type: 'ANSWER', questionId: q.id, optionId: o.id }));
  return engine.content.flow.continuations.some((c) => c.outcome === value) ? [{ type: 'RECORD_RESULT' }] : [];
}

/**
 * Every simple forward path the machine allows, enumerated by xstate/graph (states serialised
 * by value so answers in context do not multiply nodes), replayed through the engine's pure
 * step function with a JSON round trip at every step.
 */
export function walkAllPaths(engine: FlowEngine): WalkedPath[] {
  const paths = getSimplePaths(engine.machine, {
    events: (snapshot) => forwardEvents(engine, String(snapshot.value)),
    serializeState: (snapshot) => String(snapshot.value),
  });
  return paths.map((path) => {
    const events = path.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.'));
    let consult: PersistedConsult = JSON.parse(JSON.stringify(engine.start()));
    const states = [consult];
    for (const event of events) {
      const r = engine.apply(consult, event);
      if (!r.ok) throw new Error(`engine refused ${JSON.stringify(event)} at ${consult.value}: ${r.reason}`);
      consult = JSON.parse(JSON.stringify(r.next)) as PersistedConsult;
      states.push(consult);
    }
    return { events, states, end: consult };
  });
}
