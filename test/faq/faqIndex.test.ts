/** Behaviour of the FAQ service: help for small talk, typos, confidence, views and privacy. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';


const content = loadContent();
const faq = createFaqIndex(content);

describe('createFaqIndex', () => {
  it.each(['hi', 'Hello!', 'thanks', 'thank you so much', 'help', '?', '  '])('replies with help to %j', (text) => {
    const { view, match } = faq.ask(text);
    expect(view.kind).toBe('help');
    expect(match).toBeUndefined();
    if (view.kind !== 'help') return;
    expect(view.criteria).toEqual({
      name: content.rules.criteria.name,
      variant: content.rules.criteria.variant,
      reviewDate: content.rules.criteria.reviewDate,
    });
    expect(view.disclaimer).toBe(content.rules.criteria.disclaimer);
    const all = view.paragraphs.join(' ');
    expect(all).toMatch(/\/spine-consult/);
    expect(all).toMatch(/patient identifiers/);
    expect(all).toContain(content.rules.criteria.reviewDate);
  });

  it('answers a question that starts with a greeting instead of replying with help', () => {
    expect(faq.ask('hi, pacemaker what now').view).toMatchObject({ kind: 'faq', faqId: 'mri-contraindication' });
  });

  it.each([
    ['sclerotik endplaets on ct', 'sclerotic-endplates'],
    ['pacemakr cant have mri', 'mri-contraindication'],
    ['gadolinum why', 'why-mri-with-contrast'],
    ['epidurl absces', 'ddx-epidural-abscess'],
  ])('still matches with a typo: %j', (text, id) => {
    const { view, match } = faq.ask(text);
    expect(view).toMatchObject({ kind: 'faq', faqId: id });
    expect(match?.faqId).toBe(id);
  });

  it('folds abbreviations through synonyms.yaml (IVDU, abx, SEA, DO)', () => {
    expect(faq.ask('SEA compressing the cord').view).toMatchObject({ kind: 'faq', faqId: 'cord-compression-emergency' });
    expect(faq.ask('admit for abx after positive mri').view).toMatchObject({ kind: 'faq', faqId: 'after-mri-positive' });
    // "do" is a verb; only "DO" in capitals means discitis-osteomyelitis.
    expect(faq.rank('what is DO', 1)[0]?.faqId).toBe('ddx-discitis-osteomyelitis');
    expect(faq.ask('what do i do').view.kind).not.toBe('faq');
  });

  it('gives an answer view built only from the entry, with up to 3 related topics', () => {
    const { view, match } = faq.ask('can the mri wait till monday');
    expect(view.kind).toBe('faq');
    if (view.kind !== 'faq') return;
    const entry = content.rules.faq.entries.find((e) => e.id === view.faqId)!;
    expect(view.question).toBe(entry.question);
    expect(view.answer).toBe(entry.answer);
    expect(view.section).toBe(entry.source.section);
    expect(view.related.length).toBeGreaterThan(0);
    expect(view.related.length).toBeLessThanOrEqual(3);
    expect(view.related.map((r) => r.faqId)).not.toContain(view.faqId);
    expect(match).toEqual({ faqId: view.faqId, score: expect.any(Number) });
    expect(Object.keys(match!).sort()).toEqual(['faqId', 'score']);
  });

  it('never puts the question text in the reply', () => {
    const text = 'zebra1234 pacemaker what now';
    const reply = faq.ask(text);
    expect(JSON.stringify(reply)).not.toContain('zebra1234');
    expect(JSON.stringify(faq.ask('zebra1234 unicorn'))).not.toContain('zebra1234');
  });

  it('declines off-topic text with the general topics', () => {
    const { view, match } = faq.ask('how do I reset my password?');
    expect(match).toBeUndefined();
    expect(view.kind).toBe('faq-none');
    if (view.kind !== 'faq-none') return;
    expect(view.suggestions.map((s) => s.faqId)).toEqual(['recommendation', 'inclusion-criteria', 'exclusions']);
  });

  it('is honest about a near tie and offers the close topics, not the general ones', () => {
    const tieBreaking = createFaqIndex(content, { rule: { minMargin: 0.99 }, ranker: null });
    const { view, unsure } = tieBreaking.ask('sclerotic endplates on ct still need mri?');
    expect(view.kind).toBe('faq-none');
    expect(unsure).toBe('no-margin');
    if (view.kind !== 'faq-none') return;
    expect(view.suggestions.length).toBeLessThanOrEqual(3);
    expect(view.suggestions.map((s) => s.faqId)).toContain('sclerotic-endplates');
  });

  it('with the shipped learned ranker, a near tie the ranker is sure of is answered (and says so)', () => {
    const tieBreaking = createFaqIndex(content, { rule: { minMargin: 0.99 } });
    expect(tieBreaking.ask('sclerotic endplates on ct still need mri?')).toMatchObject({ view: { kind: 'faq', faqId: 'sclerotic-endplates' }, learned: 'rescue' });
  });

  it('declines a question about another condition that shares a word with the FAQ', () => {
    for (const q of ['best imaging for appendicitis', 'lumbar puncture technique', 'antibiotic dose for pneumonia']) {
      expect(faq.ask(q).view.kind, q).toBe('faq-none');
    }
  });

  it('topic() returns the answer for every entry and undefined for unknown ids', () => {
    for (const { faqId } of faq.topics()) expect(faq.topic(faqId)).toMatchObject({ kind: 'faq', faqId });
    expect(faq.topic('no-such-entry')).toBeUndefined();
    expect(faq.topics()).toHaveLength(content.rules.faq.entries.length);
  });

  it('a stricter rule turns answers into "not sure" (the thresholds are live)', () => {
    const strict = createFaqIndex(content, { rule: { minScore: 1e9 }, ranker: null });
    expect(strict.ask('tell me about SEA')).toMatchObject({ view: { kind: 'faq-none' }, unsure: 'low-score' });
    const tieBreaking = createFaqIndex(content, { rule: { minMargin: 0.99 }, ranker: null });
    expect(tieBreaking.ask('why not pet ct').unsure).toBe('no-margin');
    // Intents still need every word of the question to be known (the off-topic guard is live).
    const noCoverage = createFaqIndex(content, { rule: { minCoverage: 1.01 }, ranker: null });
    expect(noCoverage.ask('pacemaker what now').unsure).toBe('low-coverage');
  });
});

describe('typo correction never rewrites a word the rules files match on', () => {
  const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
  const typedForms = new Set(files.shorthand.expansions.map((e) => e.typed.toLowerCase()));
  const { order, scope } = files.routing.intents;
  // Lists added in round 8; "hematology" (a service) had been corrected to "rheumatology".
  const words = [...order.services, ...order.notOrdered, ...scope.beforeImagingCues, ...scope.postOpCues, ...files.routing.offTopicAfterPositive, ...files.state.shown.verbs]
    .flatMap((p) => p.toLowerCase().split(/\s+/))
    .filter((w) => /^[a-z]{4,}$/.test(w) && !typedForms.has(w));

  it.each([...new Set(words)])('%s stays as typed', (w) => {
    expect(faq.normalise(w).trim().toLowerCase()).toBe(w);
  });
});
