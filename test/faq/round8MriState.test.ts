/**
 * Round 8 of issue 15 (MRI readings the tuning sets showed declined for a "conflict", tested with our
 * own wordings): a finding left open beside a collection denied is indeterminate, not negative;
 * "infectious" is infection ("degenerative or infectious"), the specialty and "non-infectious" are
 * not; "not definitive" is an indeterminate read; a result word said of degenerative change is no
 * infection result; edema on a non-contrast MRI with no collection gets the non-contrast pitfall.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { axesOf } from './readState.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent(), { ranker: null });
const shown = (q: string) => shownEntry(faq, q);

describe('an indeterminate read, however the report words it', () => {
  it.each([
    ['mri w/wo: marrow edema T8-9, osteomyelitis cannot be excluded; no epidural collection. what now', 'after-mri-indeterminate'],
    ['MRI report: disc enhancement at L2-3, no abscess, may represent degenerative or infectious change. next steps?', 'after-mri-indeterminate'],
    ['mri with gad: could be degenerative or infective at L5-S1, radiology unsure. plan?', 'after-mri-indeterminate'],
    ['the MRI was not definitive, no clear collection but endplate enhancement, what do we do', 'after-mri-indeterminate'],
    ['contrast MRI not definite for discitis. what next?', 'after-mri-indeterminate'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ mri: 'indeterminate', conflicts: [] });
    expect(shown(q)).toBe(id);
  });
});

describe('"infectious" and its look-alikes', () => {
  it.each([
    ['mri with contrast shows an infectious process at T12-L1, next?', 'positive'],
    ['contrast MRI showed nothing infectious, next step?', 'negative'],
    ['mri w and wo: nothing infective, where do we go from here', 'negative'],
  ])('%j: MRI %s', (q, mri) => {
    expect(axesOf(q)).toMatchObject({ mri, conflicts: [] });
  });

  it.each(['infectious disease asks which imaging to order', 'ID consult wants the MRI: what should I order?'])('%j: the specialty names no finding', (q) => {
    expect(axesOf(q).mri).toBeUndefined();
    expect(shown(q)).toBe('recommendation');
  });

  it.each(['MRI c/w non-infectious degenerative change, next?', 'mri: the enhancement looks noninfectious'])('%j: "non-infectious" is never a positive MRI', (q) => {
    expect(axesOf(q).mri).not.toBe('positive');
    expect(shown(q)).not.toBe('after-mri-positive');
  });
});

describe('a result word said of degenerative change', () => {
  it.each([
    ['mri w/wo gad positive for degenerative disease only, no infection. what next', 'after-mri-negative'],
    ['MRI consistent with degenerative change, negative for infection, now what?', 'after-mri-negative'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ mri: 'negative', conflicts: [] });
    expect(shown(q)).toBe(id);
  });
});

describe('edema on a non-contrast MRI with no collection: the non-contrast pitfall', () => {
  it.each([
    ['non-con MRI shows endplate edema at T10-11, no collection. is that enough?', 'pitfall-non-contrast-mri'],
    ['mri without contrast: stir signal in the L3-4 disc, no abscess seen. do we need it with gad?', 'pitfall-non-contrast-mri'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ mri: 'indeterminate', conflicts: [] });
    expect(shown(q)).toBe(id);
  });

  it.each([
    'mri w/wo contrast: endplate enhancement, no abscess. next?',
    'mri shows disc enhancement but no collection, what now',
  ])('%j: with contrast given or unsaid, a signal beside a denied collection stays a conflict (declined)', (q) => {
    expect(axesOf(q).conflicts).toContain('mri');
    expect(shown(q)).toBe('decline');
  });
});

describe('"not positive, not negative" in chat words', () => {
  it.each([
    ['mri came back not pos not neg, what now', 'after-mri-indeterminate'],
    ['the contrast MRI is neither positive or negative. next?', 'after-mri-indeterminate'],
    ['MRI w/wo: not positive but not negative either. plan?', 'after-mri-indeterminate'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ mri: 'indeterminate', conflicts: [] });
    expect(shown(q)).toBe(id);
  });
});

describe('a finding named as what a study is for is not found', () => {
  it.each([
    'what MRI sequences matter for an epidural abscess?',
    'is DWI useful for discitis on the MRI?',
    'which mri protocol for osteomyelitis',
  ])('%j: no MRI result, so never the positive branch', (q) => {
    expect(axesOf(q).mri).toBeUndefined();
    expect(shown(q)).not.toBe('after-mri-positive');
  });
});
