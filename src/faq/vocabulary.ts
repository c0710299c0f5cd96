/** The words a typo may be corrected towards. */
import type { Content } from '../flow/parseContent.js';
import type { FaqRulesFiles } from './faqRulesFiles.js';

/** Every word the FAQ entries and the FAQ's rules files use: what a typo is corrected towards. */
export function vocabularyOf(content: Content, files: FaqRulesFiles): string[] {
  const { state, routing, shorthand } = files;
  return [
    ...content.rules.faq.entries.flatMap((e) => [e.question, e.answer, ...e.phrasings, ...e.tags]),
    ...Object.values(state.triggers).flat(),
    ...state.cues.flatMap((c) => c.terms),
    ...state.composed.flatMap((c) => [...c.first, ...c.second]),
    ...routing.intents.order.phrases,
    ...routing.intents.urgency.phrases,
    ...routing.intents.urgency.unlessAlternative,
    ...routing.intents.urgency.delay,
    ...routing.intents.urgency.whenRisk,
    ...routing.intents.urgency.unlessAbout,
    ...routing.intents.scope.phrases,
    ...routing.intents.scope.excludedCues,
    // Off-topic words must stay as typed: "metastatic" corrected to "metastasis" would hide "metastatic cord compression".
    ...routing.offTopic,
    ...routing.offTopicExcept,
    ...routing.offTopicComposed.flatMap((c) => [...c.first, ...c.second]),
    ...shorthand.expansions.map((e) => e.means),
  ];
}
