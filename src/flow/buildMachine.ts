import { assign, setup } from 'xstate';
import type { Content } from './parseContent.js';

/** One recorded answer; the list in context is the consult's history, oldest first. */
export interface Answer {
  questionId: string;
  optionId: string;
}

/** The machine's context: the answers so far and a step counter that every accepted event bumps. */
export interface ConsultContext {
  answers: Answer[];
  step: number;
}

/** Everything a clinician can do to a consult. */
export type ConsultEvent =
  | { type: 'ANSWER'; questionId: string; optionId: string }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  | { type: 'CANCEL' }
  | { type: 'CHANGE'; questionId: string }
  | { type: 'RECORD_RESULT' };

/**
 * The ids an event names (ANSWER: question and option; CHANGE: question). A guard or action runs only
 * on the transitions of its own event type (answerIs and recordAnswer on ANSWER, canChange on CHANGE),
 * so none checks the type again.
 */
const idsOf = (event: ConsultEvent) => event as { questionId?: string; optionId?: string };

/** The state a cancelled consult ends in. */
export const CANCELLED = 'cancelled';

/**
 * Builds the consult machine from validated content. States are the question ids, the outcome
 * ids and `cancelled`; outcomes without a continuation are final. Effect-free: assign only.
 */
export function buildMachine(content: Content) {
  const { flow, rules } = content;
  const routeOf = new Map<string, string>();
  const predecessors = new Map<string, Array<{ from: string; viaOutcome: boolean }>>();
  // Two options of one question leading to the same node give that node the same Back transition
  // twice; XState takes the first that passes, so the repeat is harmless.
  const addPred = (node: string, from: string, viaOutcome: boolean) => {
    predecessors.set(node, [...(predecessors.get(node) ?? []), { from, viaOutcome }]);
  };
  for (const q of flow.questions) {
    for (const o of q.options) {
      routeOf.set(`${q.id}:${o.id}`, o.next);
      addPred(o.next, q.id, false);
    }
  }
  const continuation = new Map(flow.continuations.map((c) => [c.outcome, c.question]));
  for (const c of flow.continuations) addPred(c.question, c.outcome, true);

  const m = setup({
    types: {} as { context: ConsultContext; events: ConsultEvent },
    guards: {
      answerIs: ({ event }, p: { questionId: string; optionId: string }) =>
        idsOf(event).questionId === p.questionId && idsOf(event).optionId === p.optionId,
      lastAnswerIs: ({ context }, p: { questionId: string }) => context.answers.at(-1)?.questionId === p.questionId,
      lastAnswerLeadsTo: ({ context }, p: { node: string }) => {
        const last = context.answers.at(-1);
        return !!last && routeOf.get(`${last.questionId}:${last.optionId}`) === p.node;
      },
      canChange: ({ context, event }, p: { questionId: string }) =>
        idsOf(event).questionId === p.questionId && context.answers.some((a) => a.questionId === p.questionId),
    },
    actions: {
      recordAnswer: assign(({ context, event }) => {
        const { questionId, optionId } = idsOf(event) as Answer;
        return { answers: [...context.answers, { questionId, optionId }], step: context.step + 1 };
      }),
      dropLastAnswer: assign(({ context }) => ({ answers: context.answers.slice(0, -1), step: context.step + 1 })),
      dropAnswersFrom: assign(({ context }, p: { questionId: string }) => ({
        answers: context.answers.slice(0, context.answers.findIndex((a) => a.questionId === p.questionId)),
        step: context.step + 1,
      })),
      clearAnswers: assign(({ context }) => ({ answers: [], step: context.step + 1 })),
      bumpStep: assign(({ context }) => ({ step: context.step + 1 })),
    },
  });

  const backTransitions = (node: string) =>
    (predecessors.get(node) ?? []).map(({ from, viaOutcome }) =>
      viaOutcome
        ? { target: from, guard: { type: 'lastAnswerLeadsTo' as const, params: { node: from } }, actions: 'bumpStep' as const }
        : { target: from, guard: { type: 'lastAnswerIs' as const, params: { questionId: from } }, actions: 'dropLastAnswer' as const });

  const states: Record<string, object> = {};
  for (const q of flow.questions) {
    states[q.id] = {
      on: {
        ANSWER: q.options.map((o) => ({
          target: o.next,
          guard: { type: 'answerIs' as const, params: { questionId: q.id, optionId: o.id } },
          actions: 'recordAnswer' as const,
        })),
        BACK: backTransitions(q.id),
      },
    };
  }
  for (const o of rules.outcomes.outcomes) {
    const next = continuation.get(o.id);
    states[o.id] = next
      ? { on: { RECORD_RESULT: { target: next, actions: 'bumpStep' as const }, BACK: backTransitions(o.id) } }
      : { type: 'final' as const };
  }
  // Stryker disable next-line ObjectLiteral: the engine tells a cancelled consult by its state name, before asking XState anything
  states[CANCELLED] = { type: 'final' as const };

  return m.createMachine({
    id: flow.id,
    initial: flow.start,
    context: { answers: [], step: 0 },
    states,
    on: {
      RESTART: { target: `.${flow.start}`, actions: 'clearAnswers' },
      CANCEL: { target: `.${CANCELLED}`, actions: 'bumpStep' },
      CHANGE: flow.questions.map((q) => ({
        target: `.${q.id}`,
        guard: { type: 'canChange' as const, params: { questionId: q.id } },
        actions: { type: 'dropAnswersFrom' as const, params: { questionId: q.id } },
      })),
    },
  });
}

/** The machine type built from content. */
export type ConsultMachine = ReturnType<typeof buildMachine>;
