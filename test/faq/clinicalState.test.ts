/** The clinical state reader: NegEx scope over faq-state.yaml cues, after shorthand expansion. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { compileStateReader } from '../../src/faq/clinicalState.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { compileShorthand } from '../../src/faq/shorthand.js';

const content = loadContent();
const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
const reader = compileStateReader(files.state);
const shorthand = compileShorthand(files.shorthand);
const read = (q: string) => {
  const { mentioned: _m, ...state } = reader.read(shorthand.expand(q));
  return state;
};

describe('reading the clinical state', () => {
  it.each<[string, object]>([
    // Pre-negation triggers, and a scope that ends at "but" and at punctuation.
    ['mri positive for DO, no abscess', { mri: 'positive', conflicts: [] }],
    ['mri pos for osteo but no epidural abscess', { mri: 'positive', conflicts: [] }],
    ['no abscess but discitis on mri', { mri: 'positive', conflicts: [] }],
    ["contrast mri didn't show infection", { mri: 'negative', contrast: 'given', conflicts: [] }],
    ['mri negative for discitis', { mri: 'negative', conflicts: [] }],
    // Post-negation triggers.
    ['mri: abscess ruled out', { mri: 'negative', conflicts: [] }],
    ['on mri, discitis not seen', { mri: 'negative', conflicts: [] }],
    // Uncertainty, and the "r/o" that means "to rule out" (says nothing about the result).
    ['mri read as cannot exclude early discitis', { mri: 'indeterminate', conflicts: [] }],
    ['mri equivocal', { mri: 'indeterminate', conflicts: [] }],
    ['is mri w/o contrast enough to r/o infection', { contrast: 'none', conflicts: [] }],
    ['mri r/o discitis', { mri: 'negative', conflicts: [] }],
    // Findings of another study are not MRI results.
    ['xr c/w discitis, what next', { conflicts: [] }],
    ['ct showed abscess, mri pending', { conflicts: [] }],
    // "+" as positive, and as "and".
    ['MRI + for DO', { mri: 'positive', conflicts: [] }],
    ['fever + back pain, abnormal xray', { conflicts: [] }],
    // Compression, neurology, MRI possible, contrast.
    ['SEA, NO cord compression, neuro intact', { mri: 'positive', compression: 'no', neuro: 'intact', conflicts: [] }],
    ['abscess compressing the cauda equina', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['L1 compression fracture', { conflicts: [] }],
    ['no deficits', { neuro: 'intact', conflicts: [] }],
    ['new leg weakness', { neuro: 'deficit', conflicts: [] }],
    ['pt w pacer', { mriPossible: 'no', conflicts: [] }],
    ['pacer is MR-conditional', { mriPossible: 'yes', conflicts: [] }],
    ['AICD, not MR-conditional', { mriPossible: 'no', conflicts: [] }],
    ['mri w wo gad', { contrast: 'given', conflicts: [] }],
    // Contradictions on a safety axis are conflicts, never a guess.
    ['mri called positive, yet negative for infection in the impression', { conflicts: ['mri'] }],
    ['mri negative, small abscess at L2', { conflicts: ['mri'] }],
    ['cord compression or no cord compression', { conflicts: ['compression'] }],
    // A result in a later sentence belongs to the study last named, so it can still contradict it.
    ['MRI done. Report reads negative. Radiologist says c/w osteomyelitis', { conflicts: ['mri'] }],
    ['mri is positive. the impression says no infection', { conflicts: ['mri'] }],
    ['got the mri back. it was negative', { mri: 'negative', conflicts: [] }],
    ['neuro intact but new weakness', { conflicts: ['neuro'] }],
    // Hypothetical: what is being looked for is not what was found.
    ['mri to look for abscess', { conflicts: [] }],
    ['suspected discitis, which scan', { conflicts: [] }],
  ])('%j', (q, state) => {
    expect(read(q)).toEqual(state);
  });
});

describe('faq-state.yaml, faq-shorthand.yaml and faq-routing.yaml', () => {
  it('name the file and path of a problem, including ids faq.yaml lacks and labels over 40 characters', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'faq-rules-'));
    const dir = join(root, 'rules', content.flow.rules);
    cpSync(join(PROJECT_ROOT, 'rules', content.flow.rules), dir, { recursive: true });
    const routing = readFileSync(join(dir, 'faq-routing.yaml'), 'utf8')
      .replace('generalTopics: [recommendation,', 'generalTopics: [no-such-entry,')
      .replace('recommendation: Recommended next imaging', 'recommendation: A label that is much longer than forty characters');
    writeFileSync(join(dir, 'faq-routing.yaml'), routing);
    const ids = new Set(content.rules.faq.entries.map((e) => e.id));
    expect(() => loadFaqRulesFiles(content.flow.rules, ids, root)).toThrow(/faq-routing\.yaml: labels\.recommendation: a topic label is at most 40 characters/);
    writeFileSync(join(dir, 'faq-routing.yaml'), routing.replace('A label that is much longer than forty characters', 'Short'));
    expect(() => loadFaqRulesFiles(content.flow.rules, ids, root)).toThrow(/faq-routing\.yaml: generalTopics\[0\]: unknown faq id "no-such-entry"/);
  });

  it('give every entry a label of at most 40 characters', () => {
    for (const { id } of content.rules.faq.entries) {
      expect(files.routing.labels[id], id).toBeDefined();
      expect(files.routing.labels[id].length, id).toBeLessThanOrEqual(40);
    }
  });
});
