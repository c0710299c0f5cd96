/** Intents, identifiers, shorthand, typos and near misses of the FAQ (rules data in faq-*.yaml). */
import { describe, expect, it } from 'vitest';
import { renderFaq } from '../../src/channels/slack/renderFaq.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { scanIdentifiers } from '../../src/faq/identifiers.js';
import { compileShorthand, expandPlus } from '../../src/faq/shorthand.js';

const content = loadContent();
const faq = createFaqIndex(content);
const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
const { offers, identifierReminder, labels } = files.routing;

describe('intents the FAQ does not own', () => {
  it.each([
    ['what should i order next', 'recommendation', 'order', [offers.order]],
    ['abnormal ct of the l spine, what test do i order', 'recommendation', 'order', [offers.order]],
    ['mri came back positive', 'after-mri-positive', 'result', [offers.result]],
    ['mri came back negative', 'after-mri-negative', 'result', [offers.result]],
    ['mri came back equivocal', 'after-mri-indeterminate', 'result', [offers.result]],
    ['mri: SEA with cord compression', 'cord-compression-emergency', 'result', [offers.result]],
    ['can it wait', 'urgency-neuro-intact', 'urgency', undefined],
    ['how long can we hold off on imaging', 'urgency-neuro-intact', 'urgency', undefined],
    ['new numbness in both legs, how soon mri', 'pitfall-delay', 'urgency', undefined],
    ['pt with an old pacer, what now', 'mri-contraindication', 'no-mri', undefined],
  ])('%j -> %s (%s) with the offer from rules data', (q, id, intent, notices) => {
    const reply = faq.ask(q);
    expect(reply.view).toMatchObject({ kind: 'faq', faqId: id });
    expect(reply.intent).toBe(intent);
    expect(reply.view.kind === 'faq' ? reply.view.notices : 'not an answer').toEqual(notices);
  });

  it('still declines an intent-shaped question about something else', () => {
    for (const q of ['how fast should sodium be corrected', 'what should i order for a dvt', 'can it wait, the potassium is 6.1']) {
      expect(faq.ask(q).view.kind, q).toBe('faq-none');
    }
  });

  it('declines contradictory cues and offers the topics of that axis, with short labels', () => {
    const reply = faq.ask('abscess with cord compression, no cord compression');
    expect(reply.unsure).toBe('conflict');
    expect(reply.view).toEqual({
      kind: 'faq-none',
      text: "I'm not sure which of these you mean. Choose the closest topic, or rephrase your question.",
      suggestions: files.state.conflicts.compression.map((faqId) => ({ faqId, title: labels[faqId] })),
    });
  });
});

describe('round 3: which study a wait is about, scope with a stated deficit, context around the question', () => {
  const shown = (q: string) => {
    const { view } = faq.ask(q);
    return view.kind === 'faq' ? view.faqId : view.kind;
  };
  it.each([
    // A wait in a sentence after the CT was reported is the MRI's; one about another study is not.
    ['CT shows endplate erosion at L2. The scanner is booked until Monday, is that ok?', 'urgency-neuro-intact'],
    ['mri slots are gone till friday, would a contrast ct do instead?', 'ct-with-contrast'],
    ['can i get a ct w contrast rather than wait 3 days for the mri', 'ct-with-contrast'],
    // A scope question stating a deficit, compression or surgery: who the pathway is not for.
    ['does this pathway apply to someone with new foot drop', 'exclusions'],
    ['is this the right pathway for a pt with a lumbar fusion last month', 'exclusions'],
    ['does this apply to my patient with fever and focal back pain', 'inclusion-criteria'],
    // A conflict between branches that do not apply to a post-operative patient decides nothing.
    ['post op, mri shows enhancement at the fusion - normal or infection?', 'pitfall-post-operative'],
    // "shouldn't", "couldn't": a contraction is never corrected as a typo.
    ["who shouldn't this pathway be used for", 'exclusions'],
    // Context after the asking clause, and context with everyday words, is still context.
    ['what imaging should follow? she is on methotrexate and the xr shows endplate erosion', 'recommendation'],
    ['MRI w and w/o contrast negative for infection; pt on chemo. Whats the plan going forward?', 'after-mri-negative'],
    // A history naming an organ is context; only a site imaged for other reasons (otherSites) is not.
    ['hx of heart failure, xr shows endplate erosion. which scan now?', 'recommendation'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it.each([
    'can the ct guided biopsy wait till monday',
    'pacer in place, needs a cardiac mri. options?',
    'Brain MRI: ring enhancing abscess. Next?',
    'knee mri shows septic joint. what now?',
  ])('never answers the MRI urgency or a branch for another study or subject: %j', (q) => {
    expect(['urgency-neuro-intact', 'pitfall-delay', 'mri-contraindication', 'after-mri-positive', 'recommendation']).not.toContain(shown(q));
  });

  it('an off-topic word inside one of the FAQ\'s own phrases is not off-topic (offTopicExcept)', () => {
    expect(shown('what is the radiation dose of a bone scan')).toBe('why-not-bone-scan');
    expect(faq.ask('antibiotic dose for discitis').unsure).toBe('off-topic');
    expect(faq.ask('radiation dose of pet, and the vancomycin dose?').unsure).toBe('off-topic');
    expect(shown('how many days can the mri wait if neuro intact')).toBe('urgency-neuro-intact');
    expect(faq.ask('discitis confirmed on mri, how many weeks of treatment').unsure).toBe('off-topic');
  });

  it.each([
    // Off-topic words that are also ordinary context: a symptom's duration, a lab's unit, a finding's extent.
    ['back pain of 3 weeks duration, fever, abnormal xray, what scan next', 'recommendation'],
    ['CRP 150 mg/L, fever, xray shows endplate erosion, which imaging', 'recommendation'],
    ['mri shows discitis with epidural extension, next steps', 'after-mri-positive'],
  ])('context words are not off-topic: %j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
    expect(faq.ask('vanc dose 15 mg/kg?').unsure).toBe('off-topic');
    expect(faq.ask('abx duration for discitis').unsure).toBe('off-topic');
  });
});

describe('identifiers typed into a question', () => {
  it.each([
    ['MRN 48213377 mri positive for discitis, next steps', '48213377', 'after-mri-positive'],
    ['dob 04/05/1961 what imaging is recommended next', '04/05/1961', 'recommendation'],
    ['call 0161 496 0000 - mri came back negative', '0161 496 0000', 'after-mri-negative'],
    ['Okonkwo, can the mri wait till tomorrow', 'Okonkwo', 'urgency-neuro-intact'],
    ['Anna Kowalski mri pos for osteomyelitis', 'Kowalski', 'after-mri-positive'],
    ['Mr Brown has a pacer and cannot have an MRI', 'Brown', 'mri-contraindication'],
    ['pt Lindqvist has an abscess on mri, what now', 'Lindqvist', 'after-mri-positive'],
    ["Dr. Abernathy's patient: mri neg for infection, next step?", 'Abernathy', 'after-mri-negative'],
  ])('%j: reminded, never echoed, answered from the rest', (q, id, expected) => {
    const reply = faq.ask(q);
    expect(reply.identifier).toBe(true);
    expect(JSON.stringify(reply)).not.toContain(id);
    expect(reply.view).toMatchObject({ kind: 'faq', faqId: expected });
    expect(reply.view.kind === 'faq' && reply.view.notices?.[0]).toBe(identifierReminder);
  });

  it('does not take levels, doses, durations or domain words for identifiers', () => {
    const known = (w: string) => ['neuro', 'mri', 'sclerotic', 'pacemaker'].includes(w.toLowerCase());
    for (const q of ['L3-4 disc space narrowing', 'PET is 10-30 mSv', 'within 24 hours', 'Neuro intact, can it wait', 'Sclerotic endplates on CT', 'Pacemaker what now']) {
      expect(scanIdentifiers(q, known).found, q).toBe(false);
    }
    expect(faq.ask('Neuro intact, can it wait').identifier).toBeUndefined();
  });
});

describe('shorthand and typos', () => {
  const sh = compileShorthand(files.shorthand);
  it.each([
    ['mri w/o contrast', 'without'],
    ['mri w wo gad', 'with and without'],
    ['xr c/w DO', 'consistent with'],
    ['mri r/o infxn', 'rule out'],
    ['pt w/ AICD', 'implanted defibrillator'],
    ['can it wait tmrw', 'tomorrow'],
    ['ID and NSGY consult', 'infectious disease'],
  ])('%j expands to include %j', (typed, words) => {
    expect(sh.expand(typed).replace(/\s+/g, ' ')).toContain(words);
  });

  it('reads DO only in capitals and "+" by its place', () => {
    expect(sh.expand('what do i do')).toBe('what do i do');
    expect(sh.expand('is DO likely')).toContain('discitis osteomyelitis');
    const squeeze = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(squeeze(expandPlus('MRI + for DO'))).toBe('MRI positive for DO');
    expect(squeeze(expandPlus('+SEA'))).toBe('positive SEA');
    expect(squeeze(expandPlus('SEA+, no compression'))).toBe('SEA positive , no compression');
    expect(expandPlus('fever + back pain')).toBe('fever and back pain');
  });

  it('never corrects an everyday, off-topic or synonym word into a domain word', () => {
    // "metastatic" is not a typo of "metastasis": corrected, it would hide "metastatic cord compression".
    expect(faq.ask('what imaging for suspected metastatic cord compression').unsure).toBe('off-topic');
    expect(faq.ask("who shouldn't this pathway be used for").view).toMatchObject({ kind: 'faq', faqId: 'exclusions' });
  });

  it('tolerates typos in domain words, cue words included', () => {
    expect(faq.ask('mri shows spinal cord compresion').view).toMatchObject({ kind: 'faq', faqId: 'cord-compression-emergency' });
    expect(faq.ask('mri negatve for infection').view).toMatchObject({ kind: 'faq', faqId: 'after-mri-negative' });
    expect(faq.ask('osteomyelitus on mri, next steps').view).toMatchObject({ kind: 'faq', faqId: 'after-mri-positive' });
  });
});

describe('near misses', () => {
  it('offer at most three topics with their full short labels, and one Start a consult button', () => {
    const tie = createFaqIndex(content, { rule: { minMargin: 0.99 }, ranker: null });
    const { view } = tie.ask('sclerotic endplates on ct still need mri?');
    expect(view.kind).toBe('faq-none');
    if (view.kind !== 'faq-none') return;
    expect(view.suggestions.length).toBeGreaterThan(0);
    expect(view.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of view.suggestions) expect(s.title).toBe(labels[s.faqId]);
    const buttons = renderFaq(view).blocks.at(-1) as { elements: Array<{ text: { text: string }; action_id: string }> };
    expect(buttons.elements.map((b) => b.text.text)).toEqual([...view.suggestions.map((s) => labels[s.faqId]), 'Start a consult']);
  });
});
