import type { FaqView } from '../flow/viewTypes.js';

/**
 * What channels need from the FAQ: an answer for typed text and the answer for a topic button.
 * Structural, so tests can pass a stand-in through the composition root.
 */
export interface FaqPort {
  /** Answers free text; neither the caller nor the port logs or stores the text. */
  ask(text: string): { view: FaqView; match?: { faqId: string; score: number } };
  /** The answer for one topic id, or undefined for an unknown id. */
  topic(faqId: string): FaqView | undefined;
}
