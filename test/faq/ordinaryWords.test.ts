/** Everyday words (SUBTLEX-US frequency list, shipped in a package) minus synonyms.yaml subjectWords. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { ORDINARY_TOP, ordinaryWords } from '../../src/faq/ordinaryWords.js';
import { loadSynonyms } from '../../src/faq/synonyms.js';
import { stem } from '../../src/faq/textAnalysis.js';

const content = loadContent();
const synonyms = loadSynonyms(content.flow.rules);
const ordinary = ordinaryWords(synonyms.subjectWords);
const faq = createFaqIndex(content);
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind;
};

describe('everyday words', () => {
  it('are frequent spoken words, as stems, minus the words that name a subject', () => {
    for (const w of ['faster', 'danger', 'once', 'offer', 'reason', 'below']) expect(ordinary, w).toContain(stem(w));
    // Subject words stay subjects however common they are; rare words are never everyday.
    for (const w of ['knee', 'heart', 'kidney', 'pregnant', 'cost', 'insurance', 'appendicitis', 'pneumonia']) expect(ordinary, w).not.toContain(stem(w));
    expect(ordinary.size).toBeGreaterThan(ORDINARY_TOP / 2);
    expect(ordinary.size).toBeLessThanOrEqual(ORDINARY_TOP);
  });

  it('an everyday word around a clear question does not make the bot decline; a subject word does', () => {
    expect(shown('why not just ct w contrast, its faster')).toBe('ct-with-contrast');
    expect(shown('whats the danger of putting off the mri for a few days')).toBe('pitfall-delay');
    expect(shown('how much does a spine mri cost')).toBe('faq-none');
    expect(shown('mri of the knee for infection')).toBe('faq-none');
    expect(shown('is a contrast mri safe when pregnant')).toBe('faq-none');
  });
});
