/**
 * The learned ranker's training examples: every faq.yaml entry's question and phrasings, and the
 * cases of the question sets given (an entry id, or "decline" for a question to decline), each
 * normalised as the FAQ reads a question.
 */
import type { Content } from '../../src/flow/parseContent.js';
import type { FaqIndex } from '../../src/faq/faqIndex.js';
import { DECLINE_CLASS } from '../../src/faq/learnedRanker.js';
import type { EvalCase } from '../../test/faq/scoreSets.js';
import type { Example } from './trainSoftmax.js';

/** The classes: every entry id in file order, then the decline class. */
export function rankerClasses(content: Content): string[] {
  return [...content.rules.faq.entries.map((e) => e.id), DECLINE_CLASS];
}

/** Examples from faq.yaml and from `sets` (in the order given). */
export function trainingExamples(content: Content, faq: FaqIndex, sets: ReadonlyArray<readonly EvalCase[]>): Example[] {
  const own = content.rules.faq.entries.flatMap((e) => [e.question, ...e.phrasings].map((q) => ({ text: faq.normalise(q), label: e.id })));
  const asked = sets.flat().map((c) => ({ text: faq.normalise(c.q), label: c.expect === 'decline' ? DECLINE_CLASS : c.expect }));
  return [...own, ...asked];
}
