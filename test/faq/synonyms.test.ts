/** synonyms.yaml: validation errors name the file and the path; analysis uses the table. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/flow/parseContent.js';
import { compileSynonyms, loadSynonyms } from '../../src/faq/synonyms.js';
import { analyse, isSmallTalk, stem, synonymWords } from '../../src/faq/textAnalysis.js';

const FLOW = 'spine-infection-abnormal-imaging';
const FILE = `rules/${FLOW}/synonyms.yaml`;

/** Writes `yamlText` as rules/<flow>/synonyms.yaml under a fresh temporary root. */
function rootWith(yamlText: string): string {
  const root = mkdtempSync(join(tmpdir(), 'faq-syn-'));
  mkdirSync(join(root, 'rules', FLOW), { recursive: true });
  writeFileSync(join(root, 'rules', FLOW, 'synonyms.yaml'), yamlText);
  return root;
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('loadSynonyms', () => {
  it('loads the project file', () => {
    const table = loadSynonyms(FLOW);
    expect(table.phrases.get('x ray')).toBe('radiograph');
    expect(table.exactCase.get('DO')).toBe('discitisosteomyelitis');
  });

  it('names the file and the path of a schema problem', () => {
    const root = rootWith('schemaVersion: 1\ngroups:\n  - canonical: mri\n    terms: [mri, 42, ""]\n');
    const err = errorOf(() => loadSynonyms(FLOW, root));
    expect(err).toBeInstanceOf(ContentError);
    expect(err.message).toContain(`${FILE}: groups[0].terms[1]`);
    expect(err.message).toContain(`${FILE}: groups[0].terms[2]: must not be empty`);
  });

  it('rejects a wrong schemaVersion and unknown keys', () => {
    const err = errorOf(() => loadSynonyms(FLOW, rootWith('schemaVersion: 2\ngroups: [{canonical: mri, terms: [mri], colour: red}]\n')));
    expect(err.message).toContain(`${FILE}: schemaVersion: schemaVersion must be 1`);
    expect(err.message).toMatch(new RegExp(`${FILE.replace(/[.]/g, '\\.')}: groups\\[0\\]: .*colour`));
  });

  it('rejects a term claimed by two groups, naming where', () => {
    const err = errorOf(() =>
      loadSynonyms(FLOW, rootWith('schemaVersion: 1\ngroups:\n  - {canonical: ct, terms: [cat scan]}\n  - {canonical: pet, terms: [fdg, cat scan]}\n')),
    );
    expect(err.message).toContain(`${FILE}: groups[1].terms[1]: "cat scan" is already a term of group "ct"`);
  });

  it('names the file when it is not YAML or missing', () => {
    expect(errorOf(() => loadSynonyms(FLOW, rootWith('groups: [unclosed\n'))).message).toMatch(new RegExp(`^${FILE}: not valid YAML`));
    expect(errorOf(() => loadSynonyms('no-such-flow', rootWith('x: 1'))).message).toContain('rules/no-such-flow/synonyms.yaml: cannot be read');
  });
});

describe('text analysis', () => {
  const table = compileSynonyms(
    {
      schemaVersion: 1,
      groups: [
        { canonical: 'radiograph', terms: ['x ray', 'xray', 'plain film'] },
        { canonical: 'non-contrast', terms: ['without contrast'] },
        { canonical: 'with-and-without', terms: ['with and without contrast'] },
        { canonical: 'discitis-osteomyelitis', terms: ['discitis'], exactCase: ['DO'] },
      ],
      stopWords: ['the', 'on', 'what', 'do', 'i', 'with', 'and'],
    },
    'test.yaml',
  );

  it('folds phrases and spellings to one canonical term, longest phrase first', () => {
    expect(analyse('X-Rays on the plain film', table, 'query')).toEqual(['radiograph']);
    expect(analyse('MRI with and without contrast', table, 'query')).toEqual(['mri', 'withandwithout']);
    expect(analyse('MRI without contrast', table, 'query')).toEqual(['mri', 'noncontrast']);
  });

  it('keeps the written words beside the canonical term in the index', () => {
    expect(analyse('plain film', table, 'index')).toEqual(['plain', 'film', 'radiograph']);
    expect(synonymWords('plain film', table)).toEqual(['plain', 'film']);
  });

  it('reads DO as discitis-osteomyelitis only in capitals', () => {
    expect(analyse('what is DO', table, 'query')).toEqual(['is', 'discitisosteomyelitis']);
    expect(analyse('what do i do', table, 'query')).toEqual([]);
  });

  it('stems lightly and consistently', () => {
    expect(stem('delaying')).toBe(stem('delayed'));
    expect(stem('infections')).toBe(stem('infected'));
    expect(stem('region')).toBe('region');
  });

  it('recognises small talk but not a question that starts with it', () => {
    expect(isSmallTalk('Hi there!')).toBe(true);
    expect(isSmallTalk('thanks a lot')).toBe(true);
    expect(isSmallTalk('?')).toBe(true);
    expect(isSmallTalk('hi, is a plain film enough')).toBe(false);
  });
});

describe('the project synonyms carry no polarity', () => {
  const table = loadSynonyms(FLOW);
  it.each([
    ['no abscess', 'negative'],
    ['no infection', 'negative'],
    ['ruled out', 'negative'],
    ["didn't show infection", 'positive'],
    ['mri shows infection', 'positive'],
  ])('%j is not folded to %s (negation is read with its scope by the state reader)', (text, canonical) => {
    expect(analyse(text, table, 'query')).not.toContain(canonical);
  });
});
