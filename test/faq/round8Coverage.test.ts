/**
 * Round 8 of issue 15, on-topic questions that had been declined because a word of their clinical
 * context was unknown (classes the tuning sets showed, tested with our own wordings): a named spine
 * operation (ACDF), wound drainage and screws after surgery, a transplant drug, a hip flexor exam,
 * an X-ray underestimating the extent, a downside, who protocoled the scan, an epidural abscess
 * "treated as an emergency", imitating, caveats, "w con", weight loss. Each class keeps its off-topic neighbours declined; context that leaves
 * a word unknown needs a subject of the FAQ, not only a risk factor, before an intent answers.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent(), { ranker: null });
const shown = (q: string) => shownEntry(faq, q);

describe('clinical context words the FAQ now knows', () => {
  it.each([
    // A named spine operation makes the patient post-operative.
    ['had an ACDF at C6-7 in March, MRI now shows enhancement at that disc. is that normal?', 'pitfall-post-operative'],
    ['prior TLIF L4-5, new pain, the MRI has disc enhancement. infection or just the surgery?', 'pitfall-post-operative'],
    // Wound drainage and screws after surgery are a post-operative patient's.
    ['does this pathway apply to someone with wound drainage 2 weeks after a laminectomy?', 'exclusions'],
    ['fever, wound oozing, lucency around the screws. does this guidance cover her?', 'exclusions'],
    // A transplant drug is immunosuppression, a risk factor the source names.
    ['on tacrolimus after a kidney transplant, febrile, xr shows L1-2 endplate lucency. what should I order?', 'recommendation'],
    // A hip flexor or bladder exam is a neurologic exam.
    ['new hip flexor weakness on the left today, MRI booked for the day after tomorrow. is that ok?', 'pitfall-delay'],
    ['no bladder problems, sensation normal, 5/5 everywhere. can the MRI be done on Monday?', 'urgency-neuro-intact'],
    // How much bone an X-ray shows is the extent discitis-osteomyelitis entry's.
    ['does an x-ray underestimate how far osteomyelitis has gone?', 'ddx-discitis-osteomyelitis'],
    // A downside is a risk; who protocoled the scan is the setting.
    ['what is the downside of a non-contrast MRI?', 'pitfall-non-contrast-mri'],
    ['radiologist protocoled it without gad. acceptable?', 'pitfall-non-contrast-mri'],
    // "Treated as an emergency" is how urgent it is, not how it is treated.
    ['why does an epidural abscess get treated as an emergency?', 'ddx-epidural-abscess'],
    // Imitating is mimicking; a caveat or overcalling is a pitfall; a discectomy is surgery.
    ['can Modic changes masquerade as discitis?', 'ddx-degenerative-modic'],
    ['any caveats reading the MRI after a microdiscectomy?', 'pitfall-post-operative'],
    ['how to avoid overcalling discitis on a post-op MRI', 'pitfall-post-operative'],
    // "w con" is with contrast; how far it has spread is its extent; weight loss is constitutional.
    ['is a CT w con good enough to rule out an epidural abscess?', 'ct-with-contrast'],
    ['has the infection spread further than the x-ray shows?', 'ddx-discitis-osteomyelitis'],
    ['wt loss and a collapsed T8. cancer not infection?', 'ddx-malignancy'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it.each([
    // Treatment itself stays off-topic, however the emergency is phrased around it.
    'can discitis be treated as an outpatient?',
    'how is an epidural abscess treated?',
    // The new words alone do not make another subject ours.
    'tacrolimus level target after transplant?',
    'hip flexor strain in a runner, MRI or ultrasound?',
    'screws loose after ankle fixation, what scan?',
    'pros and cons of a con artist',
    // "radiologist" is the setting, but asking who is on call is admin.
    'whos the on call radiologist tonight',
    'who is the on-call radiologist for the MRI?',
    'weight loss drugs, which are safe?',
  ])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });
});

describe('context of only risk factors and an unknown word: not this pathway', () => {
  it.each([
    'immunosuppressed pt with pneumonia, which imaging?',
    'kidney transplant rejection, which imaging?',
    'on tacrolimus, new cellulitis. what should I order?',
  ])('%j: declined', (q) => {
    expect(shown(q)).toBe('decline');
  });

  it.each([
    ['62M, IVDU, febrile. What should I order?', 'recommendation'],
    ['on tacrolimus, febrile, xr shows endplate erosion. which scan?', 'recommendation'],
    ['mri equivocal. just trend CRP?', 'after-mri-indeterminate'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });
});
