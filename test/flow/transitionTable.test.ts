import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { loadContent } from '../../src/content/loadContent.js';
import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import { createFlowEngine, type FlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { buildTransitionTable, stateKey } from '../../src/flow/transitionTable.js';
import { walkAllPaths } from './flowPaths.js';

/** Every event a click can carry for this flow, plus ids the flow does not know. */
function everyEvent(engine: FlowEngine): ConsultEvent[] {
  const { questions } = engine.content.flow;
  return [
    ...questions.flatMap((q) => q.options.map((o): ConsultEvent => ({ type: 'ANSWER', questionId: q.id, optionId: o.id }))),
    ...questions.map((q): ConsultEvent => ({ type: 'CHANGE', questionId: q.id })),
    { type: 'ANSWER', questionId: questions[0].id, optionId: 'no-such-option' },
    { type: 'ANSWER', questionId: 'no-such-question', optionId: 'x' },
    { type: 'CHANGE', questionId: 'no-such-question' },
    { type: 'BACK' }, { type: 'RESTART' }, { type: 'CANCEL' }, { type: 'RECORD_RESULT' },
  ];
}

/** XState's own answer: the next persisted state, or null when the event changes nothing. */
function reference(engine: FlowEngine, from: PersistedConsult, event: ConsultEvent): { value: string; answers: unknown; step: number } | null {
  const snapshot = engine.machine.resolveState({ value: from.value, context: structuredClone(from.context) });
  const [next] = transition(engine.machine, snapshot, event);
  if (next.context.step === from.context.step) return null;
  return { value: String(next.value), answers: next.context.answers, step: next.context.step };
}

/**
 * Checks the table against XState at every state on every simple path (xstate/graph) and at
 * every state one event off those paths (Back, Change, Restart, Cancel), for every event.
 */
function compareEverywhere(engine: FlowEngine) {
  const table = buildTransitionTable(engine.machine);
  const events = everyEvent(engine);
  const paths = walkAllPaths(engine);
  const seen = new Set<string>();
  let compared = 0;
  let accepted = 0;
  const check = (from: PersistedConsult, descend: boolean) => {
    for (const event of events) {
      const want = reference(engine, from, event);
      const got = table.next(from.value, from.context.answers, event);
      const viaEngine = engine.apply(from, event);
      compared++;
      if (want === null) {
        expect(got, `${stateKey(from.value, from.context.answers)} ${JSON.stringify(event)}`).toBeNull();
        if (engine.status(from) === 'active') expect(viaEngine).toEqual({ ok: false, reason: 'not-allowed' });
        continue;
      }
      accepted++;
      expect({ value: got?.value, answers: got?.answers }, `${stateKey(from.value, from.context.answers)} ${JSON.stringify(event)}`)
        .toEqual({ value: want.value, answers: want.answers });
      // The engine refuses every event on a finished or cancelled consult before any lookup.
      if (engine.status(from) !== 'active') {
        expect(viaEngine).toEqual({ ok: false, reason: engine.status(from) });
        continue;
      }
      expect(viaEngine).toEqual({ ok: true, next: { flowId: from.flowId, flowVersion: from.flowVersion, value: want.value, context: { answers: want.answers, step: want.step } } });
      if (descend && viaEngine.ok) check(viaEngine.next, false);
    }
  };
  for (const path of paths) {
    for (const state of path.states) {
      const key = `${stateKey(state.value, state.context.answers)}@${state.context.step}`;
      if (seen.has(key)) continue;
      seen.add(key);
      check(state, true);
    }
  }
  return { paths: paths.length, states: seen.size, compared, accepted, rows: table.size };
}

/**
 * Folders under test/fixtures that hold pathways (a flows/ folder), for the fixture pathways tests
 * install; `broken/` holds pathways that must fail `npm run flow:check`, so it is left out.
 */
function fixtureRoots(dir = join(PROJECT_ROOT, 'test', 'fixtures')): string[] {
  if (!existsSync(dir)) return [];
  const here = existsSync(join(dir, 'flows')) ? [dir] : [];
  const skip = new Set(['flows', 'rules', 'broken']);
  return [...here, ...readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !skip.has(d.name)).flatMap((d) => fixtureRoots(join(dir, d.name)))];
}

const installed = Pathways.load({ roots: fixtureRoots() }).list();

describe('transition table derived from the XState machine', () => {
  it.each(installed.map((p) => [p.id, p.engine] as const))('agrees with XState transition on every simple path of pathway %s, for every event', (id, engine) => {
    const r = compareEverywhere(engine);
    console.log(`transition table (${id}): ${r.paths} simple paths, ${r.states} path states, ${r.compared} (state, event) pairs compared (${r.accepted} accepted), ${r.rows} table rows`);
    expect(r.paths).toBeGreaterThan(1);
    expect(r.accepted).toBeGreaterThan(r.states);
  });

  it('compares states on paths that reach every outcome of the shipped flow', () => {
    const engine = createFlowEngine(loadContent());
    const reached = new Set(walkAllPaths(engine).map((p) => engine.outcomeId(p.end)).filter(Boolean));
    expect(reached).toEqual(new Set(engine.content.rules.outcomes.outcomes.map((o) => o.id)));
  });

  it('hands a state it does not hold back to XState (a stored row with answers no path gives)', () => {
    const engine = createFlowEngine(loadContent());
    const start = engine.start();
    const odd: PersistedConsult = { ...start, context: { answers: [{ questionId: 'not-a-question', optionId: 'x' }], step: 3 } };
    const table = buildTransitionTable(engine.machine);
    const event: ConsultEvent = { type: 'RESTART' };
    expect(engine.apply(odd, event)).toEqual({ ok: true, next: { ...start, context: { answers: [], step: 4 } } });
    expect(table.next(odd.value, odd.context.answers, event)).toEqual({ value: start.value, answers: [] });
  });

  it('never lets one consult edit the answers another consult shares from the table', () => {
    const engine = createFlowEngine(loadContent());
    const q = engine.content.flow.questions.find((x) => x.id === engine.start().value)!;
    const r = engine.apply(engine.start(), { type: 'ANSWER', questionId: q.id, optionId: q.options[0].id });
    if (!r.ok) throw new Error('first answer refused');
    expect(() => (r.next.context.answers as unknown[]).push({})).toThrow(TypeError);
  });
});
