/**
 * Round 8 review of issue 15 (classes a reviewer's own wordings found, tested with ours): which
 * entry a question gets, or that it is declined ('decline'). A post-operative patient is outside
 * the pathway: never the recommendation, the urgency rule or the level entry, by any path.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { shownEntry } from './shownEntry.js';

// The shipped index, learned ranker included: what a clinician gets.
const faq = createFaqIndex(loadContent());
const shown = (q: string) => shownEntry(faq, q);

describe('a post-operative patient never gets the pathway\'s own advice', () => {
  it.each([
    ['instrumentation in the lumbar spine, xr abnormal, next step?', 'decline'],
    ['hardware from an old L4-5 fusion, xr shows lucency, next?', 'decline'],
    ['cervical fusion 3 weeks ago, xr abnormal, next?', 'decline'],
    ['had spine surgery last week, xr abnormal, next?', 'pitfall-post-operative'],
    ['pt with spinal fusion, xr abnormal at L3, next?', 'decline'],
    ['after a laminectomy in may, xr shows endplate erosion, next?', 'pitfall-post-operative'],
    ['prior spinal fusion, neuro intact, can the mri wait till tomorrow?', 'decline'],
    ['s/p lumbar fusion, neuro intact, how soon mri?', 'pitfall-post-operative'],
    // Asked what to order with the surgery named: who the pathway is not for.
    ['post-op L5-S1 fusion, xr lucency around hardware. what should we order?', 'exclusions'],
    ['s/p fusion last month, does the pathway cover her', 'exclusions'],
  ])('%j -> %s', (q, expected) => {
    expect(shown(q)).toBe(expected);
  });

  it.each([
    // "status post" another operation may or may not put the patient outside: declined, never the post-op pitfall.
    's/p cystoscopy last week, xr shows L1 destruction, infection vs tumour. what is the next imaging?',
  ])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });

  it.each([
    ['no surgery, xr shows endplate erosion at L2, what should we order', 'recommendation'],
    ['neuro intact, xr abnormal, can the mri wait till tomorrow?', 'urgency-neuro-intact'],
  ])('%j: a patient in the pathway still -> %s', (q, expected) => {
    expect(shown(q)).toBe(expected);
  });
});

describe('a study denied in any wording is no imaging done: outside the pathway', () => {
  it.each([
    ['she has not had an x-ray, febrile with back pain, which study should we request', 'exclusions'],
    ['never had any imaging, fever and lumbar pain, what scan do we get', 'exclusions'],
    ['radiograph not done yet, ct not done either, what to order?', 'exclusions'],
    ['we havent got any films, suspect discitis, next imaging?', 'exclusions'],
    ['pt hasnt had a ct or xr, what imaging', 'exclusions'],
    // A radiograph done is initial imaging, whatever else is not done yet.
    ['ct not done, xr shows erosion at L3, what should we order', 'recommendation'],
    ['havent had the mri yet, xr shows endplate erosion, which scan', 'recommendation'],
    // A deficit denied is no study denied.
    ['has not had any weakness, xr abnormal, which imaging', 'recommendation'],
  ])('%j -> %s', (q, expected) => {
    expect(shown(q)).toBe(expected);
  });
});

describe('"get" + a service, or "get from", is no imaging ordered', () => {
  it.each([
    ['do you want me to get spine surgery on board now, xr shows destruction', 'decline'],
    ['xr abnormal, want us to get neurosurgeons to review?', 'decline'],
    ['ct c/w discitis, do you want me to get IR to biopsy it?', 'decline'],
    ['what should we get from a bone scan that the mri doesnt give', 'why-not-bone-scan'],
    ['what do we get from the contrast images', 'why-mri-with-contrast'],
    // A study got is still an order.
    ['ct shows endplate erosion, what do you want us to get next?', 'recommendation'],
  ])('%j -> %s', (q, expected) => {
    expect(shown(q)).toBe(expected);
  });
});

describe('after a positive MRI: whether to admit or biopsy is the branch\'s, how to biopsy is not', () => {
  it.each([
    ['mri c/w osteo at L3-4, whats the best way to do the biopsy', 'decline'],
    ['MRI pos for discitis, biopsy needed? how would we perform the biopsy', 'decline'],
    ['mri showed discitis, how do they biopsy the disc space?', 'decline'],
    // Source: a positive MRI "will almost always require admission for intravenous antibiotics".
    ['mri positive for discitis, ok to manage him as an outpatient?', 'after-mri-positive'],
    ['mri positive for discitis, does she need a biopsy?', 'after-mri-positive'],
  ])('%j -> %s', (q, expected) => {
    expect(shown(q)).toBe(expected);
  });
});
