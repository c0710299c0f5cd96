/**
 * How a question is put (questionForm.ts): a finding in a clause that opens with a yes/no verb
 * and names no study is asked about, not found; and which words name a radiology report. Tokens
 * come from the scanner (the stems the reader sees); phrase hits are built by hand.
 */
import { describe, expect, it } from 'vitest';
import { scanTokens, type PhraseHit } from '../../src/faq/phraseScan.js';
import { REPORT_WORDS, asksAbout } from '../../src/faq/questionForm.js';

/** Whether the finding word `finding` of `text` is asked about, given phrase hits labelled by word. */
function asked(text: string, finding: string, labelled: Record<string, string[]> = {}): boolean {
  const tokens = scanTokens(text);
  const index = (word: string) => {
    const i = tokens.findIndex((t) => t.stem === scanTokens(word)[0].stem);
    if (i < 0) throw new Error(`"${word}" is not a token of "${text}"`);
    return i;
  };
  const hits: PhraseHit[] = Object.entries(labelled).map(([word, labels]) => ({ start: index(word), end: index(word) + 1, labels }));
  return asksAbout(tokens, hits, index(finding));
}

describe('asksAbout: the clause opens with a yes/no verb', () => {
  it.each(['is', 'are', 'was', 'were', 'can', 'could', 'does', 'do', 'did', 'might', 'may', 'would', 'will', "isn't", "aren't", "doesn't", "can't"])(
    '"%s ... abscess" asks about the abscess',
    (verb) => {
      expect(asked(`${verb} it an abscess`, 'abscess')).toBe(true);
      expect(asked(`${verb.toUpperCase()} it an abscess`, 'abscess')).toBe(true);
    },
  );

  it.each<[string, string, boolean]>([
    ['a statement', 'there is an abscess', false],
    ['a wh- question', 'what causes an abscess', false],
    ['the finding opening the clause', 'abscess on the left', false],
    ['the verb opening the clause of the finding after a comma', 'MRI done, is there an abscess', true],
    ['the verb opening the clause of the finding after a sentence', 'MRI done. Is there an abscess', true],
    ['the verb opening an earlier clause only', 'is it urgent, there is an abscess', false],
    ['the verb opening an earlier sentence only', 'is it urgent? There is an abscess', false],
    ['the verb opening a later clause only', 'abscess seen, is it urgent', false],
  ])('%s: "%s" -> %s', (_, text, expected) => {
    expect(asked(text, 'abscess')).toBe(expected);
  });

  it('is false with no tokens at all', () => {
    expect(asksAbout([], [], 0)).toBe(false);
  });
});

describe('asksAbout: a study named in the same clause makes it a finding', () => {
  it.each(['c:mri-study', 'c:mri-repeat', 'c:other-study'])('a %s hit in the clause: found, not asked', (label) => {
    expect(asked('is there an abscess on MRI', 'abscess', { mri: [label] })).toBe(false);
    expect(asked('does MRI show an abscess', 'abscess', { mri: [label] })).toBe(false);
  });

  it.each<[string, string, Record<string, string[]>, boolean]>([
    ['a study among a hit\'s labels', 'is there an abscess on MRI', { mri: ['t:pre', 'c:mri-study'] }, false],
    ['a cue hit that names no study', 'is there an abscess with compression', { compression: ['c:compression'] }, true],
    ['a trigger hit', 'is there no abscess', { no: ['t:pre'] }, true],
    ['a finding hit', 'is there an abscess', { abscess: ['c:finding'] }, true],
    ['a study in the clause before', 'MRI done, is there an abscess', { mri: ['c:mri-study'] }, true],
    ['a study in the sentence before', 'MRI done. Is there an abscess', { mri: ['c:mri-study'] }, true],
    ['a study in the clause after', 'is there an abscess, MRI pending', { mri: ['c:mri-study'] }, true],
    ['a study in the sentence after', 'is there an abscess? MRI pending', { mri: ['c:mri-study'] }, true],
    ['a study at the end of the text, same clause', 'could this be an abscess on MRI', { mri: ['c:mri-study'] }, false],
  ])('%s: "%s" -> %s', (_, text, labelled, expected) => {
    expect(asked(text, 'abscess', labelled)).toBe(expected);
  });

  it('counts a study hit from the clause\'s first token to its break, and none outside', () => {
    const tokens = scanTokens('MRI, is there an abscess, CT');
    const study = (start: number): PhraseHit[] => [{ start, end: start + 1, labels: ['c:mri-study'] }];
    // tokens: 0 MRI, 1 ",", 2 is, 3 there, 4 an, 5 abscess, 6 ",", 7 CT
    expect(asksAbout(tokens, study(2), 5)).toBe(false);
    expect(asksAbout(tokens, study(5), 5)).toBe(false);
    expect(asksAbout(tokens, study(1), 5)).toBe(true);
    expect(asksAbout(tokens, study(6), 5)).toBe(true);
    expect(asksAbout(tokens, study(7), 5)).toBe(true);
    expect(asksAbout(tokens, [], 5)).toBe(true);
  });
});

describe('REPORT_WORDS', () => {
  const stemOf = (word: string) => scanTokens(word)[0].stem;
  it.each<[string, boolean]>([
    ['report', true],
    ['reports', true],
    ['reported', true],
    ['Report', true],
    ['impression', true],
    ['impressions', true],
    ['radiologist', true],
    ['radiologists', true],
    // A report is named by its reading too ("read says 'cannot exclude early infection'"); "radiology" is a
    // department ("rads won't scan him"), not a report.
    ['read', true],
    ['reads', true],
    ['reading', true],
    ['radiology', false],
    ['scan', false],
    ['result', false],
    ['mri', false],
  ])('"%s" names a report: %s', (word, expected) => {
    expect(REPORT_WORDS.has(stemOf(word))).toBe(expected);
  });
});
