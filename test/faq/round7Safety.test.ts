/**
 * Clinical-safety findings of the round-7 review (issue 15): free-text answers that contradicted
 * what the clinician stated or withheld the pathway's recommendation from its patient. A "+"
 * before a symptom or lab is not a positive MRI, and an MRI pending has no result; a suspected
 * finding asked about is no finding, and only an MRI named overrides an order question; the
 * exclusion words count only when their state is affirmed; an age or "baby" is the patient's only
 * when it says so; the source's "without and with" names contrast given; "level" needs the spine.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';

const faq = createFaqIndex(loadContent());
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind;
};

const cases: ReadonlyArray<[string, string, string]> = [
  // 1. "+" before a symptom or lab, and an MRI not back yet.
  ['+ symptom', 'Pending MRI read; + fever, + CRP. what do we do next', 'faq-none'],
  ['+ symptom', 'MRI done this am, + fever, + ESR, what next?', 'faq-none'],
  ['+ symptom', 'got the MRI, + fevers and + back pain, next step?', 'faq-none'],
  ['+ symptom', 'MRI negative, + fever, what next', 'after-mri-negative'],
  ['+ symptom', 'fever and back pain, positive MRI, what next', 'after-mri-positive'],
  ['+ symptom', 'MRI positive for discitis, + fever, what next', 'after-mri-positive'],
  ['pending', 'MRI tomorrow. small ventral phlegmon L4 on outside read, next step?', 'urgency-neuro-intact'],
  ['pending', 'awaiting MRI, small ventral epidural abscess at L4 on CT, what next', 'faq-none'],
  // 2. A suspected finding asked about is no finding; only a named MRI overrides an order question.
  ['hedged', 'back pain, fevers, ESR 90. worry re small ventral epidural abscess at L4, what should we order?', 'recommendation'],
  ['hedged', 'initial imaging abnormal at L4-5; ? small ventral epidural abscess. what should we order?', 'recommendation'],
  ['hedged', 'xr abnormal at L3-4, concern for small ventral epidural abscess, what should we order?', 'recommendation'],
  ['hedged', 'MRI shows small ventral epidural abscess at L4, no cord compression, what next?', 'after-mri-positive'],
  // 3. Exclusion words only when their state is affirmed.
  ['exclusion', 'xr shows L4-5 endplate erosion, no CT yet. what should I order next?', 'recommendation'],
  ['exclusion', 'spine surgery wants to know what imaging to order, xr showed endplate erosion', 'recommendation'],
  ['exclusion', "can't walk because of the pain, xr abnormal, what should we order", 'recommendation'],
  ['exclusion', 'no xray or CT yet, what should I order?', 'exclusions'],
  ['exclusion', 'L4-5 fusion last year, xr shows endplate erosion, what should I order?', 'exclusions'],
  // 4. The child check reads the patient only.
  ['population', '67M on baby aspirin, xr shows L3-4 endplate erosion, what next?', 'faq-none'],
  ['population', 'we have a 3 day old MRI showing discitis, what now?', 'after-mri-positive'],
  ['population', '3 day old with fever, xr abnormal, what next?', 'faq-none'],
  // 5. "without and with" names both: contrast given, the result stands.
  ['contrast', 'MRI without and with IV contrast came back negative, what next?', 'after-mri-negative'],
  ['contrast', 'MRI w/ and w/o contrast negative, next?', 'after-mri-negative'],
  // 6. "level" needs the spine.
  ['level', 'does the level of suspicion change things?', 'faq-none'],
  ['level', 'which level of the spine should the MRI cover?', 'spine-level'],
];

describe('round-7 safety findings: the answer never contradicts the stated state', () => {
  it.each(cases)('%s: %j -> %s', (_kind, q, id) => {
    expect(shown(q)).toBe(id);
  });

  // A vague "what next" with no result is declined, but never as another pathway's patient.
  it.each([
    'Pending MRI read; + fever, + CRP. what do we do next',
    '67M on baby aspirin, xr shows L3-4 endplate erosion, what next?',
  ])('%j: declined with the recommendation offered, not as off-topic', (q) => {
    const reply = faq.ask(q);
    expect(reply.unsure).not.toBe('off-topic');
    expect(reply.view.kind === 'faq-none' && reply.view.suggestions.map((s) => s.faqId)).toContain('recommendation');
  });
});
