import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, fixedFieldLogger } from '../../src/log/logger.js';
import { runWithContext } from '../../src/log/requestContext.js';
import { SIGNING_SECRET, SlackHarness, signedHeaders } from '../slack/harness.js';

const SECRET_TEXT = 'my patient Jane Doe MRN 48213 has a pacemaker';
const BOT_TOKEN = 'xoxb-test-token';
const lines: string[] = [];
const sink = new Writable({ write: (chunk, _enc, cb) => { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
const h = new SlackHarness();
beforeAll(async () => { await h.start({ overrides: { logger: createLogger('info', sink) } }); });
afterAll(async () => { await h.stop(); });

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('structured logs', () => {
  it('carry request and consult ids, and never text, signatures or tokens', async () => {
    const startup = lines.length;
    const signatures: string[] = [];
    const post = (body: string, type: string) => {
      const headers = signedHeaders(body, type);
      signatures.push(headers['x-slack-signature']);
      return h.post(body, type, headers);
    };
    await post(h.eventBody({ type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text: SECRET_TEXT, ts: '1700000100.000100', event_ts: '1700000100.000100' }), 'application/json');
    await post(h.commandBody(SECRET_TEXT, 'U1', 'C1'), 'application/x-www-form-urlencoded');
    const msg = h.latest();
    const answer = msg.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id.startsWith('answer:'));
    await post(new URLSearchParams({ payload: JSON.stringify(h.actionPayload(msg, { action_id: answer.action_id, value: answer.value }, 'U1')) }).toString(), 'application/x-www-form-urlencoded');
    const forged = await h.post(h.commandBody(SECRET_TEXT, 'U1', 'C1'), 'application/x-www-form-urlencoded', { 'x-slack-signature': 'v0=deadbeef'.padEnd(67, '0') });
    expect(forged.status).toBe(401);

    const all = lines.join('\n');
    for (const secret of [SECRET_TEXT, 'Jane Doe', '48213', SIGNING_SECRET, BOT_TOKEN, 'deadbeef', ...signatures, ...signatures.map((s) => s.slice(3))]) {
      expect(all).not.toContain(secret);
    }
    const during = parsed().slice(startup);
    expect(during.filter((l) => l.msg === 'request').map((l) => [l.path, l.status])).toEqual([
      ['/slack/events', 200], ['/slack/events', 200], ['/slack/events', 200], ['/slack/events', 401],
    ]);
    for (const line of during) expect(line.reqId, JSON.stringify(line)).toMatch(/^[0-9a-f-]{36}$/);
    const [record] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    const consultLines = during.filter((l) => l.msg === 'consult started' || l.msg === 'consult step');
    expect(consultLines.map((l) => [l.msg, l.consultId])).toEqual([['consult started', record.id], ['consult step', record.id]]);
    expect(consultLines[1]).toMatchObject({ action: 'answer', fromStep: 0, ok: true, step: 1, status: 'active' });
  });

  it('redacts credentials, signatures and typed text when an object is logged whole', () => {
    const own: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, cb) => { own.push(String(c)); cb(); } }));
    logger.info({
      req: { headers: { authorization: 'Bearer abc.def', 'x-slack-signature': 'v0=123abc', cookie: 'sid=1' } },
      event: { text: SECRET_TEXT, user: 'U1' }, body: 'payload=...', token: BOT_TOKEN, question: SECRET_TEXT, activity: { value: { text: SECRET_TEXT } },
    }, 'whole objects');
    const line = JSON.parse(own[0]);
    expect(line.req.headers).toEqual({ authorization: '[redacted]', 'x-slack-signature': '[redacted]', cookie: '[redacted]' });
    expect(line.event).toEqual({ text: '[redacted]', user: 'U1' });
    expect([line.body, line.token, line.question, line.activity.value.text]).toEqual(['[redacted]', '[redacted]', '[redacted]', '[redacted]']);
  });

  it('writes fixed-field lines to the same destination, at the same level and with the request context, and redacts the rest', () => {
    const own: string[] = [];
    const logger = createLogger('warn', new Writable({ write: (c, _e, cb) => { own.push(String(c)); cb(); } }));
    const fixed = fixedFieldLogger(logger);
    expect(fixed).not.toBe(logger);
    runWithContext(() => {
      fixed.info({ step: 1 }, 'below the level');
      fixed.warn({ step: 2 }, 'fixed');
      logger.warn({ token: BOT_TOKEN }, 'whole');
    }, 'req-1');
    expect(own.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'fixed', step: 2, reqId: 'req-1', service: 'spine-consult' }),
      expect.objectContaining({ msg: 'whole', token: '[redacted]', reqId: 'req-1' }),
    ]);
  });

  it('honours LOG_LEVEL', () => {
    const own: string[] = [];
    const logger = createLogger('warn', new Writable({ write: (c, _e, cb) => { own.push(String(c)); cb(); } }));
    logger.info('quiet');
    logger.warn('loud');
    expect(own.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});
