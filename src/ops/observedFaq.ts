import type { FaqPort } from '../faq/faqPort.js';
import type { Metrics } from './metrics.js';

/** Wraps the FAQ port so every question is counted as answered, declined (not sure) or help; the text is never kept. */
export function observedFaq(faq: FaqPort, metrics: Metrics): FaqPort {
  return {
    ask(text) {
      const reply = faq.ask(text);
      const result = reply.view.kind === 'faq' ? 'answered' : reply.view.kind === 'faq-none' ? 'declined' : 'help';
      metrics.faqQuestions.inc({ result });
      return reply;
    },
    topic: (faqId) => faq.topic(faqId),
  };
}
