import { describe, expect, it } from 'vitest';
import { ClickDataSchema, eventName, isFollowUp, isPathwayId, toEvent, type ClickData } from '../../src/consult/clickData.js';

const on = { consultId: 'c-1', step: 2 };

describe('toEvent', () => {
  it.each([
    [{ action: 'answer', questionId: 'region', optionId: 'lumbar' }, { type: 'ANSWER', questionId: 'region', optionId: 'lumbar' }],
    [{ action: 'change', questionId: 'region' }, { type: 'CHANGE', questionId: 'region' }],
    [{ action: 'back' }, { type: 'BACK' }],
    [{ action: 'restart' }, { type: 'RESTART' }],
    [{ action: 'cancel' }, { type: 'CANCEL' }],
    [{ action: 'record_result' }, { type: 'RECORD_RESULT' }],
  ])('turns the %j click into its flow event', (fields, event) => {
    expect(toEvent({ ...fields, ...on } as ClickData)).toEqual(event);
  });

  it.each([
    ['an answer without its option', { action: 'answer', questionId: 'region' }],
    ['an answer without its question', { action: 'answer', optionId: 'lumbar' }],
    ['a change without its question', { action: 'change' }],
    ['a new consult', { action: 'new_consult' }],
    ['feedback', { action: 'feedback', choice: 'as_recommended' }],
    ['a hand-off request', { action: 'handoff' }],
    ['a hand-off claim', { action: 'claim' }],
  ])('names no flow event for %s', (_name, fields) => {
    expect(toEvent({ ...fields, ...on } as ClickData)).toBeUndefined();
  });
});

describe('eventName', () => {
  it('names each event stably for the audit trail and idempotency keys', () => {
    expect(eventName({ type: 'ANSWER', questionId: 'region', optionId: 'lumbar' })).toBe('answer:region:lumbar');
    expect(eventName({ type: 'CHANGE', questionId: 'region' })).toBe('change:region');
    expect(eventName({ type: 'RECORD_RESULT' })).toBe('record_result');
    expect(eventName({ type: 'BACK' })).toBe('back');
  });
});

describe('ClickDataSchema', () => {
  it('takes every action a consult button can carry', () => {
    const actions = ['answer', 'back', 'restart', 'cancel', 'change', 'record_result', 'new_consult', 'feedback', 'handoff', 'claim'];
    for (const action of actions) expect(ClickDataSchema.safeParse({ action, ...on }).success, action).toBe(true);
    expect(ClickDataSchema.safeParse({ action: 'start', ...on }).success).toBe(false);
  });

  it('refuses ids outside [A-Za-z0-9_-]{1,64}, steps outside 0..10000 and unknown fields', () => {
    const ok = { action: 'back', ...on };
    expect(ClickDataSchema.safeParse(ok).success).toBe(true);
    expect(ClickDataSchema.safeParse({ ...ok, consultId: 'a'.repeat(64), step: 10_000 }).success).toBe(true);
    for (const bad of [{ consultId: '' }, { consultId: 'a'.repeat(65) }, { consultId: 'a/b' }, { step: -1 }, { step: 10_001 }, { step: 1.5 }, { extra: 1 }, { action: 'delete' }]) {
      expect(ClickDataSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('isPathwayId', () => {
  it('takes a flow id: a lower case letter, then lower case letters, digits, "_" or "-", 64 characters at most', () => {
    for (const ok of ['a', 'spine-infection-abnormal-imaging', 'not_clinical-2', `a${'b'.repeat(63)}`]) expect(isPathwayId(ok), ok).toBe(true);
  });

  it.each(['', 'Spine', '1st', '-a', '_a', 'a b', 'a/../b', 'a.b', 'a:b', 'spine\n', ' spine', `a${'b'.repeat(64)}`])('refuses %j', (text) => {
    expect(isPathwayId(text)).toBe(false);
  });
});

describe('isFollowUp', () => {
  it('tells feedback, hand-off and claim presses from flow steps and starts', () => {
    expect(['feedback', 'handoff', 'claim'].map((action) => isFollowUp({ action }))).toEqual([true, true, true]);
    expect(['answer', 'back', 'restart', 'cancel', 'change', 'record_result', 'new_consult', 'start', ''].filter((action) => isFollowUp({ action }))).toEqual([]);
  });
});
