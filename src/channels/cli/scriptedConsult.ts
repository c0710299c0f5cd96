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

/**
 * Runs a consult from given answers without prompts: answers each question the flow reaches, and
 * continues past an outcome that takes a result when the result is among the answers.
 */
export function runScripted(engine: FlowEngine, answers: Map<string, string>): PersistedConsult {
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
    } else if (view.kind === 'outcome' && view.controls.recordResult && [...answers.keys()].some((q) => !used.has(q))) {
      step({ type: 'RECORD_RESULT' });
    } else break;
  }
  const unreached = [...answers.keys()].filter((q) => !used.has(q));
  if (unreached.length) {
    throw new AnswersError(`the flow never reaches ${unreached.join(', ')} with these answers (it ended at "${consult.value}")`);
  }
  return consult;
}
