import type { FlowEngine, PersistedConsult } from '../../flow/engine.js';
import type { ConsultEvent } from '../../flow/buildMachine.js';

/** A usage error in --answers: printed on stderr, exit code 2. */
export class AnswersError extends Error {
  override name = 'AnswersError';
}

/** Parses `q=o,q2=o2` into ordered pairs, rejecting unknown questions and options with a clear message. */
export function parseAnswers(engine: FlowEngine, spec: string): Map<string, string> {
  const answers = new Map<string, string>();
  const questions = engine.content.flow.questions;
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [q, o, ...rest] = part.split('=').map((s) => s.trim());
    if (!q || !o || rest.length) throw new AnswersError(`"${part}" is not question=option`);
    const question = questions.find((x) => x.id === q);
    if (!question) throw new AnswersError(`unknown question "${q}"; questions: ${questions.map((x) => x.id).join(', ')}`);
    if (!question.options.some((x) => x.id === o)) {
      throw new AnswersError(`unknown option "${o}" for ${q}; options: ${question.options.map((x) => x.id).join(', ')}`);
    }
    if (answers.has(q)) throw new AnswersError(`${q} is answered twice`);
    answers.set(q, o);
  }
  return answers;
}

/** A scripted consult's end, and the given answers its path never asked (reported, not used). */
export interface ScriptedResult {
  consult: PersistedConsult;
  notAsked: string[];
}

/**
 * Runs a consult from given answers without prompts: answers each question the flow reaches, and
 * continues past an outcome that takes a result when the result is among the answers. Answers to
 * questions this path skips (e.g. the region once MRI is contraindicated) are returned, not used.
 */
export function runScripted(engine: FlowEngine, answers: Map<string, string>): ScriptedResult {
  let consult = engine.start();
  const used = new Set<string>();
  const step = (event: ConsultEvent) => {
    const r = engine.apply(consult, event);
    if (!r.ok) throw new AnswersError(`the consult did not accept ${JSON.stringify(event)} (${r.reason})`);
    consult = r.next;
  };
  for (;;) {
    const view = engine.view(consult);
    if (view.kind === 'question') {
      const option = answers.get(view.question.id);
      if (option === undefined) {
        throw new AnswersError(`no answer for ${view.question.id} ("${view.question.prompt}"); options: ${view.question.options.map((o) => o.id).join(', ')}`);
      }
      used.add(view.question.id);
      step({ type: 'ANSWER', questionId: view.question.id, optionId: option });
    } else if (view.kind === 'outcome' && view.controls.recordResult && [...answers.keys()].some((q) => !used.has(q) && isAfter(engine, consult.value, q))) {
      step({ type: 'RECORD_RESULT' });
    } else break;
  }
  return { consult, notAsked: [...answers.keys()].filter((q) => !used.has(q)) };
}

/** Whether question `q` comes after the continuation of outcome `outcome` (so answering it means recording a result). */
function isAfter(engine: FlowEngine, outcome: string, q: string): boolean {
  const { flow } = engine.content;
  const start = flow.continuations.find((c) => c.outcome === outcome)?.question;
  if (!start) return false;
  const order = flow.questions.map((x) => x.id);
  return order.indexOf(q) >= order.indexOf(start);
}
