import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness, signedHeaders } from './harness.js';
import { HOOKS } from './fakeSlack.js';
import { play } from './transcript.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

const consultOf = async (user = 'U1') => (await h.server.store.recentByOwner('slack', 'T1', user, 1))[0];

describe('who may answer', () => {
  it('refuses a click by someone else, privately, and changes nothing', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const before = await consultOf();
    const res = await h.press(msg, 'answer:suspicion:yes', 'U2');
    expect(res.status).toBe(200);
    expect(await consultOf()).toEqual(before);
    expect(h.slack.apiCalls('chat.update')).toEqual([]);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Only <@U1> can answer this one; start your own with /spine-consult.']);
  });
});

describe('stale, duplicate and retried clicks change nothing', () => {
  it('a double click applies once; the second press redraws the message as it is, with no note', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const first = h.actionPayload(msg, h.button(msg, 'answer:suspicion:yes'), 'U1');
    await h.sendAction(first);
    const after = await consultOf();
    const shown = structuredClone(h.slack.messages.get(msg.key)!);
    await h.sendAction(first);
    expect(await consultOf()).toEqual(after);
    expect(h.slack.apiCalls('chat.update')).toHaveLength(2);
    expect(h.slack.messages.get(msg.key)!.blocks).toEqual(shown.blocks);
    expect(h.slack.ephemerals).toEqual([]);
  });

  it('a stale button (an earlier step) is refused; the message is refreshed to the current step', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const old = structuredClone(msg);
    await h.press(msg, 'answer:suspicion:yes');
    const after = await consultOf();
    const current = structuredClone(h.slack.messages.get(msg.key)!);
    await h.press(old, 'answer:suspicion:no');
    expect(await consultOf()).toEqual(after);
    expect(h.slack.messages.get(msg.key)!.blocks).toEqual(current.blocks);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual([
      'That button is from an earlier step; the consult has moved on. Use the buttons on its current step.',
    ]);
  });

  it('a retried click whose first delivery never arrived is applied once; an exact copy of it changes nothing', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const payload = h.actionPayload(msg, h.button(msg, 'answer:suspicion:yes'), 'U1');
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await h.sendAction(payload, retry)).status).toBe(200);
    const after = await consultOf();
    expect(after.step).toBe(1);
    expect((await h.sendAction(payload, { ...retry, 'x-slack-retry-num': '2' })).status).toBe(200);
    expect(await consultOf()).toEqual(after);
  });

  it('a finished consult takes no more answers', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion'], ['press answer:suspicion:no', 'outcome:not-applicable-no-suspicion']]);
    const before = await consultOf();
    const payload = h.actionPayload(msg, { action_id: 'control:back', value: JSON.stringify({ c: before.id, s: before.step }) }, 'U1');
    await h.sendAction(payload);
    expect(await consultOf()).toEqual(before);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['This consult is finished. Start a new one with /spine-consult.']);
  });
});

describe('request verification', () => {
  it('rejects a bad signature with 401 and calls no Web API', async () => {
    const body = h.commandBody('', 'U8', 'C1');
    const headers = signedHeaders(body, 'application/x-www-form-urlencoded', undefined, 'wrong-secret');
    const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers });
    expect(res.status).toBe(401);
    await h.server.slack.idle();
    expect(h.slack.calls).toEqual([]);
    expect(await h.server.store.recentByOwner('slack', 'T1', 'U8', 5)).toHaveLength(0);
  });

  it('rejects a timestamp older than five minutes with 401 and calls no Web API', async () => {
    const body = h.commandBody('', 'U9', 'C1');
    const headers = signedHeaders(body, 'application/x-www-form-urlencoded', Math.floor(Date.now() / 1000) - 6 * 60);
    const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers });
    expect(res.status).toBe(401);
    expect(h.slack.calls).toEqual([]);
    expect(await h.server.store.recentByOwner('slack', 'T1', 'U9', 5)).toHaveLength(0);
  });

  it('rejects an unsigned request with 401', async () => {
    const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
  });
});

describe('bad input gets a 4xx or a polite reply, and the server stays up', () => {
  it('a signed body that is not JSON gets 400', async () => {
    const res = await h.post('{not json', 'application/json');
    expect(res.status).toBe(400);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
  });

  it('a signed JSON body of no known kind gets 400', async () => {
    const res = await h.post(JSON.stringify({ hello: 'world' }), 'application/json');
    expect(res.status).toBe(400);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
  });

  it('an unknown action id gets a 200 ack and a polite private reply', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const before = await consultOf();
    const res = await h.sendAction(h.actionPayload(msg, { action_id: 'launch:missiles', value: '{}' }, 'U1'));
    expect(res.status).toBe(200);
    expect(await consultOf()).toEqual(before);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Sorry, I did not understand that button, so nothing was changed.']);
  });

  it.each([
    ['not JSON', 'nope'],
    ['no consult id', JSON.stringify({ s: 0 })],
    ['a negative step', JSON.stringify({ c: 'abc', s: -1 })],
    ['an array', '[1,2]'],
  ])('a malformed button value (%s) gets a polite reply', async (_name, value) => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const before = await consultOf();
    const res = await h.sendAction(h.actionPayload(msg, { action_id: 'answer:suspicion:yes', value }, 'U1'));
    expect(res.status).toBe(200);
    expect(await consultOf()).toEqual(before);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Sorry, I did not understand that button, so nothing was changed.']);
  });

  it('an unknown consult id says the consult is gone', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    await h.sendAction(h.actionPayload(msg, { action_id: 'answer:suspicion:yes', value: JSON.stringify({ c: 'no-such-consult', s: 0 }) }, 'U1'));
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['This consult is no longer available. Start a new one with /spine-consult.']);
  });
});

describe('controls', () => {
  it('back, change, restart and cancel move the same message', async () => {
    const msg = await play(h, [
      ['/spine-consult', 'question:suspicion'],
      ['press answer:suspicion:yes', 'question:prior_imaging'],
      ['press answer:prior_imaging:abnormal', 'question:neuro'],
      ['press control:back', 'question:prior_imaging'],
      ['press answer:prior_imaging:abnormal', 'question:neuro'],
      ['press control:change:suspicion', 'question:suspicion'],
      ['press answer:suspicion:yes', 'question:prior_imaging'],
      ['press control:restart', 'question:suspicion'],
      ['press control:cancel', 'notice:cancelled'],
    ]);
    expect(blockIds(msg)).toEqual(['notice:cancelled', 'controls']);
    expect((await consultOf()).status).toBe('cancelled');
    expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
  });

  it('the trail shows each answer with a change button', async () => {
    const msg = await play(h, [
      ['/spine-consult', 'question:suspicion'],
      ['press answer:suspicion:yes', 'question:prior_imaging'],
    ]);
    const trail = msg.blocks.find((b: any) => b.block_id === 'trail:suspicion');
    expect(trail.text.text).toBe('*Suspicion of infection:* Yes, suspected');
    expect(trail.accessory.action_id).toBe('control:change:suspicion');
  });

  it('"New consult" on an outcome starts a new consult in the same conversation, owned by the presser', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion'], ['press answer:suspicion:no', 'outcome:not-applicable-no-suspicion']]);
    await h.press(msg, 'control:new_consult', 'U3');
    const posts = h.slack.apiCalls('chat.postMessage');
    expect(posts.map((p) => p.args.channel)).toEqual(['C1', 'C1']);
    expect(blockIds(h.latest())).toContain('question:suspicion');
    expect((await consultOf('U3')).messageRef).toBe(h.latest().ts);
  });

  it('"Record MRI result" continues the same message with the result questions', async () => {
    const msg = await play(h, [
      ['/spine-consult', 'question:suspicion'],
      ['press answer:suspicion:yes', 'question:prior_imaging'],
      ['press answer:prior_imaging:abnormal', 'question:neuro'],
      ['press answer:neuro:none', 'question:post_op'],
      ['press answer:post_op:no', 'question:mri_contraindication'],
      ['press answer:mri_contraindication:no', 'question:region'],
      ['press answer:region:thoracic', 'outcome:recommend-mri'],
      ['press control:record_result', 'question:mri_result'],
    ]);
    expect(h.slack.apiCalls('chat.update').at(-1)!.args.ts).toBe(msg.ts);
  });
});

describe('/spine-consult help', () => {
  it('answers privately in the acknowledgement and posts nothing', async () => {
    const body = h.commandBody('help', 'U1', 'C1');
    const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') });
    const json = (await res.json()) as { response_type: string; text: string; blocks: Array<{ block_id: string }> };
    await h.server.slack.idle();
    expect(json.response_type).toBe('ephemeral');
    expect(json.blocks.map((b) => b.block_id)).toEqual(['help', 'limits', 'start']);
    expect(json.text).toMatch(/^What this bot does/);
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});

describe('when the bot cannot post in the conversation', () => {
  it('runs the consult through response_url and says how to invite the bot', async () => {
    h.slack.notInChannel.add('CPRIV');
    await h.command('', 'U1', 'CPRIV');
    const msg = h.latest();
    expect(msg.key).toMatch(/^hook:/);
    expect(blockIds(msg)).toContain('question:suspicion');
    expect(h.slack.ephemerals).toHaveLength(1);
    expect(h.slack.ephemerals[0].text).toContain('/invite <@UBOT>');
    expect((await consultOf()).messageRef).toBeNull();

    await h.press(msg, 'answer:suspicion:yes');
    const hook = h.slack.hooks.at(-1)!;
    expect(hook.path).toBe(`/actions/${encodeURIComponent(msg.key)}`);
    expect(hook.body.replace_original).toBe(true);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
    expect(h.slack.apiCalls('chat.update')).toEqual([]);
    expect(`${HOOKS}${hook.path}`).toMatch(/^https:\/\/hooks\.slack\.test\/actions\//);
  });
});

describe('Web API failures', () => {
  it('retries a 429 (Retry-After) and a 5xx, then updates', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    h.slack.script('chat.update', [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' }], [503, { ok: false }]);
    await h.press(msg, 'answer:suspicion:yes');
    expect(h.slack.apiCalls('chat.update')).toHaveLength(3);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
    expect(h.slack.ephemerals).toEqual([]);
  });

  it('retries a ratelimited error in the response body', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    h.slack.script('chat.update', [200, { ok: false, error: 'ratelimited' }]);
    await h.press(msg, 'answer:suspicion:yes');
    expect(h.slack.apiCalls('chat.update')).toHaveLength(2);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
  });

  it('a persisting failure keeps the answer saved, logs the consult id, tells the user, and the next press refreshes', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const stale = structuredClone(msg);
    h.slack.script('chat.update', [500, {}], [500, {}], [500, {}]);
    await h.press(msg, 'answer:suspicion:yes');
    const saved = await consultOf();
    expect(saved.snapshot.context.answers).toEqual([{ questionId: 'suspicion', optionId: 'yes' }]);
    expect(h.slack.messages.get(msg.key)!.blocks).toEqual(stale.blocks);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual([
      'Your choice was saved, but Slack did not update the consult message. Press any button on it to refresh it.',
    ]);
    expect(h.logLines.some((l) => l.includes(saved.id) && l.includes('updating a consult message failed'))).toBe(true);

    await h.press(stale, 'answer:suspicion:yes'); // the same press again: a duplicate, redrawn as it is
    await h.press(stale, 'answer:suspicion:no'); // another old button: stale, so the message catches up
    expect(await consultOf()).toEqual(saved);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
  }, 30_000);
});
