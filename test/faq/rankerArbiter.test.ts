/**
 * Where the learned ranker may change the search's decision (rankerArbiter.ts), and the safety
 * layer around it: whatever a ranker prefers, an answer fits the stated clinical state, an answer
 * an intent routed stands, and a conflict or an off-topic subject still declines.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { DECLINE_CLASS, type LearnedRanker, type RankerWeights } from '../../src/faq/learnedRanker.js';
import { DEFAULT_ARBITER_RULE, arbitrate, type SearchOutcome } from '../../src/faq/rankerArbiter.js';
import { fits, namesSubject } from '../../src/faq/stateFit.js';
import { rankerTuningSets } from '../../scripts/faqRanker/tuningSets.js';

/** A ranker giving fixed scores, renormalised over the allowed classes as the real one does. */
const fixed = (scores: Record<string, number>): LearnedRanker => ({
  classes: Object.keys(scores),
  probabilities(_text, allowed = () => true) {
    const kept = Object.entries(scores).filter(([c]) => allowed(c));
    const sum = kept.reduce((n, [, v]) => n + v, 0);
    return new Map(Object.keys(scores).map((c) => [c, allowed(c) && sum > 0 ? scores[c] / sum : 0]));
  },
});
const outcome = (o: Partial<SearchOutcome>): SearchOutcome => ({ everydayGapOnly: true, candidates: ['a', 'b', 'c', 'd', 'e', 'f'], ...o });

describe('arbitrate: a search answer', () => {
  it('is kept when the ranker agrees, or is not sure enough of another', () => {
    expect(arbitrate(fixed({ a: 0.9, b: 0.1, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.35, b: 0.65, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'keep' });
  });

  it('is swapped for one of the first candidates the ranker is sure of', () => {
    expect(arbitrate(fixed({ a: 0.1, c: 0.85, [DECLINE_CLASS]: 0.05 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'answer', faqId: 'c', how: 'swap' });
  });

  it('is declined, offering both, when the ranker prefers a candidate beyond the first five or is less sure', () => {
    expect(arbitrate(fixed({ a: 0.1, f: 0.9, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a', 'f'] });
    // Not sure enough of b to swap (below weakSwap), while giving a too little support to keep it.
    expect(arbitrate(fixed({ a: 0.15, b: 0.55, [DECLINE_CLASS]: 0.3 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a', 'b'] });
    // Sure enough to swap at the round-9 threshold (0.7).
    expect(arbitrate(fixed({ a: 0.25, b: 0.75, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'answer', faqId: 'b', how: 'swap' });
  });

  it('is declined when the ranker is sure the question is not the FAQ\'s', () => {
    expect(arbitrate(fixed({ a: 0.2, [DECLINE_CLASS]: 0.8 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a'] });
  });

  it('never moves to an entry that is not a candidate (one the stated state rules out)', () => {
    expect(arbitrate(fixed({ a: 0.01, x: 0.99, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'keep' });
  });
});

describe('arbitrate: an answer the ranker gives almost no chance (support)', () => {
  it('is replaced by one of the first candidates the ranker is fairly sure of', () => {
    expect(arbitrate(fixed({ a: 0.1, b: 0.65, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'answer', faqId: 'b', how: 'swap' });
  });

  it('is declined, offering both, when the ranker is less sure of its own choice or it is not among the first candidates', () => {
    expect(arbitrate(fixed({ a: 0.1, b: 0.5, [DECLINE_CLASS]: 0.4 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a', 'b'] });
    expect(arbitrate(fixed({ a: 0.1, f: 0.65, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a', 'f'] });
    expect(arbitrate(fixed({ a: 0.1, b: 0.3, [DECLINE_CLASS]: 0.6 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a'] });
  });

  it('is kept from the support threshold up', () => {
    expect(arbitrate(fixed({ a: 0.25, b: 0.5, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.15, b: 0.5, [DECLINE_CLASS]: 0.35 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'decline', offer: ['a', 'b'] });
  });

  it('a ranker choice fifth in the search\'s order may replace it; sixth may not', () => {
    expect(arbitrate(fixed({ a: 0.1, e: 0.65, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ answer: 'a' }))).toEqual({ kind: 'answer', faqId: 'e', how: 'swap' });
  });

  it('routed: never vetoed or replaced; held back ("not sure", both offered) only below the routed support threshold', () => {
    expect(arbitrate(fixed({ a: 0.2, c: 0.8, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.1, c: 0.7, [DECLINE_CLASS]: 0.2 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.04, c: 0.76, [DECLINE_CLASS]: 0.2 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'decline', offer: ['a', 'c'] });
  });

  it('routed: a question the ranker merely finds unfamiliar keeps its route; one it is sure is not the FAQ\'s is held back', () => {
    expect(arbitrate(fixed({ a: 0.04, b: 0.3, [DECLINE_CLASS]: 0.66 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.04, b: 0.16, [DECLINE_CLASS]: 0.8 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'decline', offer: ['a'] });
    expect(arbitrate(fixed({ a: 0.25, [DECLINE_CLASS]: 0.75 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'decline', offer: ['a'] });
    expect(arbitrate(fixed({ a: 0.35, [DECLINE_CLASS]: 0.65 }), 'q', outcome({ answer: 'a', routed: true }))).toEqual({ kind: 'keep' });
  });

  it('a routed entry the search did not find is judged on its own probability', () => {
    expect(arbitrate(fixed({ x: 0.5, b: 0.5, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'x', routed: true }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ x: 0.02, b: 0.9, [DECLINE_CLASS]: 0.08 }), 'q', outcome({ answer: 'x', routed: true }))).toEqual({ kind: 'decline', offer: ['x', 'b'] });
  });
});

describe('arbitrate: a search decline', () => {
  it.each(['no-margin', 'low-score', 'low-coverage'] as const)('for %s is answered with a first candidate the ranker is sure of', (reason) => {
    expect(arbitrate(fixed({ b: 0.7, a: 0.2, [DECLINE_CLASS]: 0.1 }), 'q', outcome({ reason }))).toEqual({ kind: 'answer', faqId: 'b', how: 'rescue' });
  });

  it('for low coverage stays declined when a word the FAQ does not know names a subject', () => {
    expect(arbitrate(fixed({ b: 0.9, [DECLINE_CLASS]: 0.1 }), 'q', outcome({ reason: 'low-coverage', everydayGapOnly: false }))).toEqual({ kind: 'keep' });
  });

  it.each(['conflict', 'off-topic', 'no-domain-term', 'no-match'] as const)('for %s is never overruled', (reason) => {
    expect(arbitrate(fixed({ b: 0.99, [DECLINE_CLASS]: 0.01 }), 'q', outcome({ reason }))).toEqual({ kind: 'keep' });
  });

  it('stays declined below the rescue threshold, beyond the first candidates, or when the ranker declines too', () => {
    expect(arbitrate(fixed({ b: 0.45, a: 0.3, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ reason: 'no-margin' }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ f: 0.9, [DECLINE_CLASS]: 0.1 }), 'q', outcome({ reason: 'no-margin' }))).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ b: 0.3, [DECLINE_CLASS]: 0.7 }), 'q', outcome({ reason: 'no-margin' }))).toEqual({ kind: 'keep' });
  });

  it('for a near tie or a low score is rescued even when a word the FAQ does not know names a subject (that bars only a low-coverage rescue)', () => {
    for (const reason of ['no-margin', 'low-score'] as const) {
      expect(arbitrate(fixed({ b: 0.9, [DECLINE_CLASS]: 0.1 }), 'q', outcome({ reason, everydayGapOnly: false }))).toEqual({ kind: 'answer', faqId: 'b', how: 'rescue' });
    }
  });

  it('is rescued when the ranker is exactly as sure as the rescue threshold', () => {
    expect(arbitrate(fixed({ b: 0.5, a: 0.25, [DECLINE_CLASS]: 0.25 }), 'q', outcome({ reason: 'no-margin' }))).toEqual({ kind: 'answer', faqId: 'b', how: 'rescue' });
  });

  it('uses the thresholds it is given', () => {
    const rule = { ...DEFAULT_ARBITER_RULE, rescue: 0.95 };
    expect(arbitrate(fixed({ b: 0.9, [DECLINE_CLASS]: 0.1 }), 'q', outcome({ reason: 'no-margin' }), rule)).toEqual({ kind: 'keep' });
  });
});

describe('arbitrate: thresholds are inclusive, ties go to the search\'s order', () => {
  /** Thresholds that probabilities of a few terms hit exactly (binary fractions). */
  const rule = { veto: 0.625, swap: 0.75, rescue: 0.5, topK: 3, support: 0.125, weakSwap: 0.5, routedSupport: 0.0625 };

  it('swaps when the ranker is exactly as sure as the swap threshold', () => {
    expect(arbitrate(fixed({ a: 0.25, c: 0.75, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }), rule)).toEqual({ kind: 'answer', faqId: 'c', how: 'swap' });
  });

  it('vetoes when the ranker is exactly as sure as the veto threshold', () => {
    expect(arbitrate(fixed({ a: 0.375, d: 0.625, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a' }), rule)).toEqual({ kind: 'decline', offer: ['a', 'd'] });
  });

  it('between two candidates the ranker holds equally sure, picks the one the search ranked first', () => {
    expect(arbitrate(fixed({ c: 0.4375, b: 0.4375, [DECLINE_CLASS]: 0.125 }), 'q', outcome({ reason: 'low-score' }), { ...rule, rescue: 0.4 })).toEqual({ kind: 'answer', faqId: 'b', how: 'rescue' });
  });

  it('keeps a routed answer the ranker gives exactly the routed support threshold', () => {
    expect(arbitrate(fixed({ a: 0.0625, b: 0.9375, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a', routed: true }), rule)).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.03125, b: 0.96875, [DECLINE_CLASS]: 0 }), 'q', outcome({ answer: 'a', routed: true }), rule)).toEqual({ kind: 'decline', offer: ['a', 'b'] });
  });

  it('keeps an answer the ranker gives exactly the support threshold; swaps at exactly the weak-swap threshold', () => {
    expect(arbitrate(fixed({ a: 0.125, b: 0.5, [DECLINE_CLASS]: 0.375 }), 'q', outcome({ answer: 'a' }), rule)).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.0625, b: 0.5, [DECLINE_CLASS]: 0.4375 }), 'q', outcome({ answer: 'a' }), rule)).toEqual({ kind: 'answer', faqId: 'b', how: 'swap' });
  });

  it('between a candidate and declining, held equally sure, declines', () => {
    expect(arbitrate(fixed({ b: 0.5, [DECLINE_CLASS]: 0.5 }), 'q', outcome({ reason: 'no-margin' }), rule)).toEqual({ kind: 'keep' });
    expect(arbitrate(fixed({ a: 0.25, b: 0.375, [DECLINE_CLASS]: 0.375 }), 'q', outcome({ answer: 'a' }), { ...rule, veto: 0.375 })).toEqual({ kind: 'decline', offer: ['a'] });
  });
});

describe('the safety layer holds whatever the ranker prefers', () => {
  const content = loadContent();
  const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
  const classes = [...content.rules.faq.entries.map((e) => e.id), DECLINE_CLASS];
  /** A ranker sure of `favourite` for every question. */
  const hostile = (favourite: string): RankerWeights => ({ schemaVersion: 1, trainedOn: [], classes, bias: classes.map((c) => (c === favourite ? 30 : 0)), weights: {} });
  const questions = rankerTuningSets().flatMap((s) => s.cases.map((c) => c.q));

  it.each(['after-mri-negative', 'after-mri-positive', 'cord-compression-emergency', 'urgency-neuro-intact', 'mri-contraindication'])(
    'a ranker always preferring %s never gets an answer that does not fit the stated state, nor one where the rules conflict or decline as off-topic',
    (favourite) => {
      const faq = createFaqIndex(content, { ranker: hostile(favourite) });
      const rulesOnly = createFaqIndex(content, { ranker: null });
      for (const q of questions) {
        const r = faq.ask(q);
        const before = rulesOnly.ask(q);
        if (r.view.kind === 'faq') expect(fits(files.state.entries[r.view.faqId], r.state!), q).toBe(true);
        if (r.learned) expect(namesSubject(files.state.entries[r.view.kind === 'faq' ? r.view.faqId : ''], r.state!), q).toBe(true);
        if (before.unsure === 'conflict' || before.unsure === 'off-topic') expect(r.view.kind, q).toBe('faq-none');
        // A route stands or the ranker holds it back ("not sure"), never replaces it; an escalation always stands.
        const routedTo = before.view.kind === 'faq' ? before.view.faqId : '';
        if (before.intent && files.routing.alwaysAnswer.includes(routedTo)) expect(r, q).toEqual(before);
        else if (before.intent && r.learned === undefined) expect(r, q).toEqual(before);
        else if (before.intent) expect([r.learned, r.view.kind], q).toEqual(['veto', 'faq-none']);
      }
    },
    // Every question of every tuning set, asked twice per favourite.
    120_000,
  );

  it('no FAQ entry is named as the ranker\'s decline class, so declining is never mistaken for an entry', () => {
    expect(content.rules.faq.entries.map((e) => e.id)).not.toContain(DECLINE_CLASS);
  });

  it('a route the ranker gives almost no chance is held back, but never an escalation', () => {
    const doubting = createFaqIndex(content, { ranker: hostile(DECLINE_CLASS) });
    const rulesOnly = createFaqIndex(content, { ranker: null });
    const positive = 'MRI shows L2-3 discitis, no abscess. next steps?';
    expect(rulesOnly.ask(positive)).toMatchObject({ intent: 'result', match: { faqId: 'after-mri-positive' } });
    expect(doubting.ask(positive)).toMatchObject({ learned: 'veto', unsure: 'no-margin', view: { kind: 'faq-none' } });
    expect(doubting.ask(positive).view).toMatchObject({ suggestions: [expect.objectContaining({ faqId: 'after-mri-positive' })] });
    const emergency = 'MRI: large epidural abscess compressing the cord at T6. what now';
    expect(rulesOnly.ask(emergency)).toMatchObject({ intent: 'result', match: { faqId: 'cord-compression-emergency' } });
    expect(doubting.ask(emergency)).toEqual(rulesOnly.ask(emergency));
    const excluded = 'no xray or CT yet, what should I order?';
    expect(rulesOnly.ask(excluded)).toMatchObject({ intent: 'scope', match: { faqId: 'exclusions' } });
    expect(doubting.ask(excluded)).toEqual(rulesOnly.ask(excluded));
    const deficit = 'abnormal xray, suspected discitis, new leg weakness since this morning. can the MRI wait until tomorrow?';
    expect(rulesOnly.ask(deficit)).toMatchObject({ intent: 'urgency', match: { faqId: 'pitfall-delay' } });
    expect(doubting.ask(deficit)).toEqual(rulesOnly.ask(deficit));
  });

  it('says what it changed', () => {
    const faq = createFaqIndex(content, { ranker: hostile(DECLINE_CLASS) });
    const r = faq.ask('why is a bone scan not recommended');
    expect(r).toMatchObject({ learned: 'veto', unsure: 'no-margin' });
    expect(r.view.kind).toBe('faq-none');
  });
});
