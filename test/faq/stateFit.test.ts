/**
 * Which FAQ entries a stated clinical state allows (`fits`) and when a question seeks another
 * disease (`seeksOtherDisease`), rule by rule over hand-built states: these keep an answer from
 * contradicting what the question states (a negative MRI never gets the positive-MRI answer).
 */
import { describe, expect, it } from 'vitest';
import type { ClinicalState } from '../../src/faq/clinicalState.js';
import { CUE_ROLES, type CueRole } from '../../src/faq/faqRulesFiles.js';
import { fits, seeksOtherDisease, type Applicability } from '../../src/faq/stateFit.js';

/** A state stating only `over`: every other axis absent, no conflicts. */
const state = (over: Partial<ClinicalState> = {}): ClinicalState => ({ conflicts: [], ...over });

describe('fits: an entry with no applicability', () => {
  it.each<[string, ClinicalState]>([
    ['nothing stated', state()],
    ['every axis stated', state({ mri: 'negative', compression: 'no', neuro: 'intact', mriPossible: 'yes', contrast: 'given' })],
    ['conflicting axes', state({ conflicts: ['mri', 'compression', 'neuro'] })],
    ['roles mentioned, affirmed and sought', state({ mentioned: ['post-operative'], affirmed: ['post-operative'], sought: ['other-disease'] })],
  ])('fits %s', (_, s) => {
    expect(fits(undefined, s)).toBe(true);
    expect(fits({}, s)).toBe(true);
  });
});

describe('fits: per-axis allowed values', () => {
  it.each<[string, Applicability, ClinicalState, boolean]>([
    ['mri not stated', { mri: ['positive'] }, state(), true],
    ['mri positive, positive allowed', { mri: ['positive'] }, state({ mri: 'positive' }), true],
    ['mri negative, only positive allowed', { mri: ['positive'] }, state({ mri: 'negative' }), false],
    ['mri indeterminate, only positive allowed', { mri: ['positive'] }, state({ mri: 'indeterminate' }), false],
    ['mri negative, second of two allowed', { mri: ['positive', 'negative'] }, state({ mri: 'negative' }), true],
    ['mri indeterminate, outside two allowed', { mri: ['positive', 'negative'] }, state({ mri: 'indeterminate' }), false],
    ['compression not stated', { compression: ['yes'] }, state(), true],
    ['compression yes, yes allowed', { compression: ['yes'] }, state({ compression: 'yes' }), true],
    ['compression no, only yes allowed', { compression: ['yes'] }, state({ compression: 'no' }), false],
    ['neuro not stated', { neuro: ['deficit'] }, state(), true],
    ['neuro deficit, deficit allowed', { neuro: ['deficit'] }, state({ neuro: 'deficit' }), true],
    ['neuro intact, only deficit allowed', { neuro: ['deficit'] }, state({ neuro: 'intact' }), false],
    ['mriPossible not stated', { mriPossible: ['no'] }, state(), true],
    ['mriPossible no, no allowed', { mriPossible: ['no'] }, state({ mriPossible: 'no' }), true],
    ['mriPossible yes, only no allowed', { mriPossible: ['no'] }, state({ mriPossible: 'yes' }), false],
    ['contrast not stated', { contrast: ['given'] }, state(), true],
    ['contrast given, given allowed', { contrast: ['given'] }, state({ contrast: 'given' }), true],
    ['contrast none, only given allowed', { contrast: ['given'] }, state({ contrast: 'none' }), false],
    ['an axis the entry does not name, stated', { compression: ['yes'] }, state({ mri: 'negative' }), true],
    ['an empty allowed list, axis stated', { mri: [] }, state({ mri: 'positive' }), false],
    ['an empty allowed list, axis not stated', { mri: [] }, state(), true],
    ['an axis listed without values, stated', { mri: undefined }, state({ mri: 'negative' }), true],
    ['a conflicted axis (no value stated)', { mri: ['positive'] }, state({ conflicts: ['mri'] }), true],
    ['two axes, both allowed', { mri: ['positive'], compression: ['yes'] }, state({ mri: 'positive', compression: 'yes' }), true],
    ['two axes, the first outside', { mri: ['positive'], compression: ['yes'] }, state({ mri: 'negative', compression: 'yes' }), false],
    ['two axes, the second outside', { mri: ['positive'], compression: ['yes'] }, state({ mri: 'positive', compression: 'no' }), false],
    ['two axes, one stated and allowed, one not stated', { mri: ['positive'], compression: ['yes'] }, state({ mri: 'positive' }), true],
  ])('%s: %s', (_, applies, s, expected) => {
    expect(fits(applies, s)).toBe(expected);
  });
});

describe('fits: mustState (every axis listed must be stated)', () => {
  const axes = [
    ['mri', { mri: 'positive' }],
    ['compression', { compression: 'no' }],
    ['neuro', { neuro: 'intact' }],
    ['mriPossible', { mriPossible: 'yes' }],
    ['contrast', { contrast: 'none' }],
  ] as const;
  it.each(axes)('%s stated fits, %s absent does not', (axis, stated) => {
    expect(fits({ mustState: [axis] }, state(stated))).toBe(true);
    expect(fits({ mustState: [axis] }, state())).toBe(false);
  });

  it.each<[string, Applicability, ClinicalState, boolean]>([
    ['both of two stated', { mustState: ['mri', 'compression'] }, state({ mri: 'positive', compression: 'yes' }), true],
    ['only the first of two stated', { mustState: ['mri', 'compression'] }, state({ mri: 'positive' }), false],
    ['only the second of two stated', { mustState: ['mri', 'compression'] }, state({ compression: 'yes' }), false],
    ['another axis stated instead', { mustState: ['compression'] }, state({ mri: 'positive', neuro: 'deficit' }), false],
    ['the axis in conflict (no value)', { mustState: ['compression'] }, state({ conflicts: ['compression'] }), false],
    ['an empty list', { mustState: [] }, state(), true],
    ['stated, but outside its allowed values', { mustState: ['mri'], mri: ['positive'] }, state({ mri: 'negative' }), false],
    ['stated and allowed', { mustState: ['mri'], mri: ['positive'] }, state({ mri: 'positive' }), true],
  ])('%s: %s', (_, applies, s, expected) => {
    expect(fits(applies, s)).toBe(expected);
  });
});

describe('fits: mustMention (any one role listed must be mentioned)', () => {
  it.each<[string, Applicability, ClinicalState, boolean]>([
    ['the role mentioned', { mustMention: ['differential'] }, state({ mentioned: ['differential'] }), true],
    ['the role among others mentioned', { mustMention: ['differential'] }, state({ mentioned: ['mri-study', 'differential'] }), true],
    ['another role mentioned', { mustMention: ['differential'] }, state({ mentioned: ['finding'] }), false],
    ['nothing mentioned', { mustMention: ['differential'] }, state({ mentioned: [] }), false],
    ['mentioned absent', { mustMention: ['differential'] }, state(), false],
    ['affirmed but not in mentioned (mentioned is what counts)', { mustMention: ['differential'] }, state({ affirmed: ['differential'] }), false],
    ['mentioned only as negated (not affirmed)', { mustMention: ['differential'] }, state({ mentioned: ['differential'], affirmed: [] }), true],
    ['the first of two mentioned', { mustMention: ['differential', 'finding'] }, state({ mentioned: ['differential'] }), true],
    ['the second of two mentioned', { mustMention: ['differential', 'finding'] }, state({ mentioned: ['finding'] }), true],
    ['neither of two mentioned', { mustMention: ['differential', 'finding'] }, state({ mentioned: ['compression'] }), false],
    ['an empty list (none of nothing is mentioned)', { mustMention: [] }, state({ mentioned: ['finding'] }), false],
  ])('%s: %s', (_, applies, s, expected) => {
    expect(fits(applies, s)).toBe(expected);
  });
});

describe('fits: unlessAffirmed (any one role listed affirmed puts the question outside)', () => {
  it.each<[string, Applicability, ClinicalState, boolean]>([
    ['the role affirmed', { unlessAffirmed: ['post-operative'] }, state({ mentioned: ['post-operative'], affirmed: ['post-operative'] }), false],
    ['the role affirmed among others', { unlessAffirmed: ['post-operative'] }, state({ affirmed: ['finding', 'post-operative'] }), false],
    ['the role mentioned but not affirmed (negated)', { unlessAffirmed: ['post-operative'] }, state({ mentioned: ['post-operative'], affirmed: [] }), true],
    ['the role only sought', { unlessAffirmed: ['post-operative'] }, state({ mentioned: ['post-operative'], sought: ['post-operative'] }), true],
    ['another role affirmed', { unlessAffirmed: ['post-operative'] }, state({ affirmed: ['finding'] }), true],
    ['affirmed absent', { unlessAffirmed: ['post-operative'] }, state(), true],
    ['the first of two affirmed', { unlessAffirmed: ['post-operative', 'other-disease'] }, state({ affirmed: ['post-operative'] }), false],
    ['the second of two affirmed', { unlessAffirmed: ['post-operative', 'other-disease'] }, state({ affirmed: ['other-disease'] }), false],
    ['neither of two affirmed', { unlessAffirmed: ['post-operative', 'other-disease'] }, state({ affirmed: ['compression'] }), true],
    ['an empty list', { unlessAffirmed: [] }, state({ affirmed: ['post-operative'] }), true],
  ])('%s: %s', (_, applies, s, expected) => {
    expect(fits(applies, s)).toBe(expected);
  });
});

describe('fits: the rules together (each must hold)', () => {
  const all: Applicability = { mustState: ['mri'], mustMention: ['finding', 'differential'], unlessAffirmed: ['post-operative'], mri: ['positive'] };
  const ok: ClinicalState = state({ mri: 'positive', mentioned: ['finding'], affirmed: ['finding'] });
  it.each<[string, Applicability, ClinicalState, boolean]>([
    ['every rule met', all, ok, true],
    ['mustState unmet', all, { ...ok, mri: undefined }, false],
    ['mustMention unmet', all, { ...ok, mentioned: ['compression'] }, false],
    ['unlessAffirmed hit', all, { ...ok, mentioned: ['finding', 'post-operative'], affirmed: ['finding', 'post-operative'] }, false],
    ['the axis value outside', all, { ...ok, mri: 'negative' }, false],
    ['mustMention met by the other role', all, { ...ok, mentioned: ['differential'], affirmed: [] }, true],
    ['mustMention met, unlessAffirmed hit', { mustMention: ['differential'], unlessAffirmed: ['post-operative'] }, state({ mentioned: ['differential', 'post-operative'], affirmed: ['post-operative'] }), false],
    ['mustMention met, unlessAffirmed not hit', { mustMention: ['differential'], unlessAffirmed: ['post-operative'] }, state({ mentioned: ['differential', 'post-operative'] }), true],
    ['mustState met, mustMention unmet', { mustState: ['compression'], mustMention: ['finding'] }, state({ compression: 'yes', mentioned: ['compression'] }), false],
    ['mustState unmet, mustMention met', { mustState: ['compression'], mustMention: ['finding'] }, state({ mentioned: ['finding'] }), false],
    ['mustState met, unlessAffirmed hit', { mustState: ['neuro'], unlessAffirmed: ['post-operative'] }, state({ neuro: 'deficit', affirmed: ['post-operative'] }), false],
    ['rules met, another axis outside', { mustMention: ['finding'], compression: ['yes'] }, state({ mentioned: ['finding'], compression: 'no' }), false],
    ['rules met, that axis not stated', { mustMention: ['finding'], compression: ['yes'] }, state({ mentioned: ['finding'] }), true],
  ])('%s: %s', (_, applies, s, expected) => {
    expect(fits(applies, s)).toBe(expected);
  });
});

describe('seeksOtherDisease', () => {
  const infectionRoles: CueRole[] = ['finding', 'finding-general', 'finding-signal', 'differential'];
  const otherRoles = CUE_ROLES.filter((r) => !infectionRoles.includes(r));

  it('lists every other role (the infection roles are exactly four)', () => {
    expect(otherRoles).toHaveLength(CUE_ROLES.length - 4);
  });

  it.each(infectionRoles)('is false when %s is mentioned with other-disease sought', (role) => {
    expect(seeksOtherDisease(state({ sought: ['other-disease'], mentioned: ['other-disease', role] }))).toBe(false);
    expect(seeksOtherDisease(state({ sought: ['other-disease'], mentioned: [role] }))).toBe(false);
  });

  it.each(otherRoles)('stays true when %s is mentioned with other-disease sought', (role) => {
    expect(seeksOtherDisease(state({ sought: ['other-disease'], mentioned: ['other-disease', role] }))).toBe(true);
  });

  it.each<[string, ClinicalState, boolean]>([
    ['other-disease sought and mentioned', state({ sought: ['other-disease'], mentioned: ['other-disease'] }), true],
    ['other-disease sought, mentioned absent', state({ sought: ['other-disease'] }), true],
    ['other-disease sought among other sought roles', state({ sought: ['mri-study', 'other-disease'], mentioned: ['mri-study', 'other-disease'] }), true],
    ['an infection role only affirmed or sought, not mentioned', state({ sought: ['other-disease', 'finding'], affirmed: ['differential'], mentioned: ['other-disease'] }), true],
    ['other-disease affirmed (history), not sought', state({ mentioned: ['other-disease'], affirmed: ['other-disease'] }), false],
    ['another role sought', state({ sought: ['differential'], mentioned: ['differential'] }), false],
    ['nothing sought', state({ sought: [], mentioned: ['other-disease'] }), false],
    ['sought absent', state({ mentioned: ['other-disease'] }), false],
    ['an empty state', state(), false],
  ])('%s: %s', (_, s, expected) => {
    expect(seeksOtherDisease(s)).toBe(expected);
  });
});
