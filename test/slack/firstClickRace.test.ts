/**
 * A first click can reach the bot before chat.postMessage has returned the new message's ts (Slack
 * shows the message first). The click carries the ts (container.message_ts): it is saved with the
 * click and the message is updated with chat.update, never through the response_url.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness, signedHeaders } from './harness.js';
import type { FakeMessage } from './fakeSlack.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());
// A failed test must not leave a post held for the next one.
let release = () => {};
afterEach(() => { release(); h.slack.holdPosts = undefined; });

/** Types the command while chat.postMessage's reply is held; resolves with the message Slack already shows, and the gate. */
async function postedButNotReturned(channel: string): Promise<{ msg: FakeMessage; release: () => void }> {
  h.slack.holdPosts = new Promise((r) => { release = r; });
  const body = h.commandBody('', 'U1', channel);
  const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') });
  expect(res.status).toBe(200);
  await expect.poll(() => [...h.slack.messages.values()].find((m) => m.channel === channel)).toBeDefined();
  return { msg: [...h.slack.messages.values()].find((m) => m.channel === channel)!, release };
}

/** Presses without waiting for the bot's follow-up work (the command's is held). */
async function pressNow(msg: FakeMessage, actionId: string, channelId = msg.channel): Promise<void> {
  const payload = h.actionPayload(msg, h.button(msg, actionId), 'U1') as Record<string, any>;
  payload.container.channel_id = channelId;
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') });
  expect(res.status).toBe(200);
}

describe('a first click that beats the saving of the message ts', () => {
  it('saves the ts with the click and updates that message with one chat.update, with no response_url post', async () => {
    const { msg, release } = await postedButNotReturned('CRACE');
    await pressNow(msg, 'answer:suspicion:yes');
    await expect.poll(() => h.slack.apiCalls('chat.update').length).toBe(1);
    const [consult] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    expect(consult.messageRef).toBe(msg.ts);
    release();
    await h.server.slack.idle();
    expect(h.slack.apiCalls('chat.update').map((c) => [c.args.channel, c.args.ts])).toEqual([['CRACE', msg.ts]]);
    expect(h.slack.hooks).toEqual([]);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
    const after = await h.server.store.get(consult.id);
    expect(after).toMatchObject({ messageRef: msg.ts, step: consult.step, version: consult.version });
  });

  it('does not take a ts the click says belongs to another conversation', async () => {
    const { msg, release } = await postedButNotReturned('CRACE2');
    await pressNow(msg, 'answer:suspicion:yes', 'COTHER');
    await expect.poll(() => h.slack.hooks.length).toBe(1);
    const [consult] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    expect(consult.messageRef).toBeNull();
    release();
    await h.server.slack.idle();
    expect((await h.server.store.get(consult.id))!.messageRef).toBe(msg.ts);
    expect(h.slack.apiCalls('chat.update')).toEqual([]);
  });
});
