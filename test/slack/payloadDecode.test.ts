import { parse as parseQuery } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { onlyPayload, parseSlackBody } from '../../src/channels/slack/slackIntake.js';

const FORM = 'application/x-www-form-urlencoded';
// Values Slack may send inside a payload: spaces, plus signs, percent signs, &, =, quotes, non-Latin text, emoji.
const samples = [
  '{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"answer:a:b","type":"button","value":"{\\"c\\":\\"x\\",\\"s\\":1}"}]}',
  '{"text":"a + b = c & d % e","q":"50%+ ?"}',
  '{"name":"Zoë Ångström – 東京 🦴","line":"x\\ny\\tz"}',
];

describe('onlyPayload decodes a payload-only form exactly as querystring.parse does', () => {
  it.each(samples)('form-encoded by URLSearchParams (+ for spaces): %s', (json) => {
    const raw = new URLSearchParams({ payload: json }).toString();
    expect(onlyPayload(raw)).toBe(parseQuery(raw).payload);
    expect(onlyPayload(raw)).toBe(json);
  });

  it.each(samples)('percent-encoded by encodeURIComponent (%20 for spaces): %s', (json) => {
    const raw = `payload=${encodeURIComponent(json)}`;
    expect(onlyPayload(raw)).toBe(parseQuery(raw).payload);
  });

  it('leaves anything but a payload-only form, and escapes decodeURIComponent refuses, to querystring.parse', () => {
    expect(onlyPayload('payload=%7B%7D&ssl_check=1')).toBeUndefined();
    expect(onlyPayload('command=%2Fspine-consult&user_id=U1')).toBeUndefined();
    expect(onlyPayload('payload=%E0%A4%A')).toBeUndefined();
    expect(onlyPayload('xpayload=%7B%7D')).toBeUndefined();
  });

  it('parseSlackBody still refuses a malformed escape in a payload the querystring way (not valid JSON)', () => {
    expect(parseSlackBody('payload=%E0%A4%A', FORM)).toEqual({ problem: 'the body is not valid JSON' });
  });

  it('parseSlackBody reads a block_actions payload through the short path', () => {
    const raw = new URLSearchParams({ payload: samples[0] }).toString();
    expect(parseSlackBody(raw, FORM)).toEqual({ body: JSON.parse(samples[0]) });
  });
});
