import type { FaqPort } from '../../src/faq/faqPort.js';
import { loadContent } from '../../src/content/loadContent.js';
import type { FaqView } from '../../src/flow/viewTypes.js';

const content = loadContent();
const criteria = { name: content.rules.criteria.name, variant: content.rules.criteria.variant, reviewDate: content.rules.criteria.reviewDate };

/** An FAQ port over rules/faq.yaml with exact-phrasing lookup: src/faq/ is another part's; this checks only the web wiring. */
export function phrasingFaq(calls: string[]): FaqPort {
  const answer = (id: string): FaqView | undefined => {
    const e = content.rules.faq.entries.find((x) => x.id === id);
    return e && { kind: 'faq', faqId: e.id, question: e.question, answer: e.answer, section: e.source.section, related: [], criteria };
  };
  return {
    ask(text) {
      calls.push(text);
      const hit = content.rules.faq.entries.find((e) => e.phrasings.includes(text));
      return { view: (hit && answer(hit.id)) ?? { kind: 'faq-none', text: 'Not sure.', suggestions: [{ faqId: 'spine-level', title: 'Spine level' }] } };
    },
    topic: answer,
  };
}

