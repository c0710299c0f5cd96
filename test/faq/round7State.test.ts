/**
 * Round 7 of issue 15 (classes the blind tuning sets t7a and t7b showed, tested with our own
 * wordings): how the state reader reads an answer after an unspaced dash, "enhancing" (a signal,
 * not contrast), hedges with an adverb inside, infection named as a worry, a finding placed on an
 * image with no study named, and the study words that name a report. Runs against the faq mutation group.
 */
import { describe, expect, it } from 'vitest';
import { clauseStart, scanTokens } from '../../src/faq/phraseScan.js';
import { located } from '../../src/faq/questionForm.js';
import { namesSubject } from '../../src/faq/stateFit.js';
import { expandPlus } from '../../src/faq/shorthand.js';
import { axesOf, stateOf } from './readState.js';

describe('an answer written after an unspaced dash', () => {
  it.each([
    'cord compression-none',
    'SEA at T7, cord compression-no, what next',
    'epidural abscess. cord compression–nil',
    'abscess on mri; compression-NEG.',
    'SEA, cord compression-absent, neuro intact',
  ])('%j: no compression', (q) => {
    expect(axesOf(q).compression).toBe('no');
  });

  it('ends its clause only before a lone answer word: other hyphens still join', () => {
    expect(scanTokens('compression-none').map((t) => t.stem)).toEqual(['compress', '-', 'none']);
    expect(scanTokens('compression-none, ok').map((t) => t.brk ?? '')).toEqual(['', 'clause', '', 'clause', '']);
    expect(scanTokens('culture-negative discitis').map((t) => t.stem)).toEqual(['cultur', 'negativ', 'discitis']);
    expect(scanTokens('non-contrast').map((t) => t.stem)).toEqual(['non', 'contrast']);
    expect(scanTokens('L4-5').map((t) => t.stem)).toEqual(['l4', '5']);
    expect(scanTokens('a no-brainer').map((t) => t.stem)).toEqual(['a', 'no', 'brainer']);
  });
});

describe('"enhancing" is a signal on the MRI, never the contrast', () => {
  it.each(['enhancing? no', 'disc enhancing: no', 'any enhancing tissue? none'])('%j: states no contrast', (q) => {
    expect(axesOf(q).contrast).toBeUndefined();
  });

  it.each(['contrast-enhanced MRI: clean', 'gadolinium-enhanced mri negative', 'mri with contrast, enhancing disc'])('%j: contrast given', (q) => {
    expect(axesOf(q).contrast).toBe('given');
  });
});

describe('hedges and negations in the wordings of round 7', () => {
  it.each([
    ['MRI: infection not entirely excluded', 'indeterminate'],
    ['mri w wo: osteomyelitis cannot completely be excluded', 'indeterminate'],
    ['mri not clearly pos or neg', 'indeterminate'],
    ['the MRI is neither positive nor negative', 'indeterminate'],
    ['MRI: no fluid collection, no discitis. can we stop worrying about infection?', 'negative'],
    ['mri neg c/w no active infection', 'negative'],
    ['contrast mri unremarkable for infection', 'negative'],
    ['mri clean for spine infection, what now', 'negative'],
  ])('%j: MRI %s', (q, mri) => {
    expect(axesOf(q).mri).toBe(mri);
  });

  it.each(['old healed compression fx at T12', 'compression fxs at L1 and L2, mri negative'])('%j: a compression fracture is no cord compression', (q) => {
    expect(axesOf(q).compression).toBeUndefined();
  });

  it.each(['gad not given, read neg', 'mri lumbar, gadolinium wasnt given', 'MRI done without contrast'])('%j: no contrast', (q) => {
    expect(axesOf(q).contrast).toBe('none');
  });

  it.each(['mri c/w discitis, bcx neg x2', 'MRI + osteomyelitis, blood cx negative'])('%j: negative cultures are not a negative MRI', (q) => {
    expect(axesOf(q)).toMatchObject({ mri: 'positive', conflicts: [] });
  });

  it.each([
    ['degenerative or infection on the mri?', 'indeterminate'],
    ['mri endplate edema, modic or infection?', 'indeterminate'],
  ])('%j: an alternative named beside the finding leaves it open (%s)', (q, mri) => {
    expect(axesOf(q).mri).toBe(mri);
  });
});

describe('an epidural abscess or phlegmon placed on an image, no study named, is the MRI\'s', () => {
  it.each([
    'small ventral SEA at T9, what now',
    'positive discitis L2-3 with epidural phlegmon, who do i call',
    'dorsal epidural abscess T4-6, neuro intact. next?',
  ])('%j: a positive MRI', (q) => {
    expect(axesOf(q)).toMatchObject({ mri: 'positive', conflicts: [] });
  });

  it.each([
    'what is a spinal epidural abscess',
    'dexamethasone for epidural abscess?',
    'can a small epidural abscess be missed on CT?',
    'tell me about phlegmon',
    'CT shows small ventral epidural collection at L4',
  ])('%j: no MRI result', (q) => {
    expect(axesOf(q).mri).toBeUndefined();
  });

  it.each<[string, string, boolean]>([
    ['small abscess', 'abscess', true],
    ['abscess at t9', 'abscess', true],
    ['ventral abscess', 'abscess', true],
    ['dorsal abscess', 'abscess', true],
    ['anterior abscess', 'abscess', true],
    ['posterior abscess', 'abscess', true],
    ['large abscess', 'abscess', true],
    ['big abscess', 'abscess', true],
    ['tiny abscess', 'abscess', true],
    ['huge abscess', 'abscess', true],
    ['multilevel abscess', 'abscess', true],
    ['abscess c5', 'abscess', true],
    ['abscess l12', 'abscess', true],
    ['abscess s1', 'abscess', true],
    ['l4. abscess', 'abscess', false],
    ['abscess. small', 'abscess', false],
    ['abscess, small', 'abscess', true],
    ['abscess l123', 'abscess', false],
    ['abscess at level 4', 'abscess', false],
    ['what is an abscess', 'abscess', false],
    // A clause opening with a question word asks about the finding, wherever it is placed.
    ['whats a small abscess', 'abscess', false],
    ['how small an abscess', 'abscess', false],
    ['why a small abscess', 'abscess', false],
    ['when a small abscess', 'abscess', false],
    ['which small abscess', 'abscess', false],
    ['is a small abscess', 'abscess', false],
    ['can a small abscess', 'abscess', false],
    ['so a small abscess', 'abscess', true],
  ])('located(%j at %j) -> %s', (text, word, expected) => {
    const tokens = scanTokens(text);
    expect(located(tokens, tokens.findIndex((t) => t.stem === word || t.stem === `${word}e`))).toBe(expected);
  });
});

describe('"+" opening a clause or after "but" is a finding', () => {
  it.each([
    ['+ SEA, no compression', 'positive SEA, no compression'],
    ['neg for abscess but + osteo', 'neg for abscess but positive osteo'],
    ['mri: + discitis', 'mri: positive discitis'],
    ['(+ phlegmon)', '(positive phlegmon)'],
    ['fever + back pain', 'fever and back pain'],
  ])('%j -> %j', (typed, read) => {
    expect(expandPlus(typed).replace(/\s+/g, ' ').trim()).toBe(read);
  });

  it('reads the finding after "but +" as found on the MRI', () => {
    expect(axesOf('MRI: neg for abscess but + osteo at L5')).toMatchObject({ mri: 'positive', conflicts: [] });
  });
});

describe('clauseStart', () => {
  it.each<[string, number, number]>([
    ['a b c', 2, 0],
    ['a, b c', 3, 2],
    ['a. b c', 3, 2],
    ['a, b', 2, 2],
    ['a b', 0, 0],
  ])('clauseStart(%j, %i) -> %i', (text, at, expected) => {
    expect(clauseStart(scanTokens(text), at)).toBe(expected);
  });
});

describe('namesSubject: an entry about one study answers only a question naming it', () => {
  const subject = { subject: ['subject-bone-scan', 'subject-pet'] };
  it.each<[string, boolean]>([
    ['why not a bone scan', true],
    ['is a PET good enough', true],
    ['nuc med offered a scan', true],
    ['why is MRI better than everything else', false],
  ])('%j -> %s', (q, expected) => {
    expect(namesSubject(subject, stateOf(q))).toBe(expected);
  });

  it('an entry with no subject, or no declared applicability, needs none', () => {
    expect(namesSubject(undefined, stateOf('anything'))).toBe(true);
    expect(namesSubject({ mriPossible: ['yes'] }, stateOf('anything'))).toBe(true);
    expect(namesSubject({ subject: ['subject-pet'] }, { conflicts: [] })).toBe(false);
  });
});
