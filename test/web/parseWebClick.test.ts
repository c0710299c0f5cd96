import { describe, expect, it } from 'vitest';
import { parseWebClick } from '../../src/channels/web/parseWebClick.js';

describe('parseWebClick', () => {
  it('maps button values to ClickData', () => {
    expect(parseWebClick({ consultId: 'c-1', step: '3', click: 'answer:neuro:none' })).toEqual({ action: 'answer', questionId: 'neuro', optionId: 'none', consultId: 'c-1', step: 3 });
    expect(parseWebClick({ consultId: 'c-1', step: '0', click: 'change:region' })).toEqual({ action: 'change', questionId: 'region', consultId: 'c-1', step: 0 });
    expect(parseWebClick({ consultId: 'c-1', step: '7', click: 'control:record_result' })).toEqual({ action: 'record_result', consultId: 'c-1', step: 7 });
    expect(parseWebClick({ consultId: 'c-1', step: '7', click: 'control:new_consult' })).toEqual({ action: 'new_consult', consultId: 'c-1', step: 7 });
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
  ])('rejects %s', (_name, body) => {
    expect(parseWebClick(body)).toBeUndefined();
  });
});
