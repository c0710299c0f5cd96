import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { buildSearchIndex } from '../../src/faq/searchIndex.js';
import { loadSynonyms } from '../../src/faq/synonyms.js';

const content = loadContent();
const index = buildSearchIndex(content.rules.faq.entries, loadSynonyms(content.flow.rules));
/** The index terms a word of a question matched. */
const matched = (word: string) => [...new Set(index.search(word).flatMap((c) => c.matchedTerms))];

describe('buildSearchIndex: fuzzy matching', () => {
  it('takes one edit in a word of five to seven letters, two from eight letters', () => {
    expect(matched('abscesss')).toContain('abscess');
    expect(matched('endplaets')).toContain('endplat');
  });

  it('never takes a third edit, however long the word', () => {
    // "discitisosteomyelitis" (21 letters, the index's term for discitis-osteomyelitis): 0.2 per letter would allow 4.
    expect(matched('diskitisosteomielitis')).toContain('discitisosteomyelitis');
    expect(matched('diskitisosteomielytis')).toEqual([]);
  });

  it('takes no edit in short words and abbreviations ("sea" is not "set")', () => {
    expect(matched('cta')).not.toContain('ct');
  });
});
