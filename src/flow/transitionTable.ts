import { transition } from 'xstate';
import type { Answer, ConsultContext, ConsultEvent, ConsultMachine } from './buildMachine.js';

/** Where a transition leads: the next state and answers; the step counter always moves on by one. */
export interface TableEntry {
  readonly value: string;
  /** Frozen and shared between consults: every accepted event builds a new list, none edits one. */
  readonly answers: readonly Answer[];
}

/** A machine's click path as lookups: (state, answers) -> event -> next (state, answers). */
export interface TransitionTable {
  /** The next state for `event`; null when the machine refuses it; undefined when the state is not in the table. */
  next(value: string, answers: readonly Answer[], event: ConsultEvent): TableEntry | null | undefined;
  /** How many (state, answers) rows the table holds. */
  readonly size: number;
}

/** Key of a state row: the guards and actions read only the state and the answers, never the step. */
export function stateKey(value: string, answers: readonly Answer[]): string {
  let key = value;
  for (const a of answers) key += `|${a.questionId}=${a.optionId}`;
  return key;
}

/** Key of an event in a row. */
export function eventKey(event: ConsultEvent): string {
  switch (event.type) {
    case 'ANSWER': return `ANSWER:${event.questionId}:${event.optionId}`;
    case 'CHANGE': return `CHANGE:${event.questionId}`;
    default: return event.type;
  }
}

type Guard = { type?: string; params?: Record<string, string> } | undefined;

/**
 * The events a state could possibly take, read off the machine's own transition definitions
 * (answer and change guards name their ids in params); any other event cannot pass a guard.
 */
function candidateEvents(machine: ConsultMachine, value: string): ConsultEvent[] {
  const out: ConsultEvent[] = [];
  for (const node of [machine.root, machine.root.states[value]]) {
    for (const [type, list] of node?.transitions ?? []) {
      for (const t of list) {
        const p = (t.guard as Guard)?.params;
        if (type === 'ANSWER' && p) out.push({ type, questionId: p.questionId, optionId: p.optionId });
        else if (type === 'CHANGE' && p) out.push({ type, questionId: p.questionId });
        else if (type === 'BACK' || type === 'RESTART' || type === 'CANCEL' || type === 'RECORD_RESULT') out.push({ type });
      }
    }
  }
  return out;
}

/** Rows beyond this (only damaged or hand-made states could get there) go to XState uncached. */
const MAX_ROWS = 10_000;

/**
 * Derives the table from the machine: each (state, answers) row is filled by running XState's own
 * `transition` for every event the state could take, the first time a consult stands there
 * (filling all ~160 rows of the shipped flow up front cost ~200 ms of start-up). XState stays the
 * model: the table only replays what it answered, and test/flow/transitionTable.test.ts checks
 * both agree on every simple path and every event.
 */
export function buildTransitionTable(machine: ConsultMachine): TransitionTable {
  const rows = new Map<string, Map<string, TableEntry> | null>();

  const fill = (value: string, answers: readonly Answer[]): Map<string, TableEntry> | null => {
    if (!Object.hasOwn(machine.root.states, value)) return null;
    const row = new Map<string, TableEntry>();
    const context: ConsultContext = { answers: answers.map((a) => ({ ...a })), step: 0 };
    for (const event of candidateEvents(machine, value)) {
      const [next] = transition(machine, machine.resolveState({ value, context: structuredClone(context) }), event);
      if (next.context.step === 0) continue; // refused: every accepted event bumps the step
      // A table entry moves the step by exactly one; an action doing otherwise is not table material.
      if (next.context.step !== 1) return null;
      row.set(eventKey(event), Object.freeze({
        value: String(next.value),
        answers: Object.freeze(next.context.answers.map((a) => Object.freeze({ questionId: a.questionId, optionId: a.optionId }))),
      }));
    }
    return row;
  };

  return {
    get size() { return rows.size; },
    next(value, answers, event) {
      const key = stateKey(value, answers);
      let row = rows.get(key);
      if (row === undefined) {
        row = fill(value, answers);
        if (rows.size < MAX_ROWS) rows.set(key, row);
      }
      if (!row) return undefined;
      return row.get(eventKey(event)) ?? null;
    },
  };
}
