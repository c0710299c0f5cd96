/** The clinical state reader as the FAQ compiles it (faq-state.yaml, after shorthand expansion), for tests. */
import { loadContent } from '../../src/content/loadContent.js';
import { compileStateReader, type Assertion, type ClinicalState } from '../../src/faq/clinicalState.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { compileShorthand } from '../../src/faq/shorthand.js';

const content = loadContent();
const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
const shorthand = compileShorthand(files.shorthand);

/** The question after shorthand expansion, as the FAQ reads it. */
export const expand = (q: string): string => shorthand.expand(q);

/** The compiled state reader. */
export const reader = compileStateReader(files.state);

/** The full state a question states, roles included. */
export const stateOf = (q: string): ClinicalState => reader.read(shorthand.expand(q));

/** The axes a question states (mri, compression, neuro, mriPossible, contrast) and its conflicts, without the role lists. */
export function axesOf(q: string): Omit<ClinicalState, 'mentioned' | 'affirmed' | 'sought'> {
  const { mentioned: _m, affirmed: _a, sought: _s, ...axes } = stateOf(q);
  return axes;
}

/** What each cue word of a question asserts, in text order, as "role: assertion". */
export function assertionsOf(q: string): string[] {
  return reader.mentions(shorthand.expand(q)).cues.map((c) => `${c.role}: ${c.assertion satisfies Assertion}`);
}
