/**
 * Typo tolerance for domain words before the state is read: "compresed" becomes "compressed" and
 * "urgnet" (two letters swapped) "urgent", so a misspelt cue still counts. Uses MiniSearch's SearchableMap (a radix tree with bounded edit
 * distance lookup) over the words the FAQ and its cue lists use; nothing is hand-rolled here.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { rawTokens, stem } from './textAnalysis.js';

/** A compiled corrector. */
export interface SpellingCorrector {
  /** `text` with each unknown word of five letters or more replaced by its one closest known word. */
  correct(text: string): string;
}

/** Edits allowed: one for words of 5-8 letters, two from 9 (short words are too close to each other). */
function maxEdits(word: string): number {
  return word.length >= 9 ? 2 : 1;
}

/** Builds a corrector over `words` (any text; split into words). `ignore` words (or stems) are never corrected. */
export function buildSpellingCorrector(words: Iterable<string>, ignore: ReadonlySet<string>): SpellingCorrector {
  const known = new SearchableMap<true>();
  for (const text of words) for (const t of rawTokens(text)) if (t.lower.length >= 4) known.set(t.lower, true);
  const isKnown = (w: string) => ignore.has(w) || ignore.has(stem(w)) || known.has(w) || known.has(stem(w));
  return {
    correct(text) {
      // A word cut by an apostrophe ("shouldn't", "couldn't") is a contraction, never a typo.
      return text.replace(/\b[A-Za-z]{5,}\b(?!['’])/g, (word) => {
        const lower = word.toLowerCase();
        if (isKnown(lower)) return word;
        // Two letters swapped ("urgnet") is one slip, though Levenshtein counts it as two edits.
        const swapped = new Set<string>();
        for (let i = 0; i + 1 < lower.length; i++) {
          const w = lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
          if (w !== lower && known.has(w)) swapped.add(w);
        }
        if (swapped.size === 1) return [...swapped][0];
        const near = [...known.fuzzyGet(lower, maxEdits(lower))].map(([w, [, d]]) => ({ w, d }));
        if (near.length === 0) return word;
        const best = Math.min(...near.map((n) => n.d));
        const closest = near.filter((n) => n.d === best);
        // Two equally close words: guessing could change the meaning, so leave it as typed.
        return closest.length === 1 ? closest[0].w : word;
      });
    },
  };
}
