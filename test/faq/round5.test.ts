/**
 * Round 5 of issue 15: each class held-out v4's misses showed (v4 is tuning data since its one
 * measurement at 13:35), tested with our own wordings (none copied from a held-out set): a negated
 * scope phrase asks who is excluded; no MRI possible comes before the MRI's urgency; asking the bot
 * to read images or attachments is declined; a finding in a general or yes/no question is not a
 * result; a deficit named as what waiting could cause is the risk of delay; "?X" after a report's
 * verb hedges the result; a report named with no study is the MRI's (never as a negative); an
 * off-topic word before a stated result is history; "push back" with no object objects; more
 * everyday words (mistake, adding, lytic, "ca", "rad dose"); and the classes a second pass of our own
 * probe wordings found.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';

const faq = createFaqIndex(loadContent());
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind;
};

describe('round 5: classes of held-out v4 misses, in our own wordings', () => {
  it.each([
    // A negated scope phrase asks who is excluded.
    ['which patients is this workflow not intended for', 'exclusions'],
    ['what kinds of patient is the guidance not designed for', 'exclusions'],
    ["this pathway isn't meant for which cases?", 'exclusions'],
    // No MRI possible: the contraindication entry, whatever time the question asks about.
    ['has a non-conditional ICD and new foot drop, how soon should we image', 'mri-contraindication'],
    ['claustrophobic even with sedation and his legs are numb - how quickly do we need imaging', 'mri-contraindication'],
    ['MRI contraindicated because of a cochlear implant; can imaging wait until monday?', 'mri-contraindication'],
    // A finding in a general question is not a result; a deficit waiting could cause is the risk of delay.
    ['how quickly can a spinal epidural abscess cause paralysis if the mri is delayed', 'pitfall-delay'],
    ['how does gadolinium help distinguish phlegmon from an abscess on mri', 'why-mri-with-contrast'],
    ['contrast mri normal. could infection still be hiding somewhere?', 'after-mri-negative'],
    // "?X" after a report's verb hedges the result; a report with no study named is the MRI's.
    ['mri reported as ?early osteomyelitis at T10, what next', 'after-mri-indeterminate'],
    ['MRI shows ?small epidural collection at L3, next step?', 'after-mri-indeterminate'],
    ['the report says equivocal for discitis, what now', 'after-mri-indeterminate'],
    ['impression: findings could represent early infection. plan?', 'after-mri-indeterminate'],
    // An off-topic word before a stated result is history.
    ['on dialysis, MRI confirms discitis at L2-3 - next steps?', 'after-mri-positive'],
    // "Push back" with no object objects to something; it is no wait.
    ['mri ordered without gad, should we push back on that?', 'pitfall-non-contrast-mri'],
    // Everyday words: lytic, "ca", a radiation dose.
    ['h/o lung ca, lytic T8 lesion, tumour or infection?', 'ddx-malignancy'],
    ['whats the rad dose of a bone scan', 'why-not-bone-scan'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it('declines asking the bot to read images or attachments', () => {
    for (const q of [
      'could you review the scan I attached and say if it\'s discitis',
      'please look at the images and tell me if there\'s an abscess',
      'screenshot of the mri attached - is that osteomyelitis?',
    ]) expect(faq.ask(q).unsure, q).toBe('off-topic');
  });

  it('a second pass in our own probe wordings: hedges, reading images oneself, contrast allergy, an MRI-conditional device', () => {
    expect(shown("radiologist can't say if it's infection or modic 1, next?")).toBe('after-mri-indeterminate');
    expect(faq.ask('what do I look for on the mri to decide if its an abscess').unsure).toBe('off-topic');
    expect(faq.ask('what about a patient with prior reaction to gadolinium').unsure).toBe('off-topic');
    // The alternatives to MRI never answer a question stating the MRI is possible.
    expect(shown('pt has a pacemaker that is MR conditional, can we still do the mri?')).not.toBe('mri-contraindication');
    expect(shown('pacemaker is MRI safe per cardiology - ok to proceed?')).not.toBe('mri-contraindication');
    expect(shown('pacemaker not mri conditional, what now')).toBe('mri-contraindication');
    // A finding asked about in general ("always", "ever") or before the MRI is done is no result.
    expect(shown('does osteomyelitis always show on mri?')).not.toBe('after-mri-positive');
    expect(shown('is osteomyelitis ever missed on mri')).not.toBe('after-mri-positive');
    expect(shown('can a phlegmon turn into an abscess while we wait for the mri?')).toBe('urgency-neuro-intact');
    // A result stated in its own clause still is one.
    expect(shown('mri shows abscess; do we always need surgery?')).toBe('after-mri-positive');
  });

  it('keeps the safe readings around these classes', () => {
    // A report with no study named is the MRI's only as indeterminate: a positive read could be another study's.
    expect(['after-mri-positive', 'after-mri-negative']).not.toContain(shown('report says discitis, next?'));
    // Nor a negative one.
    expect(faq.ask('report says no infection. what now').view.kind).toBe('faq-none');
    // An off-topic question asked after a stated result is still declined.
    expect(faq.ask('mri showed SEA, abx for how long').unsure).toBe('off-topic');
    expect(faq.ask('mri c/w discitis, dose of vanc?').unsure).toBe('off-topic');
    // "?X" in a request is still what is looked for; "push back the MRI" is still a wait.
    expect(shown('mri for ?SEA, how soon')).toBe('urgency-neuro-intact');
    expect(shown('can we push back the mri to friday')).toBe('urgency-neuro-intact');
    // A deficit only feared, with the patient stated intact, keeps the intact urgency.
    expect(shown('neuro intact, can the mri wait to see if weakness develops')).toBe('urgency-neuro-intact');
    // Compression asked about in a yes/no question still escalates (the safe side).
    expect(shown('is an abscess pressing on the cord an emergency?')).toBe('cord-compression-emergency');
  });
});
