/** The confidence rule's thresholds, pinned at their boundaries (mutation testing checks these). */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { compileStateReader } from '../../src/faq/clinicalState.js';
import { DEFAULT_CONFIDENCE_RULE, coverage, decide, margin, type ConfidenceRule } from '../../src/faq/confidence.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import type { Candidate } from '../../src/faq/searchIndex.js';

const rule: ConfidenceRule = DEFAULT_CONFIDENCE_RULE;
const cand = (faqId: string, score: number, terms: string[] = ['abscess']): Candidate => ({ faqId, score, matchedTerms: terms, queryTerms: terms });
const domain = (t: string) => t !== 'generic';
const kind = (cs: Candidate[], terms = ['abscess']) => {
  const d = decide(cs, terms, domain, rule);
  return d.kind === 'answer' ? 'answer' : d.reason;
};

describe('confidence rule', () => {
  it('has the chosen thresholds', () => {
    expect(DEFAULT_CONFIDENCE_RULE).toEqual({ minScore: 5, minMargin: 0.1, minCoverage: 0.8, minSuggestScore: 3, minContextCoverage: 0.5, ordinaryWeight: 0.5 });
  });

  it('answers at exactly minScore and declines just below it', () => {
    expect(kind([cand('a', rule.minScore)])).toBe('answer');
    expect(kind([cand('a', rule.minScore - 1e-9)])).toBe('low-score');
  });

  it('answers at exactly minMargin and declines just below it', () => {
    const best = 10;
    expect(kind([cand('a', best), cand('b', best * (1 - rule.minMargin))])).toBe('answer');
    expect(kind([cand('a', best), cand('b', best * (1 - rule.minMargin) + 1e-6)])).toBe('no-margin');
    expect(margin([cand('a', 10)])).toBe(1);
    expect(margin([])).toBe(0);
  });

  it('answers at exactly minCoverage and declines just below it', () => {
    const known = ['t1', 't2', 't3', 't4'];
    // 4 of 5 terms known = 0.8 exactly.
    expect(kind([cand('a', 10, known)], [...known, 'unknown1'])).toBe('answer');
    // 4 of 6 terms known < 0.8.
    expect(kind([cand('a', 10, known)], [...known, 'unknown1', 'unknown2'])).toBe('low-coverage');
    expect(coverage([cand('a', 10, ['x'])], ['x', 'dose'], (t) => t === 'dose')).toBe(1);
    expect(coverage([], [], () => false)).toBe(0);
  });

  it('an unknown everyday word weighs ordinaryWeight, any other unknown word 1', () => {
    const known = ['t1', 't2'];
    const isOrdinary = (t: string) => t.startsWith('everyday');
    const judge = (terms: string[]) => decide([cand('a', 10, known)], terms, domain, rule, () => false, undefined, isOrdinary);
    // 2 known, one everyday word: 2 / (2 + 0.5) = 0.8 exactly.
    expect(coverage([cand('a', 10, known)], [...known, 'everyday1'], () => false, isOrdinary, rule.ordinaryWeight)).toBe(0.8);
    expect(judge([...known, 'everyday1']).kind).toBe('answer');
    expect(judge([...known, 'everyday1', 'everyday2']).kind).toBe('unsure');
    expect(judge([...known, 'rare1']).kind).toBe('unsure');
    // A known word is never weighed as everyday, and without isOrdinary every unknown weighs 1.
    expect(coverage([cand('a', 10, ['everyday1'])], ['everyday1', 'rare1'], () => false, isOrdinary, 0.5)).toBe(0.5);
    expect(coverage([cand('a', 10, known)], [...known, 'everyday1'])).toBeCloseTo(2 / 3);
    expect(coverage([cand('a', 10, known)], [...known, 'everyday1'], () => false, isOrdinary, 0.25)).toBeCloseTo(2 / 2.25);
  });

  it('judges coverage over the `known` candidates when given (every entry, not only those fitting the state)', () => {
    const ranked = [cand('a', 10, ['t1', 't2', 't3', 't4'])];
    const terms = ['t1', 't2', 't3', 't4', 'elsewhere'];
    const everyEntry = [...ranked, cand('z', 1, ['elsewhere'])];
    // 4 of 5 known by the ranked entry alone: exactly minCoverage; one unknown more and it is not.
    expect(kind(ranked, terms)).toBe('answer');
    expect(kind(ranked, [...terms, 'x'])).toBe('low-coverage');
    // The same question, with another entry knowing the extra word, is covered.
    const d = decide(ranked, [...terms, 'x'], domain, rule, () => false, [...everyEntry, cand('y', 1, ['x'])]);
    expect(d.kind).toBe('answer');
    expect(decide(ranked, [...terms, 'x', 'w'], domain, rule, () => false, everyEntry).kind).toBe('unsure');
  });

  it('needs a domain term and suggests only from minSuggestScore up, at most three', () => {
    expect(kind([cand('a', 10, ['generic'])], ['generic'])).toBe('no-domain-term');
    expect(kind([])).toBe('no-match');
    const d = decide([cand('a', 4), cand('b', rule.minSuggestScore), cand('c', rule.minSuggestScore - 1e-9)], ['abscess'], domain, rule);
    expect(d.kind === 'unsure' && d.suggestions.map((c) => c.faqId)).toEqual(['a', 'b']);
    const many = decide([cand('a', 4.9), cand('b', 4.8), cand('c', 4.7), cand('d', 4.6)], ['abscess'], domain, rule);
    expect(many.kind === 'unsure' && many.suggestions.length).toBe(3);
  });
});

describe('context typed before an intent question (minContextCoverage)', () => {
  const faq = createFaqIndex(loadContent());
  it('answers at exactly minContextCoverage of the context sentences and declines just below it', () => {
    expect(DEFAULT_CONFIDENCE_RULE.minContextCoverage).toBe(0.5);
    // Context "endplate zqxw": one known word of two = 0.5; with a third unknown word 1/3 < 0.5.
    expect(faq.ask('endplate zqxw. what should i order').view).toMatchObject({ kind: 'faq', faqId: 'recommendation' });
    expect(faq.ask('endplate zqxw qvzk. what should i order').view.kind).toBe('faq-none');
    // A risk factor is not one of the FAQ's subjects: at 0.5 with only "febrile" known, declined.
    expect(faq.ask('febrile zqxw. what should i order').view.kind).toBe('faq-none');
    // The question sentence itself is still held to minCoverage.
    expect(faq.ask('febrile. what should i order for the zqxw').view.kind).toBe('faq-none');
  });
});

describe('NegEx window (faq-state.yaml window)', () => {
  const content = loadContent();
  const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
  const reader = compileStateReader(files.state);
  const filler = (n: number) => Array.from({ length: n }, () => 'small').join(' ');

  it('negates a cue exactly `window` words after a pre-trigger and not one word further', () => {
    expect(files.state.window).toBe(6);
    // "no", then `window` filler words, then the cue: still in scope; one word more and it is not.
    expect(reader.read(`mri: no ${filler(files.state.window)} abscess`).mri).toBe('negative');
    expect(reader.read(`mri: no ${filler(files.state.window + 1)} abscess`).mri).toBe('positive');
  });
});

describe('confidence rule: what counts', () => {
  it('takes a candidate as related when any one of its matched words is a domain term', () => {
    expect(kind([cand('a', 10, ['generic', 'abscess'])], ['generic', 'abscess'])).toBe('answer');
    expect(kind([cand('a', 10, ['generic'])], ['generic'])).toBe('no-domain-term');
  });

  it('gives the runners-up without the best', () => {
    const d = decide([cand('a', 10), cand('b', 5), cand('c', 1)], ['abscess'], domain, rule);
    expect(d.kind === 'answer' && [d.best.faqId, d.runnersUp.map((c) => c.faqId)]).toEqual(['a', ['b', 'c']]);
  });

  it('counts a generic word a candidate matched neither for nor against coverage', () => {
    const isGeneric = (t: string) => t === 'dose';
    expect(coverage([cand('a', 10, ['abscess', 'dose'])], ['abscess', 'dose', 'appendicitis'], isGeneric)).toBe(0.5);
    expect(coverage([cand('a', 10, ['abscess', 'dose'])], ['abscess', 'appendicitis'])).toBe(0.5);
    expect(coverage([], ['dose'], isGeneric)).toBe(0);
  });

  it('weighs an unknown everyday word by ordinaryWeight, any other unknown word fully, and by default every unknown word fully', () => {
    const isOrdinary = (t: string) => t === 'faster';
    expect(coverage([cand('a', 10, ['abscess'])], ['abscess', 'faster'], undefined, isOrdinary, 0.5)).toBeCloseTo(1 / 1.5);
    expect(coverage([cand('a', 10, ['abscess'])], ['abscess', 'faster'])).toBe(0.5);
    expect(coverage([cand('a', 10, ['abscess'])], ['abscess', 'faster'], undefined, undefined, 0.5)).toBe(0.5);
  });

  it('gives a best score of zero or less no lead to measure: margin 1', () => {
    expect(margin([cand('a', 0), cand('b', 0)])).toBe(1);
    expect(margin([cand('a', 10), cand('b', 10)])).toBe(0);
  });
});
