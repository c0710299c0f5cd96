/**
 * Safety: an answer never contradicts the state the question states. A positive MRI never gets the
 * negative-MRI guidance and vice versa; "no compression" never gets the compression emergency.
 * Wordings include "+", "pos", "neg", "c/w", "no abscess", "didn't show".
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';

const faq = createFaqIndex(loadContent());
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind;
};

const POSITIVE = [
  'mri + for discitis, what next',
  'MRI +, no abscess. next steps?',
  'mri pos for osteomyelitis',
  'mri positive for DO but no abscess',
  'MR c/w discitis osteomyelitis at L3-4',
  'mri shows discitis, no epidural abscess, who do i call',
  'mri confirms vertebral osteo',
  'mri +ve for spondylodiscitis',
  'contrast mri showed a small phlegmon, no drainable collection',
  'the mri came back positive',
  'mri: discitis at T7-8 without abscess',
  'mri consistent with infection, no cord compression',
  'SEA on mri, no compression, neuro intact, plan',
  'mri demonstrates osteomyelitis; no abscess seen',
  'mri w wo gad: +discitis, neg for abscess',
  'mri findings c/w early discitis, no collection',
  // Round 3: a result word after another subject describes that subject.
  'mri pos for discitis, blood cultures negative',
  'mri shows discitis at L2-3; labs normal, reflexes normal',
  'MRI + osteomyelitis. wbc normal. next?',
];

const NEGATIVE = [
  // Round 4: one negation over a list of findings closed by "or".
  'mri w wo gad read as no evidence of discitis, osteomyelitis or epidural abscess. what now?',
  'mri without evidence of an abscess, osteomyelitis or discitis, next step',
  'the mri excluded discitis and abscess. plan?',
  'mri neg',
  'mri negative for infection, what now',
  "contrast mri didn't show infection",
  'mri did not show any infection',
  'mri w/wo contrast neg for discitis and abscess',
  'mri no abscess no discitis',
  'the mri came back negative',
  'mri was normal',
  'mri unremarkable, xray still abnormal',
  'no infection on the mri',
  'mri ruled out infection',
  'mri r/o discitis',
  'MRI: no evidence of infection',
  'mri clean, no enhancement',
  'mri -ve for infxn',
  'mri showed no abscess and no discitis, next step?',
  // Round 3: subjects other than the MRI, and "isn't", "nothing".
  'mri negative for infection, cultures positive for staph',
  'mri neg. blood cultures pos. now what',
  'mri showed nothing, crp still high',
  // A long list joined by "or" alone, past the word window (it had got the positive-MRI entry).
  'mri showed no osteomyelitis or discitis or epidural abscess or phlegmon, what next',
  'mri w wo: no evidence of discitis or osteomyelitis or paraspinal abscess or epidural abscess. next steps?',
];

const NO_COMPRESSION = [
  // An answer written straight after its question, with no space (it had read as compression, and escalated).
  'MRI: SEA at L2. cord compression—none',
  'SEA on mri, cord compression?none',
  'mri + epidural abscess, compression?no, neuro intact',
  'epidural abscess on mri, no cord compression',
  'SEA without cord compression, what now',
  'mri showed SEA, NO cord compression',
  'small epidural abscess, cord not compressed',
  'abscess on mri but no compression of the cord',
  'mri + SEA, no compression, neuro intact',
  'epidural collection without mass effect on the cord',
  'mri pos for SEA, no cord compression, who to call',
  'mri: small ventral SEA, no compression',
  'SEA on mri, cord compression ruled out',
  'mri c/w epidural abscess, no cord compression seen',
  'mri shows epidural abscess without compressing the cord',
  'epidural abscess but the cord is not compressed',
  'no cord compression on mri, but there is an abscess',
  "mri didn't show cord compression, small abscess",
  'mri shows SEA but nothing is pressing on the cord',
  'mri: epidural abscess, cord isnt compressed',
];

const COMPRESSION = [
  'mri shows cord compression',
  'large SEA compressing the cord',
  'mri + epidural abscess with cord compression',
  'mri: epidural abscess, cord compressed at T9',
  'abscess with mass effect on the cord',
  'SEA with cord compression who to call',
  'mri c/w SEA compressing the spinal cord',
  'mri pos for abscess with cord compression',
  'cauda equina compression from epidural abscess on mri',
  'spinal cord compression from SEA on mri',
  'mri shows big epidural abscess compressing cord',
  'epidural abscess causing cord compression',
  'MRI +SEA, cord compression',
  'mri showed SEA and compression of the cord',
  'mri: epidural collection compressing the cord',
];

/** A new neurologic symptom stated in other words: never the neuro-intact urgency answer. */
const NEW_DEFICIT = [
  'new tingling in both feet tonight, can the mri wait till morning',
  'pins and needles in her legs since noon, mri tomorrow ok?',
  'new paresthesias, how soon mri',
  'developed urinary retention, is waiting for the morning list ok',
  'now has trouble walking, can the mri wait',
  'legs giving way since this evening, mri in the morning?',
  // Round 4: a reduced function in any wording ("reduced power", "strength 4/5", "power not full").
  'reduced power in the left leg, can the mri wait until tomorrow',
  'strength is now 4/5 in both legs, mri in the morning ok?',
  'power not full in the legs since tonight, can we wait',
  'decreased sensation below the knees, how soon mri',
  'now unable to void since this afternoon, mri in the morning ok?',
];

/** Round 4: a finding negated before "but" (or "however", "though") and a signal change after it:
 * the negation's scope ends at the terminator, and a signal change is never a negative MRI. */
const SIGNAL_AFTER_NEGATION = [
  "MRI didn't show an abscess but endplate enhancement at L3",
  'mri neg for abscess but there is disc enhancement at L4-5',
  'mri: no discitis, however marrow edema at the T9 endplates',
  'no epidural collection on mri though some endplate enhancement, next?',
  'mri showed no infection but t2 hyperintensity in the disc',
  'MRI did not demonstrate discitis but there is endplate edema',
  'mri w wo gad: no abscess, but enhancing endplates at L2-3',
  'mri negative for osteomyelitis but marrow oedema in L5',
  'contrast mri didnt show a collection but the disc enhances',
  'mri: no evidence of abscess, however abnormal signal in the L1-2 disc',
  'no SEA on mri but stir signal in the vertebral bodies',
  'mri ruled out abscess but showed endplate enhancement, plan?',
  'mri came back without an abscess but with high signal at the endplates',
  'mri: discitis not seen, but there is some enhancement at T11-12. next step?',
  'mri clear of abscess but fluid signal in the disc space',
];

describe('a negated finding then a signal change is never negative guidance', () => {
  it.each(SIGNAL_AFTER_NEGATION)('%j', (q) => {
    expect(shown(q)).not.toBe('after-mri-negative');
    expect(faq.ask(q).state?.mri).not.toBe('negative');
  });
});

describe('a stated new deficit never gets the neuro-intact urgency answer', () => {
  it.each(NEW_DEFICIT)('%j', (q) => {
    expect(shown(q)).not.toBe('urgency-neuro-intact');
    expect(faq.ask(q).state?.neuro).toBe('deficit');
  });
});

describe('answers never contradict the stated MRI result or compression', () => {
  it.each(POSITIVE)('positive MRI never gets negative or indeterminate guidance: %j', (q) => {
    expect(['after-mri-negative', 'after-mri-indeterminate']).not.toContain(shown(q));
    expect(faq.ask(q).state?.mri).not.toBe('negative');
  });

  it.each(NEGATIVE)('negative MRI never gets positive guidance or the emergency: %j', (q) => {
    expect(['after-mri-positive', 'cord-compression-emergency', 'after-mri-indeterminate']).not.toContain(shown(q));
    expect(faq.ask(q).state?.mri).not.toBe('positive');
  });

  it.each(NO_COMPRESSION)('"no compression" never gets the compression emergency: %j', (q) => {
    expect(shown(q)).not.toBe('cord-compression-emergency');
    expect(faq.ask(q).state?.compression).toBe('no');
  });

  it.each(COMPRESSION)('stated compression is never answered as a negative or indeterminate MRI: %j', (q) => {
    expect(['after-mri-negative', 'after-mri-indeterminate', 'urgency-neuro-intact']).not.toContain(shown(q));
    expect(faq.ask(q).state?.compression).toBe('yes');
  });

  it('answers most of each set with the matching branch (not only by declining)', () => {
    const share = (qs: string[], id: string) => qs.filter((q) => shown(q) === id).length / qs.length;
    const figures = {
      positive: share(POSITIVE, 'after-mri-positive'),
      negative: share(NEGATIVE, 'after-mri-negative'),
      noCompression: share(NO_COMPRESSION, 'after-mri-positive'),
      compression: share(COMPRESSION, 'cord-compression-emergency'),
    };
    console.log('polarity sets answered with the matching branch:', figures);
    for (const v of Object.values(figures)) expect(v).toBeGreaterThanOrEqual(0.8);
  });
});
