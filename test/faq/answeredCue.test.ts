/**
 * Round 6 of issue 15, two classes in our own wordings: a cue answered "no" in place
 * ("abscess - compression? no") is negated, so it never gets the compression emergency; and a
 * question asking whether a study found something ("is there an abscess on the MRI?") states no
 * MRI result. Checked on the state the question is read as and on what the bot answers; every answer
 * word, break, question opening and verb of finding has a wording of its own (issue 19).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { answeredNo, answersInPlace, asksWhetherFound } from '../../src/faq/answeredCue.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import type { PhraseHit } from '../../src/faq/phraseScan.js';
import { scanTokens } from '../../src/faq/phraseScan.js';

const faq = createFaqIndex(loadContent());
const ask = (q: string) => {
  const r = faq.ask(q);
  return { shown: r.view.kind === 'faq' ? r.view.faqId : r.view.kind, state: r.state };
};

describe('a cue answered "no" in place is negated', () => {
  it.each([
    'abscess - compression? no',
    'epidural abscess on mri. cord compression? none',
    'SEA at T9 on the MRI; compression: no',
    'mri: phlegmon at L2. cord compression - neg',
    'MRI shows a small collection, cord compression: nil',
    'mri + for abscess - compression - no',
    'ventral epidural abscess on MR. compressing the cord? no',
    'MRI: discitis and a psoas collection. compression: none',
    'mri confirms SEA L4. mass effect on the thecal sac? no. neuro intact',
    'abscess on mri - cord compression? absent - what now',
    'MRI c/w epidural abscess. Compression? Nope.',
    'mri: osteo + small SEA; cord compression: NO; plan?',
    'spinal epidural abscess on mri, cord compression? negative',
    'MRI showed an abscess at C6. Cord compression: none. Next steps?',
    'MRI positive for SEA. compression? no. deficit? none',
    'SEA on the MRI. cord compression -- no',
    'MRI: epidural abscess at T8. cord compression \u2013 none',
    'epidural abscess on the MRI. cord compression \u2014 nil',
    'MRI: SEA at T10. Cord compression? Not.',
  ])('%j: no compression, never the emergency', (q) => {
    const { shown, state } = ask(q);
    expect(state?.compression).toBe('no');
    expect(shown).not.toBe('cord-compression-emergency');
  });

  it.each([
    ['mri: abscess. compression? yes', 'yes'],
    ['mri: abscess. compression? no, but new leg weakness', 'no'],
    ['mri: abscess, no compression', 'no'],
  ])('%j: compression %s (a "yes", or a "no" with more after it, reads as before)', (q, compression) => {
    expect(ask(q).state?.compression).toBe(compression);
  });

  it('the answer word states nothing else: "compression - neg" is not a negative MRI', () => {
    const { shown, state } = ask('mri: positive for SEA. cord compression - neg. neuro deficit? none. next');
    expect(state).toMatchObject({ mri: 'positive', compression: 'no', neuro: 'intact', conflicts: [] });
    expect(shown).toBe('after-mri-positive');
  });

  it.each(['MRI: negative', 'mri w/wo contrast: negative. still febrile, what next'])('%j: a study answered "negative" is a negative MRI', (q) => {
    expect(ask(q).state?.mri).toBe('negative');
  });

  it.each<[string, number, boolean]>([
    ['compression? no', 1, true],
    ['compression: none.', 1, true],
    ['compression - neg', 1, true],
    ['compression? no signs', 1, false],
    ['compression, no', 1, false],
    ['compression. no', 1, false],
    ['compression? yes', 1, false],
    ['compression?', 1, false],
    ['compression', 1, false],
    ['compression? ?', 1, false],
    ['compression -- no', 1, true],
    ['compression \u2013 none', 1, true],
    ['compression \u2014 nil', 1, true],
    ['compression? not', 1, true],
  ])('answeredNo(%j) -> %s', (text, end, expected) => {
    expect(answeredNo(scanTokens(text), end)).toBe(expected);
  });

  it('answersInPlace marks only answerable cue hits and their answer words', () => {
    const tokens = scanTokens('mri: no. compression? no');
    // tokens: 0 mri, 1 ":", 2 no, 3 ".", 4 compression, 5 "?", 6 no
    const hits: PhraseHit[] = [{ start: 0, end: 1, labels: ['c:mri-study'] }, { start: 4, end: 5, labels: ['c:compression'] }];
    expect(answersInPlace(tokens, hits)).toEqual({ negated: new Set([4]), answers: new Set([6]) });
  });
});

describe('a finding answered "no" in place is absent', () => {
  it.each([
    'MRI report: abscess? no. discitis? none.',
    'MRI done. infection? none',
    'MRI: no abscess, no discitis. marrow edema? none',
    // "enhancing" is both a signal change and a contrast word: the answer still negates it.
    'MRI: no discitis, no abscess. enhancing? no',
  ])('%j: a negative MRI, never the positive-MRI guidance', (q) => {
    const { shown, state } = ask(q);
    expect(state).toMatchObject({ mri: 'negative', conflicts: [] });
    expect(shown).not.toBe('after-mri-positive');
  });
});

describe('a question whether a study found something states no result', () => {
  it.each([
    'is there an abscess on the MRI?',
    'is there discitis on the mri',
    'are there any collections on MRI?',
    'any epidural abscess on the MR?',
    'does the MRI show osteomyelitis?',
    'did the mri show an abscess',
    'did the scan show discitis on the MRI?',
    'has the MRI shown any infection?',
    'was there a phlegmon on the mri',
    'do the MRI images demonstrate an epidural collection?',
    'were there any collections on the MRI?',
    'have they seen an abscess on the MRI?',
    'had the first MRI shown discitis?',
    'did they find an abscess on the MRI?',
    'did the radiologist see a collection on the MRI?',
    'did the MRI pick up an abscess?',
    'does the MRI report mention an epidural abscess?',
    'has the MRI report mentioned discitis?',
  ])('%j: no MRI result, never the positive-MRI guidance', (q) => {
    const { shown, state } = ask(q);
    expect(state?.mri).toBeUndefined();
    expect(shown).not.toBe('after-mri-positive');
  });

  it.each([
    ['MRI shows an abscess, is there cord compression?', 'positive'],
    ['the MRI showed discitis at L4. is there a role for biopsy?', 'positive'],
    ['the mri shows discitis - does that need ID?', 'positive'],
  ])('%j: a result stated before the question stays %s', (q, mri) => {
    expect(ask(q).state?.mri).toBe(mri);
  });

  it.each<[string, string, boolean]>([
    ['is there an abscess', 'abscess', true],
    ['are there abscesses', 'abscess', true],
    ['any abscess on mri', 'abscess', true],
    ['did the mri show an abscess', 'abscess', true],
    ['has mri found an abscess', 'abscess', true],
    ['does it look like an abscess', 'abscess', false],
    ['mri shows an abscess', 'abscess', false],
    ['there is an abscess', 'abscess', false],
    ['mri shows discitis, any abscess', 'abscess', true],
    ['any idea, mri shows abscess', 'abscess', false],
    ['were there abscesses on the mri', 'abscess', true],
    ['have they seen an abscess', 'abscess', true],
    ['had the mri shown an abscess', 'abscess', true],
    ['did they find an abscess', 'abscess', true],
    ['did they see an abscess', 'abscess', true],
    ['did the mri pick up an abscess', 'abscess', true],
    ['does the report mention an abscess', 'abscess', true],
    ['has the radiologist mentioned an abscess', 'abscess', true],
    // The verb of finding must come before the finding: these ask what to do about it.
    ['does an abscess need drainage if the mri shows one', 'abscess', false],
    ['does an abscess need drainage, the mri showed one', 'abscess', false],
  ])('asksWhetherFound(%j at %j) -> %s', (text, word, expected) => {
    const tokens = scanTokens(text);
    expect(asksWhetherFound(tokens, tokens.findIndex((t) => t.stem === word || t.stem === `${word}e`))).toBe(expected);
  });
});
