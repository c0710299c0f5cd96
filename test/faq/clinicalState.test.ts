/** The clinical state reader: NegEx scope over faq-state.yaml cues, after shorthand expansion. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { compileStateReader, fits } from '../../src/faq/clinicalState.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { compileShorthand } from '../../src/faq/shorthand.js';

const content = loadContent();
const files = loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)));
const reader = compileStateReader(files.state);
const shorthand = compileShorthand(files.shorthand);
const read = (q: string) => {
  const { mentioned: _m, affirmed: _a, sought: _s, ...state } = reader.read(shorthand.expand(q));
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
    // Round 3: a result word describes the nearest subject before it, which need not be a study.
    ['MRI shows epidural abscess compressing the cord; reflexes still normal', { mri: 'positive', compression: 'yes', neuro: 'intact', conflicts: [] }],
    ['MRI shows discitis; labs normal', { mri: 'positive', conflicts: [] }],
    ['blood cultures positive, mri negative for infection', { mri: 'negative', conflicts: [] }],
    ['mri negative. cultures positive', { mri: 'negative', conflicts: [] }],
    // A result word right before another subject describes that subject.
    ['ct suggests discitis, mri tomorrow, pt has normal power and sensation', { neuro: 'intact', conflicts: [] }],
    ['ct suggests discitis, mri tomorrow, normal reflexes', { neuro: 'intact', conflicts: [] }],
    ['mri tomorrow, normal crp', { conflicts: [] }],
    ['mri shows discitis, positive blood cultures', { mri: 'positive', conflicts: [] }],
    ['mri negative, normal labs', { mri: 'negative', conflicts: [] }],
    // A finding named right before the study says what the study is for ("spine infection mri").
    ['why gad in a spine infection mri', { contrast: 'given', conflicts: [] }],
    ['small abscess on mri', { mri: 'positive', conflicts: [] }],
    ['positive mri for discitis, admit?', { mri: 'positive', conflicts: [] }],
    // "mri for X", "whether", "how do I tell if": what is asked or looked for, not what was found.
    ['how soon mri for ?DO, no neuro sx', { neuro: 'intact', conflicts: [] }],
    ['does it matter for the mri whether the infection is in the neck', { conflicts: [] }],
    ['mri w enhancement. how do i tell if its infected', { conflicts: [] }],
    // "?X" is a query: a request's "mri ?SEA" or a report's "?early discitis" say nothing of the result.
    ['mri ?SEA how soon', { conflicts: [] }],
    ['mri: ?early discitis, equivocal', { mri: 'indeterminate', conflicts: [] }],
    ['mri cant tell infection from degeneration', { mri: 'indeterminate', conflicts: [] }],
    // Negation by "isn't", "nothing is"; a device that is not MR-safe makes MRI impossible.
    ['pacemaker that isnt mri compatible', { mriPossible: 'no', conflicts: [] }],
    ['pacer, radiology says not safe for mri', { mriPossible: 'no', conflicts: [] }],
    ['mri shows discitis but nothing is pressing on the cord', { mri: 'positive', compression: 'no', conflicts: [] }],
    ['new tingling in both feet', { neuro: 'deficit', conflicts: [] }],
    // A mimic of infection, or the typical look of it, is not infection found.
    ['what are the typical mri mimics of spinal infection', { conflicts: [] }],
    ['claustrophobic, refuses the mri even with sedation', { mriPossible: 'no', conflicts: [] }],
    // "suspicious for" is what a study raises, not what the MRI found.
    ['xr suspicious for discitis, mri next?', { conflicts: [] }],
    // "could represent" is uncertain; the cord is a subject of its own ("cord normal").
    ['MRI: findings could represent early discitis or Modic 1 change', { mri: 'indeterminate', conflicts: [] }],
    ['MRI: L1-2 discitis, no epidural collection, cord normal', { mri: 'positive', conflicts: [] }],
    ['walks fine, strength and sensation normal', { neuro: 'intact', conflicts: [] }],
    // Only a done MRI is repeated: a result with no study before it is that MRI's.
    ['Report says early discitis cannot be excluded. Do we repeat the MRI?', { mri: 'indeterminate', conflicts: [] }],
    ['report negative. repeat mri in 2 weeks?', { mri: 'negative', conflicts: [] }],
    ['discitis on xr. repeat mri?', { conflicts: [] }],
    ['discitis suspected. mri?', { conflicts: [] }],
    ['early discitis cannot be excluded, how soon mri', { conflicts: [] }],
    // Post-negation reaches back at most six words, never across a terminator or a clause break.
    ['mri: abscess at l2 l3 l4 l5 and s1 level ruled out', { mri: 'positive', conflicts: [] }],
    ['mri: abscess at l2 l3 l4 ruled out', { mri: 'negative', conflicts: [] }],
    ['mri: abscess but fluid ruled out', { mri: 'positive', conflicts: [] }],
    ['mri: abscess. ruled out', { mri: 'positive', conflicts: [] }],
    ['on mri, abscess not seen', { mri: 'negative', conflicts: [] }],
    // Uncertain after the cue, hypothetical after the cue ("infection workup").
    ['mri: discitis could not be excluded', { mri: 'indeterminate', conflicts: [] }],
    ['mri for infection workup', { conflicts: [] }],
    // An uncertain deficit counts as a deficit, a negated "intact" too (the safe side); an uncertain
    // reason MRI cannot be done makes it not possible; a plain MRI is one without contrast.
    ['possible new leg weakness', { neuro: 'deficit', conflicts: [] }],
    ['neuro not intact', { neuro: 'deficit', conflicts: [] }],
    ['no leg weakness', { neuro: 'intact', conflicts: [] }],
    ['possible aneurysm clip', { mriPossible: 'no', conflicts: [] }],
    ['pacer is not mr conditional', { mriPossible: 'no', conflicts: [] }],
    ['plain mri done', { contrast: 'none', conflicts: [] }],
    ['mri without gad', { contrast: 'none', conflicts: [] }],
    ['mri with and without gad, plain mri first', { conflicts: [] }],
    // A finding stated with its compression status and no study is an MRI finding; another
    // subject named alone does not stop that.
    ['epidural abscess with cord compression', { mri: 'positive', compression: 'yes', conflicts: [] }],
    // Pseudo-negation: "why not contrast" proposes contrast (every cue list of a role counts, not only its last).
    ['why not contrast', { contrast: 'given', conflicts: [] }],
    ['labs pending, epidural abscess with cord compression', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['ct shows epidural abscess with cord compression', { compression: 'yes', conflicts: [] }],
  ])('%j', (q, state) => {
    expect(read(q)).toEqual(state);
  });

  it('lists the roles affirmed of the patient apart from those only mentioned', () => {
    const state = reader.read(shorthand.expand('s/p fusion, mri shows no abscess'));
    expect(state.affirmed).toEqual(expect.arrayContaining(['post-operative', 'mri-study']));
    expect(state.affirmed).not.toContain('finding');
    expect(state.mentioned).toContain('finding');
    expect(reader.read('no prior spine surgery').affirmed).not.toContain('post-operative');
  });
});

describe('words the state reader explains', () => {
  it('are the stems of every cue and trigger phrase the question used, and nothing else', () => {
    const words = [...reader.explained(shorthand.expand('no evidence of abscess on mri, what now'))];
    expect(words.length).toBeGreaterThan(0);
    for (const w of ['abscess', 'mri']) expect(words.some((s) => w.startsWith(s)), w).toBe(true);
    expect([...reader.explained('what now')]).toEqual([]);
  });

  it('mentions only cue roles (never a trigger), and nothing for a question with no cue', () => {
    const roles = new Set(files.state.cues.map((c) => c.role));
    const state = reader.read(shorthand.expand('mri shows no abscess'));
    expect(state.mentioned).toEqual(expect.arrayContaining(['finding', 'mri-study']));
    for (const role of state.mentioned!) expect(roles.has(role), role).toBe(true);
    expect(reader.read('what now')).toEqual({ conflicts: [], mentioned: [], affirmed: [], sought: [] });
  });

  it('reads a question the same however often it is read, and each new question afresh', () => {
    expect(read('mri negative')).toEqual({ mri: 'negative', conflicts: [] });
    expect(read('mri negative')).toEqual({ mri: 'negative', conflicts: [] });
    expect(read('mri positive')).toEqual({ mri: 'positive', conflicts: [] });
  });
});

describe('which entries fit a state', () => {
  it('needs every mustState axis stated, any one mustMention role mentioned, and no unlessAffirmed role affirmed', () => {
    const s = (q: string) => reader.read(shorthand.expand(q));
    expect(fits({ mustMention: ['differential', 'finding'] }, s('what is discitis'))).toBe(true);
    expect(fits({ mustState: ['mri', 'neuro'] }, s('mri shows discitis'))).toBe(false);
    expect(fits({ mustState: ['mri', 'neuro'] }, s('mri shows discitis, no deficits'))).toBe(true);
    expect(fits({ unlessAffirmed: ['post-operative'] }, s('how soon mri'))).toBe(true);
    expect(fits({ mri: ['negative'], mustState: [], mustMention: undefined, unlessAffirmed: [] }, s('mri shows discitis'))).toBe(false);
    expect(fits({ mri: ['negative'] }, { conflicts: [] })).toBe(true);
    expect(fits({ mustMention: ['finding'] }, { conflicts: [] })).toBe(false);
    expect(fits({ unlessAffirmed: ['post-operative'] }, { conflicts: [] })).toBe(true);
  });

  const state = (q: string) => reader.read(shorthand.expand(q));
  it('unlessAffirmed: an affirmed role puts the question outside the entry; a negated one does not', () => {
    const applies = { mri: ['positive'], mustState: ['mri'], unlessAffirmed: ['post-operative'] };
    expect(fits(applies, state('mri shows discitis'))).toBe(true);
    expect(fits(applies, state('post op, mri shows discitis'))).toBe(false);
    expect(fits(applies, state('no prior surgery, mri shows discitis'))).toBe(true);
    expect(fits(applies, state('mri negative'))).toBe(false);
    expect(fits(applies, state('what is discitis'))).toBe(false);
  });

  it('mustMention, and an axis the question does not state fits any entry', () => {
    expect(fits({ mustMention: ['differential'] }, state('tumor vs infection'))).toBe(true);
    expect(fits({ mustMention: ['differential'] }, state('what is a tumor'))).toBe(false);
    expect(fits({ neuro: ['intact'] }, state('how soon mri'))).toBe(true);
    expect(fits({ neuro: ['intact'] }, state('how soon mri, new weakness'))).toBe(false);
    expect(fits(undefined, state('new weakness'))).toBe(true);
  });

  it('the result branches in faq-state.yaml do not fit a post-operative patient', () => {
    for (const id of ['after-mri-positive', 'after-mri-negative', 'after-mri-indeterminate']) {
      expect(fits(files.state.entries[id], state('mri shows discitis'))).toBe(id === 'after-mri-positive');
      expect(fits(files.state.entries[id], state('status post laminectomy, mri shows discitis'))).toBe(false);
    }
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
    writeFileSync(join(dir, 'faq-routing.yaml'), routing.replace('A label that is much longer than forty characters', 'Short').replace('generalTopics: [no-such-entry,', 'generalTopics: [recommendation,').replace('alwaysAnswer: [cord-compression-emergency,', 'alwaysAnswer: [cord-compression-emergncy,'));
    expect(() => loadFaqRulesFiles(content.flow.rules, ids, root)).toThrow(/faq-routing\.yaml: alwaysAnswer\[0\]: unknown faq id "cord-compression-emergncy"/);
  });

  it('give every entry a label of at most 40 characters', () => {
    for (const { id } of content.rules.faq.entries) {
      expect(files.routing.labels[id], id).toBeDefined();
      expect(files.routing.labels[id].length, id).toBeLessThanOrEqual(40);
    }
  });
});
