import type { FaqView } from '../../flow/viewTypes.js';

/** The FAQ search the Slack adapter needs (structural, so any implementation of src/faq fits). */
export interface FaqPort {
  /** Answers free text: a confident answer, an honest "not sure" with topics, or help. */
  ask(text: string): { view: FaqView; match?: { faqId: string; score: number } };
  /** The answer for one topic, when a topic button is pressed; undefined for an unknown id. */
  topic(faqId: string): FaqView | undefined;
}
