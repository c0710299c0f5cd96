/** What the FAQ shows for a question, as transcript tables and scores name it. */
import type { FaqIndex } from '../../src/faq/faqIndex.js';

/** The entry id answered, "decline" for a "not sure", or "help" for the help card. */
export function shownEntry(faq: FaqIndex, q: string): string {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind === 'faq-none' ? 'decline' : 'help';
}
