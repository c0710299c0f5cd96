/**
 * Round 8 review of the state reader (issue 15), in our own wordings: a finding hedged by likelihood
 * ("unlikely", "less likely", "favours X over", "rather than") is never a positive MRI; a compression
 * named as what something is for ("needed for", "useful for") is still stated; a negation does not reach
 * across an "and" that starts a new statement; "otherwise intact" alone is no intact examination; a
 * compression stated after a denial is compression; a compression asked about before the MRI is not stated.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import type { ClinicalState } from '../../src/faq/clinicalState.js';
import { axesOf } from './readState.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent());
const shown = (q: string) => shownEntry(faq, q);
type Axes = Partial<Omit<ClinicalState, 'mentioned' | 'affirmed' | 'sought'>>;

describe('a finding hedged by likelihood is never a positive MRI', () => {
  it.each<[string, string, Axes]>([
    // "unlikely" negates, in NegEx practice.
    ['mri read: infective discitis unlikely, what now', 'after-mri-negative', { mri: 'negative' }],
    ['MR impression favours modic type 1 change over infection, next step?', 'after-mri-indeterminate', { mri: 'indeterminate' }],
    ['MRI: degenerative endplates, osteomyelitis less likely. what next', 'after-mri-indeterminate', { mri: 'indeterminate' }],
    ['the MRI report says an infectious cause is not favoured', 'after-mri-indeterminate', { mri: 'indeterminate' }],
    ['mri shows low probability of discitis, plan?', 'after-mri-indeterminate', { mri: 'indeterminate' }],
    ['radiology favors degenerative change rather than infection on the mri, now what', 'after-mri-indeterminate', { mri: 'indeterminate' }],
    ['MRI impression: infection improbable. next steps', 'after-mri-negative', { mri: 'negative' }],
  ])('%j -> %s', (q, entry, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(shown(q)).toBe(entry);
  });
});

describe('a compression named as what something is for is still stated', () => {
  it.each<[string, string, Axes]>([
    ["MRI: epidural abscess at T8. what's needed for the cord compression", 'cord-compression-emergency', { mri: 'positive', compression: 'yes' }],
    ['is urgent surgery needed for an epidural abscess compressing the spinal cord?', 'cord-compression-emergency', { compression: 'yes' }],
    ['MRI positive, is a neurosurgical opinion useful for the abscess squashing the cord?', 'cord-compression-emergency', { mri: 'positive', compression: 'yes' }],
    ['what matters most for an epidural abscess pressing on the cord', 'cord-compression-emergency', { compression: 'yes' }],
    ['MRI shows SEA. in case of cord compression from the abscess what now', 'cord-compression-emergency', { compression: 'yes' }],
  ])('%j -> %s', (q, entry, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(shown(q)).toBe(entry);
  });
});

describe('a negation does not cross an "and" that starts a new statement', () => {
  it.each<[string, string, Axes]>([
    ['no fever and now new foot drop, can the mri wait until tomorrow?', 'pitfall-delay', { neuro: 'deficit' }],
    ['nothing settles his back pain and he has new leg numbness, can mri be delayed?', 'pitfall-delay', { neuro: 'deficit' }],
    ['no bowel symptoms and he now has leg weakness, can we hold off on the MRI', 'pitfall-delay', { neuro: 'deficit' }],
    ['no fever and leg weakness since this morning, can the MRI wait', 'pitfall-delay', { neuro: 'deficit' }],
    // A list of deficits keeps its negation.
    ['no numbness or weakness, can the MRI wait till tomorrow?', 'urgency-neuro-intact', { neuro: 'intact' }],
    ['no leg weakness and no numbness, can mri wait till tomorrow', 'urgency-neuro-intact', { neuro: 'intact' }],
  ])('%j -> %s', (q, entry, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(shown(q)).toBe(entry);
  });
});

describe('"otherwise intact" alone is no intact examination; motor grades are deficits', () => {
  it.each<[string, string, Axes]>([
    ['3/5 dorsiflexion, otherwise neuro intact. can MRI wait overnight?', 'pitfall-delay', { neuro: 'deficit' }],
    ['left knee extension 4/5, otherwise intact, how soon must the MRI happen?', 'pitfall-delay', { neuro: 'deficit' }],
    ['otherwise intact but he cannot walk, can the MRI wait?', 'pitfall-delay', { neuro: 'deficit' }],
    ['neuro exam otherwise normal, can the MRI wait until the morning', 'decline', { conflicts: ['neuro'] }],
    // The rest of an examination whose denied part is named is intact.
    ['no weakness, otherwise intact, can the MRI wait till tomorrow?', 'urgency-neuro-intact', { neuro: 'intact' }],
  ])('%j -> %s', (q, entry, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(shown(q)).toBe(entry);
  });
});

describe('a compression stated after a denial is compression', () => {
  it.each<[string, string, Axes]>([
    ['abscess at C5 not compressing the cord and abscess at T10 compressing the cord, what next?', 'cord-compression-emergency', { compression: 'yes', conflicts: [] }],
    ['no compression at T4 and cord compression at T11 from a collection. what now?', 'cord-compression-emergency', { compression: 'yes', conflicts: [] }],
    ['no cord compression but the collection is compressing the conus. what now', 'cord-compression-emergency', { compression: 'yes', conflicts: [] }],
    ['MRI shows nothing other than a large epidural abscess compressing the cord, next?', 'cord-compression-emergency', { mri: 'positive', compression: 'yes', conflicts: [] }],
    ['MRI: abscess, no cord compression. what next?', 'after-mri-positive', { mri: 'positive', compression: 'no' }],
    // Nothing but a mimic shown is a negative MRI.
    ['the MRI showed nothing except modic changes, what next?', 'after-mri-negative', { mri: 'negative' }],
  ])('%j -> %s', (q, entry, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(shown(q)).toBe(entry);
  });
});

describe('a compression asked about while the MRI is pending is not stated', () => {
  it.each<[string, Axes]>([
    ['could anything be compressing the cord? MRI pending, how urgent is it', {}],
    ['is there any cord compression? awaiting MRI. how urgent', {}],
  ])('%j: no compression read, never the emergency', (q, axes) => {
    expect(axesOf(q)).toMatchObject(axes);
    expect(axesOf(q).compression).toBeUndefined();
    expect(shown(q)).not.toBe('cord-compression-emergency');
  });
});
