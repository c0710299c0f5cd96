/**
 * Round 8 of issue 15, how the question is asked (classes the tuning sets showed, tested with our
 * own wordings): "start antibiotics and watch" asks whether waiting is safe and "already started
 * antibiotics" is history, not an antibiotic question, while any other antibiotic question stays
 * declined; "what should we get", "want us to get", "straight to MRI" ask what to order; with no
 * radiograph or CT yet ("no films", "no x-ray or CT") the patient is outside the pathway; "jump
 * into this algorithm" asks whether the pathway applies. After a positive MRI, admission and biopsy
 * are that branch's own next steps (source: downstream workflow), asked before it they stay declined.
 * A study's dose ("bone scan dose", "dose from a PET/CT") is its radiation dose, a drug's dose is not ours.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent(), { ranker: null });
const shown = (q: string) => shownEntry(faq, q);

describe('antibiotics named while asking something else', () => {
  it.each([
    ['MRI: epidural abscess compressing the cord at T6. ok to start antibiotics and observe?', 'cord-compression-emergency'],
    ['SEA compressing the cord on MRI, ok to start antibiotics and observe?', 'cord-compression-emergency'],
    ['we already started antibiotics so can the MRI wait until tomorrow', 'urgency-neuro-intact'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it.each([
    'SEA with cord compression, which antibiotics do we start?',
    'already started antibiotics for the discitis, how long do we continue them?',
    'start antibiotics before or after the biopsy?',
    'can we stop antibiotics and watch?',
  ])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });
});

describe('what to order, and before any imaging', () => {
  it.each([
    ['diabetic, febrile, CT lumbar spine shows L5-S1 endplate erosion. what should we get now?', 'recommendation'],
    ['xr of the T-spine has disc narrowing at T7-8. what does radiology want us to get?', 'recommendation'],
    ['CT already shows destruction at L2-3 - straight to MRI?', 'recommendation'],
    // No radiograph or CT yet: outside the pathway, whatever is asked.
    ['no films yet, febrile IVDU with back pain. straight to MRI?', 'exclusions'],
    ['we have not had an x-ray or CT so far. should we go straight to the MRI?', 'exclusions'],
    ['has not had any imaging, fever, new back pain - can we jump into this algorithm?', 'exclusions'],
    ['she hasnt had an xray or CT yet - is this pathway for her?', 'exclusions'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });
});

describe('after a positive MRI, admission and biopsy are its next steps', () => {
  it.each([
    ['MRI confirms L2-3 discitis. does she need a biopsy or can we just start antibiotics?', 'after-mri-positive'],
    ['the MRI shows T10-11 osteomyelitis, no abscess. admit or send home on oral antibiotics?', 'after-mri-positive'],
    ['MRI positive for discitis. biopsy or do we just treat?', 'after-mri-positive'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it.each([
    // The same steps with no MRI read yet, or any antibiotic choice or duration, stay declined.
    'CT shows L2-3 erosion. biopsy needed or can we just treat?',
    'xr abnormal at L4-5, admit or home on oral antibiotics?',
    'MRI confirms L2-3 discitis. biopsy or just treat, and which antibiotics?',
    'MRI positive for discitis. admit or home, and how long do we treat?',
  ])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });
});

describe("a study's dose is its radiation dose", () => {
  it.each([
    ['how does the bone scan dose compare with MRI?', 'why-not-bone-scan'],
    ['what is the dose from a PET-CT, roughly?', 'why-not-fdg-pet'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it.each(['what dose of gadolinium for the spine MRI?', 'vancomycin dose for an epidural abscess?', 'dose of cefazolin before the PET scan?'])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });
});
