/**
 * The NegEx scope rule of the clinical state reader (clinicalState.ts over faq-state.yaml): which
 * cue words a trigger reaches, across a list of findings, within the word window, on which side of
 * the cue, and how a yes/no question changes what a finding asserts.
 */
import { describe, expect, it } from 'vitest';
import { assertionsOf, axesOf, reader, stateOf } from './readState.js';

describe('a negation before a list of findings', () => {
  it.each<[string, string, string[]]>([
    ['covers every item of a list closed by "or"', 'MRI: no evidence of discitis, osteomyelitis or abscess', ['negated', 'negated', 'negated']],
    ['covers every item of a list closed by "nor"', 'MRI: neither discitis, osteomyelitis nor abscess', ['negated', 'negated', 'negated']],
    ['covers every item of a list joined by "and/or"', 'MRI: no evidence of discitis, osteomyelitis and/or epidural abscess', ['negated', 'negated', 'negated']],
    ['covers a list with "and" inside it, closed by "or"', 'MRI: no discitis and osteomyelitis, or abscess', ['negated', 'negated', 'negated']],
    ['stops at a comma with no "or" or "nor" after it: two statements', 'MRI: no abscess, discitis', ['negated', 'affirmed']],
    ['stops at a comma when an "or" comes only after the item\'s own words', 'MRI: no abscess, discitis at L4 or L5', ['negated', 'affirmed']],
    ['stops where words that are no list items come before the comma', 'MRI: no abscess at L4, discitis or osteomyelitis at L5', ['negated', 'affirmed', 'affirmed']],
    ['stops where one word that is no list item comes before the comma', 'MRI: no abscess anteriorly, discitis or osteomyelitis at L5', ['negated', 'affirmed', 'affirmed']],
  ])('%s: "%s"', (_, q, findings) => {
    expect(assertionsOf(q).filter((a) => a.startsWith('finding:')).map((a) => a.split(': ')[1])).toEqual(findings);
  });

  // A list joined by "or" alone, with no comma, can run past the six-word window: the negation
  // still covers it to its last item (it had covered only the items within six words, and the last
  // one read as found: a negative MRI answered with the positive-MRI guidance).
  it.each([
    'mri: no vertebral osteomyelitis or discitis or epidural abscess or phlegmon',
    'mri showed no osteomyelitis or discitis or epidural abscess or phlegmon, what next',
    'MRI negative for discitis or osteomyelitis or epidural abscess or phlegmon or collection',
    'mri w wo: no evidence of discitis or osteomyelitis or paraspinal abscess or epidural abscess. next steps?',
  ])('covers a long list joined by "or" without commas, to its last item: "%s"', (q) => {
    expect(axesOf(q)).toMatchObject({ mri: 'negative', conflicts: [] });
    expect(assertionsOf(q).filter((a) => a.startsWith('finding')).every((a) => a.endsWith(': negated'))).toBe(true);
  });

  it('reads a negated list as a negative MRI, and a finding outside the list as a positive one', () => {
    expect(axesOf('MRI: no evidence of discitis, osteomyelitis and/or epidural abscess')).toEqual({ mri: 'negative', conflicts: [] });
    expect(axesOf('MRI: neither discitis, osteomyelitis nor abscess')).toEqual({ mri: 'negative', conflicts: [] });
    expect(axesOf('MRI: no abscess, discitis at L4 or L5')).toEqual({ mri: 'positive', conflicts: [] });
    expect(axesOf('MRI: no abscess at L4, discitis or osteomyelitis at L5')).toEqual({ mri: 'positive', conflicts: [] });
  });
});

describe('a negation after its finding ("ruled out", "not seen")', () => {
  it.each<[string, string, object]>([
    ['reaches back over five words', 'mri: abscess at l2 l3 l4 l5 ruled out', { mri: 'negative', conflicts: [] }],
    ['reaches back over exactly six words (the window)', 'mri: abscess at l2 l3 l4 l5 s1 ruled out', { mri: 'negative', conflicts: [] }],
    ['does not reach back over seven words', 'mri: abscess at l2 l3 l4 l5 s1 t12 ruled out', { mri: 'positive', conflicts: [] }],
  ])('%s: "%s"', (_, q, state) => {
    expect(axesOf(q)).toEqual(state);
  });
});

describe('a trigger works only on its own side of a cue', () => {
  it('a trigger read after its cue ("infection workup") says nothing of a finding after it', () => {
    expect(axesOf('after the workup the mri showed an abscess')).toEqual({ mri: 'positive', conflicts: [] });
    expect(assertionsOf('after the workup the mri showed an abscess')).toContain('finding: affirmed');
  });
});

describe('a finding in a yes/no question', () => {
  it('is asked about (sought), not found, when the clause names no study', () => {
    const state = stateOf('is this an abscess');
    expect(state.sought).toContain('finding');
    expect(state.affirmed).not.toContain('finding');
    expect(assertionsOf('is this an abscess')).toEqual(['finding: hypothetical']);
  });

  it('is asked about for a signal change too ("is it marrow edema?")', () => {
    const state = stateOf('is it marrow edema');
    expect(state.sought).toEqual(['finding-signal']);
    expect(state.affirmed).toEqual([]);
  });

  it('stays negated when the question negates it ("can we wait if there is no abscess?")', () => {
    expect(assertionsOf('can we wait if there is no abscess')).toEqual(['finding: negated']);
    expect(stateOf('can we wait if there is no abscess').sought).toEqual([]);
  });
});

describe('what a question seeks', () => {
  it('includes a disease named as possible, not only one looked for', () => {
    expect(stateOf('possible spinal metastases').sought).toEqual(['other-disease']);
    expect(stateOf('workup for spinal metastases').sought).toEqual(['other-disease']);
    expect(stateOf('known spinal metastases').sought).toEqual([]);
  });

  it('a compression only looked for does not make a finding with no study an MRI finding', () => {
    expect(axesOf('epidural abscess, workup for cord compression')).toEqual({ conflicts: [] });
    expect(axesOf('epidural abscess, possible cord compression')).toEqual({ mri: 'positive', compression: 'yes', conflicts: [] });
  });
});

describe('words the state reader explains', () => {
  it('are only the words of cue and trigger phrases, never the rest of the question', () => {
    const words = reader.explained('no evidence of abscess on mri what now');
    expect(words.has('abscess')).toBe(true);
    for (const other of ['what', 'now', 'on']) expect(words.has(other), other).toBe(false);
  });
});
