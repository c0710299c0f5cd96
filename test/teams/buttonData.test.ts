import { describe, expect, it } from 'vitest';
import { parseButtonData, parseExecuteValue } from '../../src/channels/teams/buttonData.js';

// Untrusted input: an Action.Execute invoke's value is whatever the client posted.
const click = { action: 'answer', questionId: 'region', optionId: 'lumbar', consultId: 'c-1', step: 3 };
const execute = (verb: string, data: unknown, type = 'Action.Execute') => ({ action: { type, verb, data } });

describe('parseButtonData', () => {
  it('reads a consult click, an FAQ topic and the start button', () => {
    expect(parseButtonData(click)).toEqual(click);
    expect(parseButtonData({ action: 'faq_topic', faqId: 'spine-level' })).toEqual({ action: 'faq_topic', faqId: 'spine-level' });
    expect(parseButtonData({ action: 'start_consult' })).toEqual({ action: 'start_consult' });
    expect(parseButtonData({ action: 'start_consult', pathwayId: 'spine-infection' })).toEqual({ action: 'start_consult', pathwayId: 'spine-infection' });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'answer'],
    ['an unknown action', { action: 'delete_consult' }],
    ['an extra field on a click', { ...click, admin: true }],
    ['an extra field on the start button', { action: 'start_consult', consultId: 'c-1' }],
    ['an FAQ topic with a path', { action: 'faq_topic', faqId: 'abc/../x' }],
    ['an FAQ topic over 64 characters', { action: 'faq_topic', faqId: 'a'.repeat(65) }],
    ['an empty FAQ topic', { action: 'faq_topic', faqId: '' }],
    ['a click without a step', { ...click, step: undefined }],
    ['a start button naming no pathway id', { action: 'start_consult', pathwayId: 'a/../b' }],
  ])('refuses %s', (_name, raw) => {
    expect(parseButtonData(raw)).toBeUndefined();
  });
});

describe('parseExecuteValue', () => {
  it('reads the button behind an Action.Execute whose verb names the same action', () => {
    expect(parseExecuteValue(execute('answer', click))).toEqual(click);
    expect(parseExecuteValue(execute('start_consult', { action: 'start_consult' }))).toEqual({ action: 'start_consult' });
  });

  it.each([
    ['a verb naming another action', execute('cancel', click)],
    ['another card action type', execute('answer', click, 'Action.Submit')],
    ['no action', {}],
    ['data that is no button', execute('answer', { action: 'answer' })],
    ['a verb that is not a string', { action: { type: 'Action.Execute', verb: 1, data: click } }],
    ['nothing', null],
  ])('refuses %s', (_name, value) => {
    expect(parseExecuteValue(value)).toBeUndefined();
  });
});
