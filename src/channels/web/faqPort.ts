import type { FaqView } from '../../flow/viewTypes.js';

/**
 * The FAQ search the web channel can use, structurally typed so this channel does not import
 * src/faq/ (another channel-neutral part); it is optional, and the page says so when absent.
 */
export interface FaqPort {
  /** Answers free text; the text is never stored or logged by the caller. */
  ask(text: string): { view: FaqView };
  /** The answer for one topic id, or undefined for an unknown id. */
  topic(faqId: string): FaqView | undefined;
}
