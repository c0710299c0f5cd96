import type { FaqView } from '../../flow/viewTypes.js';

/**
 * What the Teams channel needs from the FAQ (src/faq implements it); structural so this folder
 * does not depend on that module. Optional: without it, free text gets a short help reply.
 */
export interface TeamsFaqPort {
  /** Answers free text; the text must not be logged or stored by the caller or the port. */
  ask(text: string): { view: FaqView; match?: { faqId: string; score: number } };
  /** The answer for one FAQ topic (a tapped topic button), or undefined for an unknown id. */
  topic(faqId: string): FaqView | undefined;
}
