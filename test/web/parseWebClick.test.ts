import { describe, expect, it } from 'vitest';
import { parseWebClick } from '../../src/channels/web/parseWebClick.js';

describe('parseWebClick', () => {
  it('maps button values to ClickData', () => {
    expect(parseWebClick({ consultId: 'c-1', step: '3', click: 'answer:neuro:none' })).toEqual({ action: 'answer', questionId: 'neuro', optionId: 'none', consultId: 'c-1', step: 3 });
    expect(parseWebClick({ consultId: 'c-1', step: '0', click: 'change:region' })).toEqual({ action: 'change', questionId: 'region', consultId: 'c-1', step: 0 });
    expect(parseWebClick({ consultId: 'c-1', step: '7', click: 'control:record_result' })).toEqual({ action: 'record_result', consultId: 'c-1', step: 7 });
    expect(parseWebClick({ consultId: 'c-1', step: '7', click: 'control:new_consult' })).toEqual({ action: 'new_consult', consultId: 'c-1', step: 7 });
  });

  it.each(['back', 'restart', 'cancel', 'record_result', 'new_consult'])('maps control:%s to its action', (control) => {
    expect(parseWebClick({ consultId: 'c-1', step: '2', click: `control:${control}` })).toEqual({ action: control, consultId: 'c-1', step: 2 });
  });

  it('maps the feedback, reason and hand-off buttons of an outcome', () => {
    expect(parseWebClick({ consultId: 'c-1', step: '9', click: 'feedback:not_ordering' })).toEqual({ action: 'feedback', choice: 'not_ordering', consultId: 'c-1', step: 9 });
    expect(parseWebClick({ consultId: 'c-1', step: '9', click: 'feedback_reason:availability' }))
      .toEqual({ action: 'feedback', choice: 'something_else', reason: 'availability', consultId: 'c-1', step: 9 });
    expect(parseWebClick({ consultId: 'c-1', step: '9', click: 'handoff:request' })).toEqual({ action: 'handoff', consultId: 'c-1', step: 9 });
  });

  it('reads steps of up to five digits', () => {
    expect(parseWebClick({ consultId: 'c', step: '10000', click: 'control:back' })).toMatchObject({ step: 10_000 });
  });

  it.each([
    ['no body', undefined],
    ['missing click', { consultId: 'c', step: '1' }],
    ['answer without option', { consultId: 'c', step: '1', click: 'answer:neuro' }],
    ['extra part', { consultId: 'c', step: '1', click: 'answer:a:b:c' }],
    ['change with option', { consultId: 'c', step: '1', click: 'change:a:b' }],
    ['unknown control', { consultId: 'c', step: '1', click: 'control:answer' }],
    ['unknown kind', { consultId: 'c', step: '1', click: 'delete:all' }],
    ['negative step', { consultId: 'c', step: '-1', click: 'control:back' }],
    ['non-numeric step', { consultId: 'c', step: '1e3', click: 'control:back' }],
    ['bad consult id', { consultId: '../x', step: '1', click: 'control:back' }],
    ['array field', { consultId: ['c'], step: '1', click: 'control:back' }],
    ['bad question id', { consultId: 'c', step: '1', click: 'answer:<x>:y' }],
    ['null body', null],
    ['a string body', 'control:back'],
    ['a numeric step', { consultId: 'c', step: 1, click: 'control:back' }],
    ['a six-digit step', { consultId: 'c', step: '000001', click: 'control:back' }],
    ['an empty step', { consultId: 'c', step: '', click: 'control:back' }],
    ['a step with a sign', { consultId: 'c', step: '+1', click: 'control:back' }],
    ['a step with text after it', { consultId: 'c', step: '1x', click: 'control:back' }],
    ['a step with text before it', { consultId: 'c', step: 'x1', click: 'control:back' }],
    ['a click that is not a string', { consultId: 'c', step: '1', click: ['control:back'] }],
    ['an empty control', { consultId: 'c', step: '1', click: 'control:' }],
    ['a control with a part after it', { consultId: 'c', step: '1', click: 'control:back:x' }],
    ['a control that is a follow-up', { consultId: 'c', step: '1', click: 'control:feedback' }],
    ['an empty change', { consultId: 'c', step: '1', click: 'change:' }],
    ['an empty answer option', { consultId: 'c', step: '1', click: 'answer:neuro:' }],
    ['an empty feedback choice', { consultId: 'c', step: '1', click: 'feedback:' }],
    ['an unknown feedback choice', { consultId: 'c', step: '1', click: 'feedback:maybe' }],
    ['feedback with a part after it', { consultId: 'c', step: '1', click: 'feedback:not_ordering:x' }],
    ['an empty feedback reason', { consultId: 'c', step: '1', click: 'feedback_reason:' }],
    ['an unknown feedback reason', { consultId: 'c', step: '1', click: 'feedback_reason:because' }],
    ['a feedback reason with a part after it', { consultId: 'c', step: '1', click: 'feedback_reason:other:x' }],
    ['a hand-off claim (radiology claims in Slack or Teams, never on the web page)', { consultId: 'c', step: '1', click: 'handoff:claim' }],
    ['a hand-off without request', { consultId: 'c', step: '1', click: 'handoff' }],
    ['a hand-off request with a part after it', { consultId: 'c', step: '1', click: 'handoff:request:x' }],
    ['a missing consult id', { step: '1', click: 'control:back' }],
    ['an unknown kind naming a control', { consultId: 'c', step: '1', click: 'delete:back' }],
    ['feedback naming a control', { consultId: 'c', step: '1', click: 'feedback:back' }],
    ['an unknown kind naming the hand-off request', { consultId: 'c', step: '1', click: 'delete:request' }],
  ])('rejects %s', (_name, body) => {
    expect(parseWebClick(body)).toBeUndefined();
  });
});
