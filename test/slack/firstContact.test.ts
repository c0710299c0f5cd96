import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness, TEAM } from './harness.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

describe('Slack first contact', () => {
  it('an @mention in a channel gets a threaded reply with what the bot does and a start button; the button starts a consult there', async () => {
    const res = await h.event({ type: 'app_mention', user: 'U1', channel: 'C1', text: '<@UBOT> what do you do?', ts: '1700000300.000100', event_ts: '1700000300.000100' });
    expect(res.status).toBe(200);
    const [reply] = h.slack.apiCalls('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C1', thread_ts: '1700000300.000100' });
    expect(blockIds(reply.args as { blocks: any[] })).toEqual(['help', 'limits', 'start']);
    expect(JSON.stringify(reply.args.blocks)).toContain('patient names or identifiers');
    await h.press(h.latest(), 'control:new_consult');
    expect(blockIds(h.latest())).toContain('question:suspicion');
    expect(h.latest().channel).toBe('C1');
    // What was typed after the mention is not logged.
    expect(h.logLines.join('\n')).not.toContain('what do you do');
  });

  it('the global shortcut "Start a spine consult" starts a consult in the user\'s DM with the bot', async () => {
    const payload = {
      type: 'shortcut', token: 'legacy-verification-token', action_ts: '1700000400.000', callback_id: 'start_consult', trigger_id: '9.9.abc',
      team: { id: TEAM, domain: 'example' }, user: { id: 'U7', username: 'u7', team_id: TEAM }, is_enterprise_install: false, enterprise: null,
    };
    const res = await h.sendAction(payload);
    expect(res.status).toBe(200);
    expect(h.slack.apiCalls('conversations.open')[0]!.args.users).toBe('U7');
    const [post] = h.slack.apiCalls('chat.postMessage');
    expect(post.args.channel).toBe('DU7');
    expect(blockIds(post.args as { blocks: any[] })).toContain('question:suspicion');
    expect((await h.server.service.recent('slack', TEAM, 'U7', 5)).map((r) => r.conversation)).toEqual(['DU7']);
  });

  it('App Home explains the bot on first open (no consults yet) and lists consults afterwards', async () => {
    await h.event({ type: 'app_home_opened', user: 'U9', channel: 'DU9', tab: 'home', event_ts: '1700000500.000100' });
    const first = h.slack.apiCalls('views.publish').at(-1)!.args.view;
    expect(blockIds(first)).toContain('how-it-works');
    const how = first.blocks.find((b: any) => b.block_id === 'how-it-works').text.text;
    expect(how).toContain('/spine-consult');
    expect(how).toContain('Start a spine consult');
    expect(how).toContain('patient identifiers');
  });
});
