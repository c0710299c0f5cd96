/**
 * How the clinical state reader (clinicalState.ts) turns what a question says into the MRI result:
 * which study a result word describes, when a report stands for the MRI, how the result, finding
 * and signal words combine, and when they contradict each other (a conflict: the bot declines).
 */
import { describe, expect, it } from 'vitest';
import { axesOf } from './readState.js';

describe('the study a result describes', () => {
  it.each<[string, string, object]>([
    ['the nearest study before it in the sentence, over one named after it', 'MRI negative compared with the prior CT', { mri: 'negative', conflicts: [] }],
    ['the study named earlier in its sentence, across a comma, over one named after it', 'MRI reviewed, negative compared with the prior CT', { mri: 'negative', conflicts: [] }],
    ['the study after it in the clause, over one named in an earlier sentence', 'CT was equivocal. Abscess seen on MRI', { mri: 'positive', conflicts: [] }],
    ['the study before it, not the other study of a later sentence', 'MRI shows discitis. CT equivocal', { mri: 'positive', conflicts: [] }],
    ['a study in an earlier sentence, when none is named in its own', 'got the mri back. it was negative', { mri: 'negative', conflicts: [] }],
    ['the MRI repeated right after it: only a done MRI is repeated', 'early discitis repeat the mri?', { mri: 'positive', conflicts: [] }],
    ['the MRI repeated in a later sentence', 'report negative. repeat mri in 2 weeks?', { mri: 'negative', conflicts: [] }],
  ])('%s: "%s"', (_, q, state) => {
    expect(axesOf(q)).toEqual(state);
  });

  it('a result word right before a lab describes the lab, even where compression implies the MRI', () => {
    expect(axesOf('normal crp, epidural abscess with cord compression')).toEqual({ mri: 'positive', compression: 'yes', conflicts: [] });
  });
});

describe('a report named with no study', () => {
  it.each<[string, string, object]>([
    ['stands for the MRI when it is indeterminate', 'report says equivocal', { mri: 'indeterminate', conflicts: [] }],
    ['says nothing of the MRI when negative: it could be another study\'s report', 'report says negative', { conflicts: [] }],
    ['says nothing of the MRI for a finding alone', 'report: abscess', { conflicts: [] }],
    ['stands for the MRI with the compression read on it', 'report says abscess, no cord compression', { mri: 'positive', compression: 'no', conflicts: [] }],
    ['stands for the MRI with compression stated', 'report: abscess compressing the cord', { mri: 'positive', compression: 'yes', conflicts: [] }],
  ])('%s: "%s"', (_, q, state) => {
    expect(axesOf(q)).toEqual(state);
  });
});

describe('result words of the MRI', () => {
  it.each<[string, string, object]>([
    ['a negated positive is negative', 'mri was not positive', { mri: 'negative', conflicts: [] }],
    ['an uncertain positive is indeterminate', 'mri possibly positive', { mri: 'indeterminate', conflicts: [] }],
    ['an uncertain indeterminate is indeterminate', 'mri might be equivocal', { mri: 'indeterminate', conflicts: [] }],
    ['infection stated on the MRI is positive', 'mri shows infection at L3', { mri: 'positive', conflicts: [] }],
    ['a negated finding beside an indeterminate read and a signal change stays indeterminate', 'mri equivocal, no abscess, some enhancement', { mri: 'indeterminate', conflicts: [] }],
  ])('%s: "%s"', (_, q, state) => {
    expect(axesOf(q)).toEqual(state);
  });
});

describe('contradictory MRI words are a conflict, never a guess', () => {
  it.each<[string, string]>([
    ['positive and indeterminate', 'mri positive, another read equivocal'],
    ['negative, and a signal change', 'mri negative but endplate enhancement'],
    ['a negated finding, and a possible signal change', 'mri: no abscess, possible marrow edema'],
    ['infection excluded, and a finding', 'no infection on mri, small abscess at L2'],
    ['infection excluded, and a positive read with a finding', 'mri consistent with discitis, no infection'],
    ['infection excluded, and a positive read alone', 'mri positive, no infection'],
  ])('%s: "%s"', (_, q) => {
    expect(axesOf(q)).toEqual({ conflicts: ['mri'] });
  });
});

describe('MRI possible', () => {
  it('is not, for a device said not to be MRI compatible', () => {
    expect(axesOf('his device is not mri compatible')).toEqual({ mriPossible: 'no', conflicts: [] });
    expect(axesOf('his device is mri compatible')).toEqual({ mriPossible: 'yes', conflicts: [] });
  });
});
