/** The words a typo may be corrected towards. */
import type { Content } from '../flow/parseContent.js';
import type { FaqRulesFiles } from './faqRulesFiles.js';

/** Every string in a parsed rules value (phrase lists, pairs, composed phrases), at any depth. */
function phrasesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(phrasesIn);
  return value && typeof value === 'object' ? Object.values(value).flatMap(phrasesIn) : [];
}

/**
 * Every word the FAQ entries and the FAQ's rules files match on: what a typo is corrected towards.
 * Whole sections are walked so that a list added to a file is never left out (a word missing here
 * is "corrected" into another before it can match: "hematology" had become "rheumatology").
 * Off-topic words must stay as typed too: "metastatic" corrected to "metastasis" would hide
 * "metastatic cord compression". Prose (offers, the identifier reminder, labels) is not matched on.
 */
export function vocabularyOf(content: Content, files: FaqRulesFiles): string[] {
  const { state, routing, shorthand } = files;
  return [
    ...content.rules.faq.entries.flatMap((e) => [e.question, e.answer, ...e.phrasings, ...e.tags]),
    ...phrasesIn([state.triggers, state.cues.map((c) => c.terms), state.composed.map((c) => [c.first, c.second]), state.shown]),
    ...phrasesIn([routing.intents, routing.offTopic, routing.offTopicNear, routing.offTopicComposed.map((c) => [c.first, c.second]), routing.offTopicExcept, routing.offTopicAfterPositive, routing.otherPopulation]),
    ...shorthand.expansions.map((e) => e.means),
  ];
}
