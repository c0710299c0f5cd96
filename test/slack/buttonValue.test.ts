import { describe, expect, it } from 'vitest';
import { consultValue, parseAction } from '../../src/channels/slack/buttonValue.js';

describe('parseAction', () => {
  const v = consultValue('abc-1', 4);
  it.each([
    ['answer:suspicion:yes', { kind: 'click', data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: 'abc-1', step: 4 } }],
    ['control:back', { kind: 'click', data: { action: 'back', consultId: 'abc-1', step: 4 } }],
    ['control:record_result', { kind: 'click', data: { action: 'record_result', consultId: 'abc-1', step: 4 } }],
    ['control:change:region', { kind: 'click', data: { action: 'change', questionId: 'region', consultId: 'abc-1', step: 4 } }],
    ['control:new_consult', { kind: 'new-consult' }],
    ['faq:spine-level', { kind: 'faq-topic', faqId: 'spine-level' }],
    ['control:launch', { kind: 'invalid' }],
    ['answer:a:b:c', { kind: 'invalid' }],
    ['answer:a b:c', { kind: 'invalid' }],
    ['', { kind: 'invalid' }],
  ])('%s', (actionId, expected) => {
    expect(parseAction(actionId, v)).toEqual(expected);
  });

  it.each([undefined, 'x', '{"c":"a","s":1.5}', '{"c":"a","s":1,"x":1}', 'null', JSON.stringify({ c: 'a'.repeat(65), s: 1 })])(
    'rejects the value %s', (value) => {
      expect(parseAction('control:back', value)).toEqual({ kind: 'invalid' });
    });
});
