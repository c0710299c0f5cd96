import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness } from './harness.js';
import { FakeSocketMode } from './fakeSocketMode.js';
import type { FakeMessage } from './fakeSlack.js';

const APP_TOKEN = 'xapp-1-A1-1-test';
const h = new SlackHarness();
const socket = new FakeSocketMode();

/** The command form Slack sends over HTTP, as the object a slash_commands envelope carries. */
const commandPayload = (user: string, channel: string) => Object.fromEntries(new URLSearchParams(h.commandBody('', user, channel)));

/** Presses `actionId` on `msg` through an interactive envelope; resolves once the bot has finished. */
async function press(msg: FakeMessage, actionId: string): Promise<FakeMessage> {
  const ack = await socket.deliver('interactive', h.actionPayload(msg, h.button(msg, actionId), 'U1'));
  expect(ack.envelope_id).toBeTruthy();
  await h.server.slack.idle();
  return h.slack.messages.get(msg.key)!;
}

describe('Slack over Socket Mode', () => {
  beforeAll(async () => {
    h.slack.socketUrl = await socket.start();
    // With SLACK_APP_TOKEN set, Socket Mode wins over the signing secret the harness also sets.
    await h.start({ env: { SLACK_APP_TOKEN: APP_TOKEN } });
  }, 20_000);
  afterAll(async () => {
    await h.stop();
    await socket.stop();
  });

  it('connects through apps.connections.open on SLACK_API_URL and waits for hello', () => {
    expect(h.server.slack.mode).toBe('socket');
    expect(h.slack.apiCalls('apps.connections.open')).toHaveLength(1);
    expect(socket.sockets).toHaveLength(1);
  });

  it('runs a consult to the recommendation, and survives a disconnect from Slack mid-consult', async () => {
    const commandAck = await socket.deliver('slash_commands', commandPayload('U1', 'C1'));
    await h.server.slack.idle();
    expect(commandAck.envelope_id).toBeTruthy();
    let msg = h.latest();
    expect(blockIds(msg)).toContain('question:suspicion');

    msg = await press(msg, 'answer:suspicion:yes');
    msg = await press(msg, 'answer:prior_imaging:abnormal');
    expect(blockIds(msg)).toContain('question:neuro');

    // Slack recycles the connection: the app closes it, asks for a new URL and reconnects.
    await socket.disconnect();
    expect(h.slack.apiCalls('apps.connections.open')).toHaveLength(2);
    expect(socket.sockets).toHaveLength(2);

    msg = await press(msg, 'answer:neuro:none');
    msg = await press(msg, 'answer:post_op:no');
    msg = await press(msg, 'answer:mri_contraindication:no');
    msg = await press(msg, 'answer:region:lumbar');
    expect(blockIds(msg)).toContain('outcome:recommend-mri');
    // One message per consult, edited in place over both connections.
    expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
    expect(h.slack.apiCalls('chat.update').length).toBeGreaterThanOrEqual(6);
    const consultId = JSON.parse(h.button(msg, 'control:record_result').value).c as string;
    expect(await h.server.store.get(consultId)).toMatchObject({ channel: 'slack', ownerId: 'U1', outcomeId: 'recommend-mri' });
  }, 40_000);

  it('acks an Events API envelope by its envelope_id and handles the event (App Home)', async () => {
    const before = socket.acks.length;
    const ack = await socket.deliver('events_api', JSON.parse(h.eventBody({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1700000200.000100' })));
    await h.server.slack.idle();
    expect(socket.acks.slice(before).map((a) => a.envelope_id)).toEqual([ack.envelope_id]);
    expect(h.slack.apiCalls('views.publish').at(-1)!.args.user_id).toBe('U1');
  });
});
