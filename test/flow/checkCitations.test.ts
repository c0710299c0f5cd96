import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/flow/checkCitations.js';
import type { Problem } from '../../src/flow/parseContent.js';

const SOURCE = {
  file: 'source.txt',
  text: [
    'A Title',
    'Background:',
    'MRI “without and with IV contrast” is preferred – see   below.',
    'It is USUALLY appropriate; the ‘gold standard’.',
    'Pitfalls',
    'Do not delay imaging.',
    'Notes on background:',
    'Last words.',
  ].join('\r\n'),
};

/** The problems found for citations written as `[section, quote]`. */
const check = (...citations: Array<[string, string]>): Problem[] => {
  const problems: Problem[] = [];
  checkCitations(citations.map(([section, quote], i) => ({ file: 'rules.yaml', path: ['facts', i], citation: { section, quote } })), SOURCE, problems);
  return problems;
};

describe('checkCitations', () => {
  it('matches quotes whatever their quote marks, dashes, spacing and case', () => {
    expect(check(
      ['Background', 'MRI "without and with IV contrast" is preferred - see below.'],
      ['background:', "it is usually appropriate; the 'gold standard'"],
      ['Pitfalls', 'do not   delay imaging'],
      ['Notes on background', 'last words'],
    )).toEqual([]);
  });

  it('finds a quote that runs over a line break of the source, and a section written with spaces around it', () => {
    expect(check(['  Background:  ', 'is preferred - see below. it is usually appropriate'])).toEqual([]);
  });

  it('names a section that is not the start of a line of the source', () => {
    expect(check(['Imaging', 'Do not delay imaging.'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 0, 'section'], message: '"Imaging" is not a heading of source.txt' },
    ]);
    expect(check(['delay imaging', 'Do not delay imaging.'])).toHaveLength(1);
  });

  it('names a quote the source does not have', () => {
    expect(check(['Pitfalls', 'Always delay imaging.'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 0, 'quote'], message: '"Always delay imaging." does not appear in source.txt' },
    ]);
  });

  it('names a quote that is in the source but under another cited heading', () => {
    expect(check(['Background', 'Do not delay imaging.'], ['Pitfalls', 'Do not delay imaging.'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 0, 'quote'], message: '"Do not delay imaging." does not appear under "Background"' },
    ]);
    // A quote before its heading is not under it either.
    expect(check(['Pitfalls', 'It is usually appropriate'], ['Background', 'It is usually appropriate'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 0, 'quote'], message: '"It is usually appropriate" does not appear under "Pitfalls"' },
    ]);
  });

  it('reads a section up to the next heading some citation names, and the last one to the end', () => {
    // "Pitfalls" is not cited, so it does not end the Background section.
    expect(check(['Background', 'Do not delay imaging.'])).toEqual([]);
    expect(check(['Notes on background', 'Last words.'], ['Background', 'Last words.'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 1, 'quote'], message: '"Last words." does not appear under "Background"' },
    ]);
    // The nearest cited heading ends it, whatever order the citations come in.
    expect(check(['Pitfalls', 'Do not delay imaging.'], ['Notes on background', 'Last words.'], ['Background', 'Do not delay imaging.'])).toEqual([
      { file: 'rules.yaml', path: ['facts', 2, 'quote'], message: '"Do not delay imaging." does not appear under "Background"' },
    ]);
  });
});
