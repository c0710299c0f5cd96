import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import { walkAllPaths } from './flowPaths.js';

const engine = createFlowEngine(loadContent());
const paths = walkAllPaths(engine);
/** Every distinct state the forward paths pass through, with the path that led there. */
const visited = [...new Map(paths.flatMap((p) => p.states.map((s, i) => [JSON.stringify(s), { state: s, before: p.states[i - 1] }] as const))).values()];
const active = visited.filter(({ state }) => engine.status(state) === 'active');
const finished = visited.filter(({ state }) => engine.status(state) === 'finished');

const applied = (consult: PersistedConsult, event: ConsultEvent): PersistedConsult => {
  const r = engine.apply(consult, event);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(event)} at ${consult.value}: ${r.reason}`);
  return r.next;
};
const answers = (c: PersistedConsult) => c.context.answers;

describe('the flow engine moves the step forward on every accepted event', () => {
  // The step is what makes a button drawn earlier stale: if any event could lower it, or leave it,
  // a button from an earlier screen would match the consult again.
  it('by exactly one for Back, Change, Restart and Cancel from every state a consult can be in', () => {
    expect(active.length).toBeGreaterThan(10);
    for (const { state } of active) {
      const events: ConsultEvent[] = [{ type: 'RESTART' }, { type: 'CANCEL' }];
      if (answers(state).length > 0) events.push({ type: 'BACK' }, { type: 'CHANGE', questionId: answers(state)[0].questionId });
      for (const event of events) expect(applied(state, event).context.step, `${event.type} at ${state.value}`).toBe(state.context.step + 1);
    }
  });

  it('by exactly one for every answer and every Record result on every path', () => {
    for (const p of paths) p.states.forEach((s, i) => expect(s.context.step).toBe(i));
  });
});

describe('answers', () => {
  it('each option leads where the flow file says (its "next"), from every question a consult reaches', () => {
    const questions = new Map(engine.content.flow.questions.map((q) => [q.id, q]));
    for (const { state } of active) {
      for (const option of questions.get(state.value)?.options ?? []) {
        expect(applied(state, { type: 'ANSWER', questionId: state.value, optionId: option.id }).value, `${state.value}:${option.id}`).toBe(option.next);
      }
    }
  });
});

describe('Record result', () => {
  it('moves a consult at each outcome the flow continues to that continuation\'s question, keeping the answers', () => {
    expect(engine.content.flow.continuations.length).toBeGreaterThan(0);
    for (const c of engine.content.flow.continuations) {
      const at = visited.filter(({ state }) => state.value === c.outcome);
      expect(at.length, c.outcome).toBeGreaterThan(0);
      for (const { state } of at) {
        expect(applied(state, { type: 'RECORD_RESULT' })).toMatchObject({ value: c.question, context: { answers: answers(state), step: state.context.step + 1 } });
      }
    }
  });
});

describe('Back, Change and Restart', () => {
  it('Back undoes the last step on every path: the previous screen with the previous answers', () => {
    for (const { state, before } of active) {
      if (!before) continue;
      const back = applied(state, { type: 'BACK' });
      expect(back.value, `Back at ${state.value}`).toBe(before.value);
      expect(answers(back)).toEqual(answers(before));
    }
  });

  it('Change goes back to the question and forgets that answer and every later one', () => {
    for (const { state } of active) {
      answers(state).forEach((a, i) => {
        const changed = applied(state, { type: 'CHANGE', questionId: a.questionId });
        expect(changed.value).toBe(a.questionId);
        expect(answers(changed)).toEqual(answers(state).slice(0, i));
      });
    }
  });

  it('Restart goes back to the first question with no answers', () => {
    for (const { state } of active) {
      const restarted = applied(state, { type: 'RESTART' });
      expect(restarted.value).toBe(engine.content.flow.start);
      expect(answers(restarted)).toEqual([]);
    }
  });
});

describe('the flow engine refuses, changing nothing', () => {
  const start = engine.start();
  const answered = applied(start, { type: 'ANSWER', questionId: 'suspicion', optionId: 'yes' });

  it.each<[string, PersistedConsult, ConsultEvent]>([
    ['Back at the first question', start, { type: 'BACK' }],
    ['a change of a question not answered yet', answered, { type: 'CHANGE', questionId: 'neuro' }],
    ['a change of an unknown question', answered, { type: 'CHANGE', questionId: 'nope' }],
    ['an answer to another question than the one shown', answered, { type: 'ANSWER', questionId: 'suspicion', optionId: 'no' }],
    ['an option the question does not have', answered, { type: 'ANSWER', questionId: 'prior_imaging', optionId: 'maybe' }],
    ['Record result on a question', answered, { type: 'RECORD_RESULT' }],
  ])('%s as not allowed', (_name, consult, event) => {
    expect(engine.apply(consult, event)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('any event on a finished consult as finished', () => {
    expect(finished.length).toBeGreaterThan(0);
    for (const { state } of finished) {
      expect(engine.status(state)).toBe('finished');
      for (const event of [{ type: 'RESTART' }, { type: 'BACK' }, { type: 'CANCEL' }] as ConsultEvent[]) {
        expect(engine.apply(state, event)).toEqual({ ok: false, reason: 'finished' });
      }
    }
  });

  it('any event on a cancelled consult as cancelled', () => {
    const cancelled = applied(answered, { type: 'CANCEL' });
    expect(engine.status(cancelled)).toBe('cancelled');
    expect(engine.outcomeId(cancelled)).toBeUndefined();
    expect(engine.apply(cancelled, { type: 'RESTART' })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it.each([
    ['another flow id', { flowId: 'another-flow' }],
    ['another flow version', { flowVersion: 'another-version' }],
    ['a state this flow does not have', { value: 'no-such-state' }],
    ['a state name inherited from Object', { value: 'constructor' }],
  ])('a stored consult with %s as flow-changed, and never calls it finished', (_name, change) => {
    for (const { state } of [...active, ...finished]) {
      const foreign = { ...state, ...change };
      expect(engine.apply(foreign, { type: 'RESTART' })).toEqual({ ok: false, reason: 'flow-changed' });
      expect(engine.status(foreign)).toBe('active');
      if (!('value' in change)) expect(engine.view(foreign)).toMatchObject({ kind: 'notice', notice: 'flow-changed' });
    }
  });
});

describe('a stored consult the flow never produces (a damaged or hand-edited row)', () => {
  // Its state and answers are in no row a real consult fills; the table asks XState for it: same rules.
  const damaged: PersistedConsult = { ...engine.start(), value: 'neuro', context: { answers: [], step: 7 } };

  it('still takes an answer to the question it stands at, moving the step on by one', () => {
    expect(engine.apply(damaged, { type: 'ANSWER', questionId: 'neuro', optionId: 'none' })).toEqual({
      ok: true,
      next: { flowId: damaged.flowId, flowVersion: damaged.flowVersion, value: 'post_op', context: { answers: [{ questionId: 'neuro', optionId: 'none' }], step: 8 } },
    });
  });

  it('refuses Back where no answer leads back, as at a result question reached with no answers', () => {
    expect(engine.apply({ ...damaged, value: 'mri_result' }, { type: 'BACK' })).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('still refuses what that question does not take', () => {
    for (const event of [{ type: 'ANSWER', questionId: 'suspicion', optionId: 'yes' }, { type: 'BACK' }, { type: 'RECORD_RESULT' }] as ConsultEvent[]) {
      expect(engine.apply(damaged, event), event.type).toEqual({ ok: false, reason: 'not-allowed' });
    }
  });
});

describe('outcomes', () => {
  it('names the outcome a consult shows, and none on a question', () => {
    for (const { state } of visited) {
      const isQuestion = engine.content.flow.questions.some((q) => q.id === state.value);
      expect(engine.outcomeId(state)).toBe(isQuestion ? undefined : state.value);
    }
  });
});
