/**
 * Round 4 of issue 15: each class a held-out miss or a known wrong answer showed, tested with our own
 * wordings (none copied from a held-out set): another disease sought, reading images oneself,
 * surgical approach, billing codes and biopsy technique declined; normal labs are not an MRI result;
 * compression, intact and reduced functions in composed wordings; the risk of delay; a finding's
 * duration and the setting are not waits; context around the asking clause; swapped letters.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { compileStateReader, fits } from '../../src/faq/clinicalState.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { compilePhrases, composedTerms } from '../../src/faq/phraseScan.js';
import { compileShorthand } from '../../src/faq/shorthand.js';

const content = loadContent();
const faq = createFaqIndex(content);
const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
const reader = compileStateReader(files.state);
const shorthand = compileShorthand(files.shorthand);
const state = (q: string) => {
  const { mentioned: _m, affirmed: _a, sought: _s, ...s } = reader.read(shorthand.expand(q));
  return s;
};
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind;
};

describe('questions outside the FAQ are declined, whatever imaging words they use', () => {
  const OUTSIDE = [
    // Another disease sought, with no infection named.
    'which mri is best to look for spinal mets',
    'imaging workup for possible vertebral metastasis',
    'what scan should i get for a suspected osteoporotic fracture',
    'best imaging if i suspect lumbar stenosis',
    'mri for ?lymphoma of the spine, with contrast?',
    // Reading or interpreting images oneself.
    'how do i read a lumbar mri',
    'teach me how to interpret spine ct',
    'i want to read the images myself, what do i look for',
    'tips on reading spine mri for an intern',
    // Surgical approach, drainage, biopsy technique, billing codes.
    'surgical options for an epidural abscess?',
    'laminectomy or fusion for this abscess',
    'should we do percutaneous drainage of the collection',
    'whats the best way to biopsy the disc space',
    'ICD-10 for spinal epidural abscess?',
    'billing code for mri lumbar spine w wo',
    // Operating or draining, follow-up of treatment, scan duration, referral, incidence.
    'mri shows SEA, should they operate tonight or drain it',
    'is esr helpful for monitoring response to treatment of discitis',
    'roughly how long will a whole spine mri take',
    'how should i refer him to spine surgery',
    'what is the incidence of spinal epidural abscess',
    'which organisms usually cause discitis',
    'which mri sequence for suspected septic sacroiliitis',
    'who wrote this guidance',
  ];
  it('declines another disease sought, reading images oneself, surgical approach, drainage, biopsy technique and billing codes', () => {
    for (const q of OUTSIDE) expect(faq.ask(q).unsure, q).toBe('off-topic');
  });

  it.each([
    ['3 months after a microdiscectomy, mri shows disc enhancement. infection?', 'pitfall-post-operative'],
    ['s/p fusion last year; new mri shows fluid around the cage, is that infection', 'pitfall-post-operative'],
    ['post op, mri shows an abscess compressing the cord', 'cord-compression-emergency'],
  ])('a post-operative patient\'s MRI finding gets the pitfall, compression still the emergency: %j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it('still answers a post-operative wound that is draining, or a previously operated level', () => {
    expect(faq.ask('post op day 12 after a laminectomy, wound draining, does this pathway apply').unsure).toBeUndefined();
    expect(shown('post op day 12 after a laminectomy, wound draining, does this pathway apply')).toBe('exclusions');
  });

  it('still answers a question whose history names another disease, or that weighs one against infection', () => {
    expect(shown('hx breast cancer, xr shows endplate erosion, what should i order')).toBe('recommendation');
    expect(shown('possible myeloma vs infection, ct lytic lesion')).toBe('ddx-malignancy');
    expect(shown('how do i read enhancement after spine surgery')).toBe('pitfall-post-operative');
  });

  it('reads "icd" as a defibrillator, but "ICD-10" as a diagnosis code', () => {
    expect(shorthand.expand('pt has an icd')).toContain('implanted defibrillator');
    expect(shorthand.expand('ICD-10 code')).toContain('diagnosis code');
    expect(shorthand.expand('ICD-10 code')).not.toContain('defibrillator');
  });
});

describe('what the MRI showed, read apart from labs and other subjects', () => {
  it.each<[string, object]>([
    // Normal labs, cultures or bloods are not an MRI result: the abscess is still stated.
    ['labs normal, abscess with cord compression', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['crp normal; epidural abscess compressing the cord', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['bloods unremarkable, SEA, no cord compression', { mri: 'positive', compression: 'no', conflicts: [] }],
    // A signal change after a negated finding: the negation ends at "but"; never a negative MRI.
    ["MRI didn't show an abscess but endplate enhancement", { conflicts: ['mri'] }],
    ['mri: no abscess, however marrow edema at L4', { conflicts: ['mri'] }],
    ['mri negative, no abnormal enhancement', { mri: 'negative', conflicts: [] }],
    ['mri shows discitis with endplate enhancement', { mri: 'positive', conflicts: [] }],
    // Composed compression wordings, and their negation.
    ['mri: abscess squashing the cauda equina', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['mri: collection pressing on the conus', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['mri: abscess not pressing on the conus', { mri: 'positive', compression: 'no', conflicts: [] }],
    // Composed intact and reduced functions; "neurologically normal" is the exam, not the MRI.
    ['full power and sensation in all four limbs', { neuro: 'intact', conflicts: [] }],
    ['power and sensation are normal', { neuro: 'intact', conflicts: [] }],
    ['how soon mri if he is neurologically normal', { neuro: 'intact', conflicts: [] }],
    ['reduced power in both legs', { neuro: 'deficit', conflicts: [] }],
    ['strength now 4/5', { neuro: 'deficit', conflicts: [] }],
    ['power not full', { neuro: 'deficit', conflicts: [] }],
    // One negation over a list closed by "or"/"nor"; a comma without one ends it.
    ['mri read as no evidence of discitis, osteomyelitis or epidural abscess', { mri: 'negative', conflicts: [] }],
    ['mri: negative for abscess, phlegmon, or discitis', { mri: 'negative', conflicts: [] }],
    ['mri: no abscess, discitis at L4', { mri: 'positive', conflicts: [] }],
    ['mri showed no definite evidence of a collection, discitis or osteomyelitis', { mri: 'negative', conflicts: [] }],
    ['mri excluded osteo and an abscess', { mri: 'negative', conflicts: [] }],
    ["mri didn't find anything", { mri: 'negative', conflicts: [] }],
    ['mri: no collection, osteomyelitis and discitis at T9', { mri: 'positive', conflicts: [] }],
    // An equivocal report stays indeterminate when another cue near it is uncertain.
    ['mri equivocal - ?early discitis vs degeneration', { mri: 'indeterminate', conflicts: [] }],
  ])('%j', (q, expected) => {
    expect(state(q)).toEqual(expected);
  });

  it('answers a stated abscess with compression as the emergency, whatever the labs were', () => {
    expect(shown('labs normal, abscess with cord compression')).toBe('cord-compression-emergency');
    expect(shown("MRI didn't show an abscess but endplate enhancement")).toBe('faq-none');
  });
});

describe('waits: the risk of delay, a finding\'s duration and the setting', () => {
  it.each([
    ['could a delay in the mri make things worse', 'pitfall-delay'],
    ['is deferring the mri till monday risky', 'pitfall-delay'],
    ['why shouldnt the mri be postponed', 'pitfall-delay'],
    ['mri postponed to thursday, scanner broken, neuro intact. acceptable?', 'urgency-neuro-intact'],
    ['can waiting for the mri cause irreversible damage', 'pitfall-delay'],
    ['whats the harm in postponing the mri 2 days', 'pitfall-delay'],
    ['neuro intact, can the mri wait until the morning list', 'urgency-neuro-intact'],
    ['how long does enhancement persist after a laminectomy', 'pitfall-post-operative'],
    ['after a fusion, how long can enhancement mimic an infection', 'pitfall-post-operative'],
    ['she hasnt had any imaging yet, is this pathway for her', 'exclusions'],
    ['the scanner only does non contrast mri after hours. is that enough?', 'pitfall-non-contrast-mri'],
    ['why should the mri not be postponed when the ct is already abnormal', 'pitfall-delay'],
    ['mri is full till friday, would a ct with contrast do the job?', 'ct-with-contrast'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });
});

describe('contrast and MRI safety as stated', () => {
  it('fits the non-contrast pitfall only to a question without contrast given, the contrast CT only to one with it', () => {
    const read = (q: string) => reader.read(shorthand.expand(q));
    expect(fits(files.state.entries['pitfall-non-contrast-mri'], read('why is gad needed at all'))).toBe(false);
    expect(fits(files.state.entries['pitfall-non-contrast-mri'], read('can we skip the contrast'))).toBe(true);
    expect(fits(files.state.entries['ct-with-contrast'], read('mri protocolled without contrast'))).toBe(false);
    expect(fits(files.state.entries['ct-with-contrast'], read('would a ct w contrast do'))).toBe(true);
  });

  it.each([
    // An entry about a non-contrast MRI, or a contrast CT, fits only the contrast the question states.
    ['radiology would like to skip the gad, is that ok', 'pitfall-non-contrast-mri'],
    ['ct L3 erosion. mri was protocolled non contrast because it is the weekend. acceptable?', 'pitfall-non-contrast-mri'],
    // "non-MRI-safe" is a device that rules MRI out, not an MRI-safe one.
    ['79M with a non-MRI-safe pacer and ct showing T11 endplate destruction, what now?', 'mri-contraindication'],
    // A time saying when something was done is not a wait.
    ['only managed a non con mri overnight. is that enough?', 'pitfall-non-contrast-mri'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });
});

describe('context around the asking clause', () => {
  it.each([
    ['58M, IVDU, CRP 150. xr shows disc narrowing at L4-5. Could this be degenerative change rather than infection?', 'ddx-degenerative-modic'],
    ['ED registrar. 44F, fever, ct L2 endplate erosion. Is a contrast enhanced ct an acceptable substitute for mri?', 'ct-with-contrast'],
    ['on dialysis, ct shows endplate destruction, new numbness in both feet tonight. can the mri wait till morning?', 'pitfall-delay'],
    ['A student asked me why the mri is ordered without and with contrast. What reasoning do I give?', 'why-mri-with-contrast'],
  ])('%j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it('still declines an off-topic question asked after the context, and contrast in kidney failure', () => {
    expect(faq.ask('ct shows endplate erosion at L3. how long do we give antibiotics?').unsure).toBe('off-topic');
    expect(faq.ask('pt on dialysis. can we give gadolinium?').unsure).toBe('off-topic');
    expect(faq.ask('mri shows discitis. what dose of vanc?').unsure).toBe('off-topic');
  });
});

describe('phrases: determiners optional, composed lists, swapped letters', () => {
  it('matches a listed phrase with or without articles and possessives in between', () => {
    const scanner = compilePhrases(new Map([['x', ['metal fragment in the eye']]]));
    for (const q of ['metal fragment in his eye', 'metal fragment in eye', 'metal fragment in the eye']) {
      expect(scanner.scan(scanner.tokens(q)).map((h) => h.labels), q).toEqual([['x']]);
    }
    expect(scanner.scan(scanner.tokens('metal fragment, in the eye'))).toEqual([]);
  });

  it('composes every first phrase, link and second phrase', () => {
    expect(composedTerms({ first: ['full', 'normal'], links: ['', 'is'], second: ['power'] })).toEqual(['full power', 'full is power', 'normal power', 'normal is power']);
  });

  it('reads a spinal level clause break at a spaced dash', () => {
    const scanner = compilePhrases(new Map([['x', ['equivocal']]]));
    expect(scanner.tokens('mri equivocal - next?').map((t) => t.brk ?? '')).toEqual(['', '', 'clause', '', 'sentence']);
  });

  it.each([
    ['?osteo on the ct, wht imaging nxt', 'recommendation'],
    ['is an mri w/o gad enuf', 'pitfall-non-contrast-mri'],
    ['hw soon shld the mri happen, neuro intact', 'urgency-neuro-intact'],
  ])('reads chat spellings of question words: %j -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it('corrects two swapped letters to the one known word', () => {
    expect(shown('how urgnet is the mri if neuro intact')).toBe('urgency-neuro-intact');
    expect(faq.ask('is an mri wihtout contrast enough').view).toMatchObject({ kind: 'faq', faqId: 'pitfall-non-contrast-mri' });
  });
});
