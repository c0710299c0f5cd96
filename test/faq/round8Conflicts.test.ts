/**
 * Round 8 of issue 15 (classes the tuning sets showed declined for a "conflict", tested with our own
 * wordings): compression denied in chat words ("nothing's squashed", "not pressing on anything"),
 * compression denied of one finding and stated of another, a deficit beside "otherwise intact" or an
 * earlier intact examination, and a deficit that may come ("if he develops"). What must stay a
 * conflict (the same finding said both ways, "intact but has foot drop") is pinned too.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { axesOf } from './readState.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent(), { ranker: null });
const shown = (q: string) => shownEntry(faq, q);

describe('compression denied in chat words', () => {
  it.each([
    ['mri: T11-12 discitis, small SEA, nothing pressing on the cord', 'after-mri-positive'],
    ['MRI shows a thin ventral phlegmon, nothing squashed, what now', 'after-mri-positive'],
    ["mri +ve for osteomyelitis w tiny collection, nothing's squeezed. next?", 'after-mri-positive'],
    ['epidural abscess on the MRI, it is not pressing on anything. plan?', 'after-mri-positive'],
    ["MRI shows an abscess at L3 that isn't compressing anything, what do we do", 'after-mri-positive'],
    ['SEA on mri, nothing compressing, neuro fine, next step', 'after-mri-positive'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ compression: 'no', conflicts: [] });
    expect(shown(q)).toBe(id);
  });

  it.each([
    ['MRI: nothing', 'negative'],
    ['mri w/wo: nothing enhancing', 'negative'],
  ])('%j: "nothing" before no compression is still the MRI result (%s)', (q, mri) => {
    expect(axesOf(q).mri).toBe(mri);
  });
});

describe('compression stated in words the cue lists lacked', () => {
  it.each([
    ['mri shows an epidural abscess flattening the cord at T4, next?', 'cord-compression-emergency'],
    ['SEA on MRI flattens the thecal sac, what now', 'cord-compression-emergency'],
    ['mri: abscess, cord looks squished. next step', 'cord-compression-emergency'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q).compression).toBe('yes');
    expect(shown(q)).toBe(id);
  });
});

describe('compression denied of one finding and stated of another: compression, the safe side', () => {
  it.each([
    ['MRI: a collection at L4 not compressing anything, and another collection at T8 compressing the cord. next?', 'cord-compression-emergency'],
    ['mri shows discitis L2-3 with a phlegmon without cord compression, plus an abscess at C5 squashing the cord', 'cord-compression-emergency'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ compression: 'yes', conflicts: [] });
    expect(shown(q)).toBe(id);
  });

  it.each([
    'the abscess compresses the cord per the prelim, but the final read says no cord compression. next?',
    'SEA with cord compression or no cord compression? report is vague',
    'mri: one abscess, compressing the cord at T6, no compression at T9',
  ])('%j: one finding said both ways stays a conflict (declined)', (q) => {
    expect(axesOf(q).conflicts).toContain('compression');
    expect(shown(q)).toBe('decline');
  });
});

describe('a deficit beside an intact examination that is the rest, or an earlier one', () => {
  it.each([
    ['xr shows L2 erosion, new numbness of the right shin, otherwise intact. how fast the mri?', 'pitfall-delay'],
    ['ct: endplate destruction T9, reduced power in the left leg, neuro otherwise normal. mri tonight or tomorrow?', 'pitfall-delay'],
    ['neuro exam was normal yesterday but today he has new leg weakness, can the MRI wait till morning?', 'pitfall-delay'],
    ['initially neurologically intact, now urinary retention. how urgent is the mri', 'pitfall-delay'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ neuro: 'deficit', conflicts: [] });
    expect(shown(q)).toBe(id);
  });

  it.each([
    'neuro intact but new foot drop, how urgent is the MRI?',
    'strength normal, also leg weakness, how soon mri',
  ])('%j: intact now and a deficit now stays a conflict (declined)', (q) => {
    expect(axesOf(q).conflicts).toContain('neuro');
    expect(shown(q)).toBe('decline');
  });

  it('a denied deficit keeps the conflict: "was weak, no weakness now, otherwise intact"', () => {
    expect(axesOf('leg weakness on arrival, no weakness now, otherwise intact').conflicts).toContain('neuro');
  });
});

describe('a deficit that may come is not a deficit stated', () => {
  it.each([
    ['xr: L4-5 narrowing. neuro intact. how soon the MRI, and what if he develops foot drop tonight?', 'urgency-neuro-intact'],
    ['ct shows erosion at T10, neurologically intact; can the MRI wait until morning? should nursing watch for leg weakness overnight?', 'urgency-neuro-intact'],
  ])('%j -> %s', (q, id) => {
    expect(axesOf(q)).toMatchObject({ neuro: 'intact', conflicts: [] });
    expect(shown(q)).toBe(id);
  });

  it.each(['he developed leg weakness last night, how soon the mri', 'she has developed numbness in both feet. can the MRI wait?'])('%j: a deficit that came is one', (q) => {
    expect(axesOf(q).neuro).toBe('deficit');
    expect(shown(q)).toBe('pitfall-delay');
  });
});
