import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import type { FaqPort } from '../../src/faq/faqPort.js';
import type { FaqAnswerView, FaqView } from '../../src/flow/viewTypes.js';
import { blockIds, SlackHarness } from './harness.js';
import { play } from './transcript.js';

const content = loadContent();
const { criteria } = content.rules;
const entry = (id: string): FaqAnswerView => {
  const e = content.rules.faq.entries.find((x) => x.id === id)!;
  return {
    kind: 'faq', faqId: e.id, question: e.question, answer: e.answer, section: e.source.section, related: [],
    criteria: { name: criteria.name, variant: criteria.variant, reviewDate: criteria.reviewDate },
  };
};

/** A stand-in for src/faq (another branch): matches one keyword, otherwise "not sure". */
const faq: FaqPort = {
  ask: (text: string) => /pacemaker/i.test(text)
    ? { view: entry('mri-contraindication'), match: { faqId: 'mri-contraindication', score: 9 } }
    : { view: { kind: 'faq-none', text: 'I am not sure I can answer that.', suggestions: [{ faqId: 'spine-level', title: 'Spine level' }] } },
  topic: (id: string): FaqView | undefined => (content.rules.faq.entries.some((e) => e.id === id) ? entry(id) : undefined),
};

const SECRET_TEXT = 'my patient Jane Doe has a pacemaker';
const h = new SlackHarness();
beforeAll(async () => { await h.start({ faq }); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

const dm = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text, ts: '1700000100.000100', event_ts: '1700000100.000100', ...extra,
});

describe('direct messages', () => {
  it('answers a matching question with block faq:<faqId> and never logs the text', async () => {
    const res = await h.event(dm(SECRET_TEXT));
    expect(res.status).toBe(200);
    const [post] = h.slack.apiCalls('chat.postMessage');
    expect(post.args.channel).toBe('DU1');
    expect(post.args.blocks.map((b: any) => b.block_id)).toEqual(['faq:mri-contraindication', 'source', 'faq-topics']);
    expect(h.logLines.join('\n')).not.toContain('Jane Doe');
  });

  it('says "not sure" with topic buttons (faq:none); a topic button posts that answer', async () => {
    await h.event(dm('how do I reset my password?'));
    const msg = h.latest();
    expect(blockIds(msg)).toEqual(['faq:none', 'faq-topics']);
    const buttons = msg.blocks[1].elements.map((e: any) => e.action_id);
    expect(buttons).toEqual(['faq:spine-level', 'control:new_consult']);
    await h.press(msg, 'faq:spine-level');
    expect(blockIds(h.latest())).toEqual(['faq:spine-level', 'source', 'faq-topics']);
  });

  it('"Start a consult" in the DM starts a consult there', async () => {
    await h.event(dm('how do I reset my password?'));
    await h.press(h.latest(), 'control:new_consult');
    expect(h.slack.apiCalls('chat.postMessage').map((c) => c.args.channel)).toEqual(['DU1', 'DU1']);
    expect(blockIds(h.latest())).toContain('question:suspicion');
  });

  it.each([
    ['a bot message', { bot_id: 'B2', subtype: 'bot_message' }],
    ['our own message', { bot_id: 'BBOT', user: 'UBOT' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a channel message', { channel: 'C1', channel_type: 'channel' }],
  ])('ignores %s', async (_name, extra) => {
    const res = await h.event(dm('pacemaker?', extra));
    expect(res.status).toBe(200);
    expect(h.slack.apiCalls()).toEqual([]);
  });

  it('answers a retried event whose first delivery never arrived once, and not its exact duplicate', async () => {
    const body = h.eventBody(dm('pacemaker?'));
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    await h.post(body, 'application/json', retry);
    expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
    await h.post(body, 'application/json', { ...retry, 'x-slack-retry-num': '2' });
    await h.post(body, 'application/json');
    expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
  });
});

describe('App Home', () => {
  it('publishes what the bot does, a start button and the five most recent consults', async () => {
    for (let i = 0; i < 6; i++) await play(h, [['/spine-consult', 'question:suspicion'], ['press answer:suspicion:no', 'outcome:not-applicable-no-suspicion']], 'U5');
    h.slack.reset();
    await h.event({ type: 'app_home_opened', user: 'U5', channel: 'DU5', tab: 'home', event_ts: '1700000200.000100' });
    const [publish] = h.slack.apiCalls('views.publish');
    expect(publish.args.user_id).toBe('U5');
    const view = publish.args.view;
    expect(view.type).toBe('home');
    expect(view.blocks.map((b: any) => b.block_id ?? b.type)).toEqual(['header', 'about', 'disclaimer', 'start', 'divider', 'recent']);
    const recent = view.blocks.at(-1).text.text.split('\n');
    expect(recent[0]).toBe('*Your recent consults*');
    expect(recent).toHaveLength(6);
    expect(recent[1]).toMatch(/^• <!date\^\d+\^\{date_short_pretty\} \{time\}\|[\d-]+ [\d:]+ UTC>: .+ \(finished\)$/);
  });

  it('ignores the Messages tab', async () => {
    await h.event({ type: 'app_home_opened', user: 'U5', channel: 'DU5', tab: 'messages', event_ts: '1700000200.000100' });
    expect(h.slack.apiCalls()).toEqual([]);
  });

  it('"Start a consult" on App Home opens the DM and runs the consult there', async () => {
    await h.event({ type: 'app_home_opened', user: 'U6', channel: 'DU6', tab: 'home', event_ts: '1700000200.000100' });
    const view = h.slack.apiCalls('views.publish')[0].args.view;
    const home = { key: 'home:U6', channel: 'home', text: '', blocks: view.blocks };
    await h.press(home, 'control:new_consult', 'U6');
    expect(h.slack.apiCalls('conversations.open')[0].args.users).toBe('U6');
    expect(h.slack.apiCalls('chat.postMessage')[0].args.channel).toBe('DU6');
    const consult = (await h.server.store.recentByOwner('slack', 'T1', 'U6', 1))[0];
    expect(consult.conversation).toBe('DU6');
    expect(consult.messageRef).toBe(h.latest().ts);
  });
});
