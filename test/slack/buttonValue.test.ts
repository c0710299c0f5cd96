import { describe, expect, it } from 'vitest';
import { consultValue, NEW_CONSULT_VALUE, parseAction, parseButton } from '../../src/channels/slack/buttonValue.js';
import { FEEDBACK_CHOICES, FEEDBACK_REASONS } from '../../src/consult/feedbackOptions.js';

// Everything here arrives from Slack as untrusted input: action_id and value are whatever the client sent.
const v = consultValue('abc-1', 4);
const on = { consultId: 'abc-1', step: 4 };

describe('parseAction reads every button the Slack adapter draws', () => {
  it.each<[string, Record<string, string>]>([
    ['answer:suspicion:yes', { action: 'answer', questionId: 'suspicion', optionId: 'yes' }],
    ['control:back', { action: 'back' }],
    ['control:restart', { action: 'restart' }],
    ['control:cancel', { action: 'cancel' }],
    ['control:record_result', { action: 'record_result' }],
    ['control:change:region', { action: 'change', questionId: 'region' }],
    ['handoff:request', { action: 'handoff' }],
    ['handoff:claim', { action: 'claim' }],
    ...FEEDBACK_CHOICES.map((choice): [string, Record<string, string>] => [`feedback:${choice}`, { action: 'feedback', choice }]),
    ...FEEDBACK_REASONS.map((reason): [string, Record<string, string>] => [`feedback_reason:${reason}`, { action: 'feedback', choice: 'something_else', reason }]),
  ])('%s', (actionId, fields) => {
    expect(parseAction(actionId, v)).toEqual({ kind: 'click', data: { ...fields, ...on } });
  });

  it('reads the start and FAQ buttons, which carry no consult', () => {
    expect(parseAction('control:new_consult', NEW_CONSULT_VALUE)).toEqual({ kind: 'start' });
    expect(parseAction('start:spine-infection-abnormal-imaging', NEW_CONSULT_VALUE)).toEqual({ kind: 'start', pathwayId: 'spine-infection-abnormal-imaging' });
    expect(parseAction('faq:spine-level', 'x')).toEqual({ kind: 'faq-topic', faqId: 'spine-level' });
    expect(parseAction(`faq:${'a'.repeat(64)}`, 'x')).toEqual({ kind: 'faq-topic', faqId: 'a'.repeat(64) });
  });
});

describe('parseAction refuses any action id the adapter does not draw', () => {
  it.each([
    '', 'control', 'control:launch', 'control:new_consult:x', 'xcontrol:back', 'control:back:x', 'answer:back',
    'answer:a:b:c', 'answer:a b:c', 'answer:suspicion',
    'control:change', 'control:chang:region', 'ctrl:change:region', 'control:change:region:x', 'control:change:a b',
    'handoff', 'handoff:claim:x', 'handoff:claimx', 'handoff:request:x', 'xhandoff:claim', 'xhandoff:request', 'handoff:cancel',
    'feedback', 'feedback:as_recommended:x', 'feedback:maybe', 'xfeedback:as_recommended',
    'feedback_reason:other:x', 'feedback_reason:because',
  ])('%j', (actionId) => {
    expect(parseAction(actionId, v)).toEqual({ kind: 'invalid' });
  });

  it.each([
    ['a path in the topic id', 'faq:abc/../x'],
    ['a path after the topic id', 'faq:abc/'],
    ['a path before the topic id', 'faq:../abc'],
    ['an extra part', 'faq:abc:x'],
    ['an empty topic id', 'faq:'],
    ['a topic id over 64 characters', `faq:${'a'.repeat(65)}`],
  ])('FAQ topic with %s', (_name, actionId) => {
    expect(parseAction(actionId, v)).toEqual({ kind: 'invalid' });
  });

  it.each(['start:', 'start:Spine', 'start:1st', 'start:a/../b', `start:${'a'.repeat(65)}`, 'start:a:b'])('start button naming no pathway id: %j', (actionId) => {
    expect(parseAction(actionId, NEW_CONSULT_VALUE)).toEqual({ kind: 'invalid' });
  });

  it('refuses an action id over Slack\'s 255 characters, whatever it starts with', () => {
    for (const prefix of ['answer:', 'control:change:', 'faq:']) {
      const actionId = (prefix + 'a'.repeat(256)).slice(0, 256);
      expect(actionId).toHaveLength(256);
      expect(parseAction(actionId, v)).toEqual({ kind: 'invalid' });
    }
  });

  it.each([undefined, null, 42, {}, ['control:back']])('refuses the non-string action id %j without throwing', (actionId) => {
    expect(parseAction(actionId, v)).toEqual({ kind: 'invalid' });
  });
});

describe('parseAction refuses a button value that is not exactly {c, s}', () => {
  it.each([
    ['missing', undefined],
    ['not a string', { c: 'abc-1', s: 4 }],
    ['not JSON', 'x'],
    ['a fractional step', '{"c":"a","s":1.5}'],
    ['a negative step', '{"c":"a","s":-1}'],
    ['an extra key', '{"c":"a","s":1,"x":1}'],
    ['a missing key', '{"c":"a"}'],
    ['other keys', '{"a":"a","b":1}'],
    ['null', 'null'],
    ['an array', '["a",1]'],
    ['a string', '"cs"'],
    ['an over-long consult id', JSON.stringify({ c: 'a'.repeat(65), s: 1 })],
  ])('%s', (_name, value) => {
    expect(parseAction('control:back', value)).toEqual({ kind: 'invalid' });
  });

  it('reads the keys in any order', () => {
    expect(parseAction('control:back', '{"s":4,"c":"abc-1"}')).toEqual({ kind: 'click', data: { action: 'back', ...on } });
  });

  it('reads a value up to Slack\'s 2,000 characters and refuses 2,001 before parsing it', () => {
    const padded = (length: number) => v + ' '.repeat(length - v.length); // JSON allows trailing spaces
    expect(parseAction('control:back', padded(2000))).toEqual({ kind: 'click', data: { action: 'back', ...on } });
    expect(parseAction('control:back', padded(2001))).toEqual({ kind: 'invalid' });
  });
});

describe('parseButton: a pressed action parsed once', () => {
  it('parses a button as parseAction does, and hands the same answer to every later ask about that action', () => {
    const action = { type: 'button', action_id: 'control:back', value: v };
    const first = parseButton(action);
    expect(first).toEqual({ kind: 'click', data: { action: 'back', ...on } });
    expect(parseButton(action)).toBe(first);
    expect(parseButton({ ...action })).not.toBe(first);
  });

  it('refuses anything that is not a button, and no action at all', () => {
    expect(parseButton({ type: 'static_select', action_id: 'control:back', value: v })).toEqual({ kind: 'invalid' });
    expect(parseButton(undefined)).toEqual({ kind: 'invalid' });
  });
});
