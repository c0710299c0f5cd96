import { initialTransition } from 'xstate';
import { buildMachine, CANCELLED, type Answer, type ConsultContext, type ConsultEvent, type ConsultMachine } from './buildMachine.js';
import type { Content } from './parseContent.js';
import { buildView, type View } from './buildView.js';
import { buildTransitionTable } from './transitionTable.js';
import { memoiseView } from './viewMemo.js';

/** A consult's machine state as stored: plain JSON, tagged with the flow version it belongs to. */
export interface PersistedConsult {
  flowId: string;
  flowVersion: string;
  value: string;
  context: ConsultContext;
}

/** Where a consult stands. */
export type ConsultStatus = 'active' | 'finished' | 'cancelled';

/** Why an event changed nothing. */
export type Rejection =
  | 'finished' // the consult reached a final outcome
  | 'cancelled'
  | 'not-allowed' // not an event the current state takes (an old button, an unknown option)
  | 'flow-changed'; // stored under another flow version

/** The result of applying one event: the next persisted state, or why nothing changed. */
export type StepResult = { ok: true; next: PersistedConsult } | { ok: false; reason: Rejection };

/** Pure step functions over persisted consults, for one flow. */
export interface FlowEngine {
  readonly content: Content;
  readonly machine: ConsultMachine;
  /** A new consult at the first question. */
  start(): PersistedConsult;
  /** Applies one event; never throws for a bad event, only reports it. */
  apply(consult: PersistedConsult, event: ConsultEvent): StepResult;
  /** Where the consult stands. */
  status(consult: PersistedConsult): ConsultStatus;
  /** The outcome id when the consult shows an outcome, else undefined. */
  outcomeId(consult: PersistedConsult): string | undefined;
  /** The channel-neutral view of the consult; shared and frozen (memoised per state, answers and step). */
  view(consult: PersistedConsult): View;
}

/** Builds the step functions for one validated flow. */
export function createFlowEngine(content: Content): FlowEngine {
  const machine = buildMachine(content);
  const { id: flowId, version: flowVersion } = content.flow;
  const outcomeIds = new Set(content.rules.outcomes.outcomes.map((o) => o.id));
  // The machine is flat, so a consult is finished exactly when its state is a final one.
  const finalStates = new Set(Object.entries(machine.root.states).filter(([, node]) => node.type === 'final').map(([key]) => key));

  const persist = (snapshot: { value: unknown; context: ConsultContext }): PersistedConsult => ({
    flowId,
    flowVersion,
    value: String(snapshot.value),
    context: structuredClone(snapshot.context),
  });
  // A stored state from another flow version (or a damaged row) must never be mixed into this machine.
  const sameFlow = (c: PersistedConsult) =>
    c.flowId === flowId && c.flowVersion === flowVersion && Object.hasOwn(machine.root.states, c.value);
  // The click path looks transitions up instead of interpreting the machine per click. The table
  // fills a row from XState the first time any (state, answers) is met, damaged rows included.
  const table = buildTransitionTable(machine);
  const initial = persist(initialTransition(machine)[0]);
  const view = memoiseView((consult) => buildView(content, consult));

  const engine: FlowEngine = {
    content,
    machine,
    start: () => structuredClone(initial),
    apply(consult, event) {
      if (!sameFlow(consult)) return { ok: false, reason: 'flow-changed' };
      const status = engine.status(consult);
      if (status !== 'active') return { ok: false, reason: status };
      const hit = table.next(consult.value, consult.context.answers, event);
      // The table holds only transitions that move the step on by exactly one: nothing else is applied.
      if (!hit) return { ok: false, reason: 'not-allowed' };
      return { ok: true, next: { flowId, flowVersion, value: hit.value, context: { answers: hit.answers as Answer[], step: consult.context.step + 1 } } };
    },
    status(consult) {
      if (consult.value === CANCELLED) return 'cancelled';
      return sameFlow(consult) && finalStates.has(consult.value) ? 'finished' : 'active';
    },
    outcomeId: (consult) => (outcomeIds.has(consult.value) ? consult.value : undefined),
    view,
  };
  return engine;
}
