import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditToCsv, summarizeAudit } from '../../src/store/auditExport.js';
import type { FakeMessage } from '../slack/fakeSlack.js';
import { blockIds, SlackHarness } from '../slack/harness.js';
import { play, START, TO_MRI, type Row } from '../slack/transcript.js';

const RADIOLOGY = 'CRAD';
const NO_PRIOR: Row[] = [START, ['press answer:suspicion:yes', 'question:prior_imaging'], ['press answer:prior_imaging:none', 'outcome:out-of-scope-no-prior-imaging']];
const SEVERE: Row[] = [START, ['press answer:suspicion:yes', 'question:prior_imaging'], ['press answer:prior_imaging:abnormal', 'question:neuro'],
  ['press answer:neuro:severe', 'outcome:emergent-neuro-deficit']];

let t = Date.now();
/** A data folder of its own, so consults of other test files never mix in. */
const dataDir = () => mkdtempSync(join(tmpdir(), 'spine-loop-'));
const now = () => new Date(t += 1000);
const consultOf = async (h: SlackHarness, user = 'U1') => (await h.server.store.recentByOwner('slack', 'T1', user, 1))[0];
const trail = async (h: SlackHarness, id: string) => (await h.server.store.auditSince(new Date(0))).filter((a) => a.consultId === id);
const texts = (msg: FakeMessage) => JSON.stringify(msg.blocks);

describe('Slack without a radiology channel', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ env: { DATA_DIR: dataDir() } }); });
  afterAll(async () => { await h.stop(); });
  beforeEach(() => h.slack.reset());

  it('shows no "Ask radiology" button, on exclusions or elsewhere', async () => {
    for (const rows of [NO_PRIOR, TO_MRI]) {
      const msg = await play(h, rows);
      expect(blockIds(msg)).not.toContain('handoff');
      expect(texts(msg)).not.toContain('handoff:request');
    }
  });

  it('says plainly on urgent outcomes that the bot pages nobody', async () => {
    const msg = await play(h, SEVERE);
    const ids = blockIds(msg);
    expect(ids.indexOf('safety')).toBe(ids.indexOf('outcome:emergent-neuro-deficit') + 1);
    expect(msg.blocks[ids.indexOf('safety') + 1]).toEqual({
      type: 'section', block_id: 'safety', text: { type: 'mrkdwn', text: ':warning: *This bot does not page anyone. Call the on-call team now.*' },
    });
  });
});

describe('Slack with SLACK_RADIOLOGY_CHANNEL', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ env: { SLACK_RADIOLOGY_CHANNEL: RADIOLOGY, DATA_DIR: dataDir() }, overrides: { now } }); });
  afterAll(async () => { await h.stop(); });
  beforeEach(() => h.slack.reset());

  it('puts "Ask radiology" right under an exclusion outcome, posts the summary to the radiology channel, and lets one person take it', async () => {
    const msg = await play(h, NO_PRIOR);
    const ids = blockIds(msg);
    expect(ids.indexOf('handoff')).toBe(ids.indexOf('outcome:out-of-scope-no-prior-imaging') + 1);
    const consult = await consultOf(h);
    const value = JSON.stringify({ c: consult.id, s: consult.step });
    expect(msg.blocks.find((b) => b.block_id === 'handoff')).toEqual({
      type: 'actions', block_id: 'handoff',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Ask radiology' }, action_id: 'handoff:request', value, style: 'primary' }],
    });

    // Someone else cannot send another person's consult.
    await h.press(msg, 'handoff:request', 'U2');
    expect(await consultOf(h)).toEqual(consult);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Only <@U1> can use these buttons; start your own consult with /spine-consult.']);

    const beforeRequest = structuredClone(msg);
    await h.press(msg, 'handoff:request', 'U1');
    const posts = h.slack.apiCalls('chat.postMessage').filter((c) => c.args.channel === RADIOLOGY);
    expect(posts).toHaveLength(1);
    const chartNote = (h.server.service.view(consult) as { chartNote: string }).chartNote;
    expect(posts[0].args).toMatchObject({
      channel: RADIOLOGY,
      text: 'Radiology question from <@U1>',
      blocks: [
        { type: 'section', block_id: 'handoff:summary', text: { type: 'mrkdwn', text: `*Radiology question* from <@U1> in <#C1>\n\`\`\`${chartNote}\`\`\`` } },
        { type: 'actions', block_id: 'handoff:claim', elements: [{ type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: 'handoff:claim', value, style: 'primary' }] },
      ],
    });
    expect(chartNote).toContain('Answers: Suspicion of infection: Yes, suspected; Prior imaging: Not done yet.');
    const updated = h.slack.messages.get(msg.key)!;
    expect(updated.blocks.find((b) => b.block_id === 'handoff')).toEqual({
      type: 'context', block_id: 'handoff', elements: [{ type: 'mrkdwn', text: 'Sent to the radiology channel; nobody has taken it yet.' }],
    });

    // A double click of "Ask radiology" sends nothing more.
    const radiologyPost = [...h.slack.messages.values()].find((m) => m.channel === RADIOLOGY)!;
    const unclaimed = structuredClone(radiologyPost);
    await h.press(beforeRequest, 'handoff:request', 'U1');
    expect(h.slack.apiCalls('chat.postMessage').filter((c) => c.args.channel === RADIOLOGY)).toHaveLength(1);

    h.slack.ephemerals = [];
    await h.press(radiologyPost, 'handoff:claim', 'R1');
    expect(h.slack.messages.get(radiologyPost.key)!.blocks[1]).toEqual({
      type: 'context', block_id: 'handoff:claim', elements: [{ type: 'mrkdwn', text: 'Taken by <@R1>.' }],
    });
    expect(h.slack.messages.get(msg.key)!.blocks.find((b) => b.block_id === 'handoff')).toEqual({
      type: 'context', block_id: 'handoff', elements: [{ type: 'mrkdwn', text: 'Radiology: <@R1> has taken this one.' }],
    });
    expect(h.slack.apiCalls('chat.postMessage').at(-1)!.args).toEqual({
      team_id: 'T1', channel: 'C1', thread_ts: msg.ts, text: '<@R1> from radiology has taken your question about this consult.',
    });
    const claimed = await consultOf(h);
    expect(claimed.followUp?.handoff).toMatchObject({ requestedBy: 'U1', claimedBy: 'R1', outcomeId: 'out-of-scope-no-prior-imaging' });

    // A second claim, from the card as the second radiologist still sees it, is refused politely.
    const calls = h.slack.calls.length;
    await h.press(unclaimed, 'handoff:claim', 'R2');
    expect(await consultOf(h)).toEqual(claimed);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['<@R1> has already taken this one; thank you. Nothing was changed.']);
    expect(h.slack.calls.length).toBe(calls);

    expect((await trail(h, consult.id)).map((a) => [a.event, a.userId])).toEqual([
      ['start', 'U1'], ['answer:suspicion:yes', 'U1'], ['answer:prior_imaging:none', 'U1'], ['refused:handoff', 'U2'], ['handoff:requested', 'U1'], ['handoff:claimed', 'R1'],
    ]);
  });

  it('refuses a claim pressed outside the radiology channel', async () => {
    const msg = await play(h, NO_PRIOR);
    await h.press(msg, 'handoff:request');
    const consult = await consultOf(h);
    const forged = h.actionPayload(msg, { action_id: 'handoff:claim', value: JSON.stringify({ c: consult.id, s: consult.step }) }, 'U3');
    await h.sendAction(forged);
    expect(await consultOf(h)).toEqual(consult);
    expect(h.slack.ephemerals.at(-1)!.text).toBe('That action does not fit this step of the consult; nothing was changed.');
  });

  it('offers "Ask radiology" after the controls area on a recommendation, with feedback', async () => {
    const msg = await play(h, TO_MRI);
    const ids = blockIds(msg);
    expect(ids.slice(-3)).toEqual(['feedback', 'handoff', 'controls']);
    const consult = await consultOf(h);
    const value = JSON.stringify({ c: consult.id, s: consult.step });
    const button = (text: string, action_id: string) => ({ type: 'button', text: { type: 'plain_text', text }, action_id, value });
    expect(msg.blocks.filter((b) => b.block_id === 'feedback' || b.block_id === 'handoff')).toEqual([
      { type: 'actions', block_id: 'feedback', elements: [
        button('Ordering as recommended', 'feedback:as_recommended'),
        button('Ordering something else', 'feedback:something_else'),
        button('Not ordering', 'feedback:not_ordering'),
      ] },
      { type: 'actions', block_id: 'handoff', elements: [button('Ask radiology', 'handoff:request')] },
    ]);
  });

  it('records feedback with its reason in the audit trail, once, owner only, and shows it as one line', async () => {
    const msg = await play(h, TO_MRI);
    const consult = await consultOf(h);
    await h.press(msg, 'feedback:something_else');
    let shown = h.slack.messages.get(msg.key)!;
    expect(shown.blocks.find((b) => b.block_id === 'feedback-reason').elements.map((e: any) => e.action_id)).toEqual([
      'feedback_reason:contraindication', 'feedback_reason:patient_factors', 'feedback_reason:availability',
      'feedback_reason:specialist_advice', 'feedback_reason:other',
    ]);
    // Opening the reasons is not yet feedback: nothing audited.
    expect((await trail(h, consult.id)).map((a) => a.event).filter((e) => e.startsWith('feedback'))).toEqual([]);

    const pending = await consultOf(h);
    await h.press(shown, 'feedback_reason:availability', 'U2');
    expect(await consultOf(h)).toEqual(pending);
    expect(h.slack.ephemerals.at(-1)!.text).toBe('Only <@U1> can use these buttons; start your own consult with /spine-consult.');

    const withReasons = structuredClone(shown);
    await h.press(shown, 'feedback_reason:availability');
    shown = h.slack.messages.get(msg.key)!;
    expect(shown.blocks.find((b) => b.block_id === 'feedback')).toEqual({
      type: 'context', block_id: 'feedback', elements: [{ type: 'mrkdwn', text: 'Feedback: ordering something else - availability' }],
    });
    expect(blockIds(shown)).not.toContain('feedback-reason');
    const recorded = await consultOf(h);

    // The same press again (a double click) is silent; a different answer is refused politely.
    h.slack.ephemerals = [];
    await h.press(withReasons, 'feedback_reason:availability');
    expect(h.slack.ephemerals).toEqual([]);
    await h.press(withReasons, 'feedback:not_ordering');
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Feedback on this consult is already recorded; thank you. Nothing was changed.']);
    expect(await consultOf(h)).toEqual(recorded);

    const rows = await trail(h, consult.id);
    expect(rows.at(-1)).toMatchObject({ event: 'feedback:something_else:availability', userId: 'U1', outcomeId: 'recommend-mri', fromStep: 6, toStep: 6 });
    expect(auditToCsv(rows)).toContain(',U1,feedback:something_else:availability,6,6,recommend-mri,slack,');
    expect(summarizeAudit(rows).feedback).toEqual({ 'something_else:availability': 1 });
    const metrics = await (await fetch(`${h.server.url}/metrics`)).text();
    expect(metrics).toContain('spine_follow_ups_total{event="feedback:something_else:availability"} 1');
  });

  it('refuses feedback from an earlier step once the consult moved on, and leaves it unchanged', async () => {
    const msg = await play(h, TO_MRI);
    const old = structuredClone(msg);
    await h.press(msg, 'control:record_result');
    const moved = await consultOf(h);
    await h.press(old, 'feedback:as_recommended');
    expect(await consultOf(h)).toEqual(moved);
    expect(h.slack.ephemerals.at(-1)!.text).toBe('That button is from an earlier step; the consult has moved on. Use the buttons on its current step.');
  });

  it('exports one consult with feedback and a hand-off', async () => {
    const msg = await play(h, TO_MRI);
    const consult = await consultOf(h);
    await h.press(msg, 'feedback:as_recommended');
    await h.press(h.slack.messages.get(msg.key)!, 'handoff:request');
    const post = [...h.slack.messages.values()].find((m) => m.channel === RADIOLOGY)!;
    await h.press(post, 'handoff:claim', 'R7');
    const rows = await trail(h, consult.id);
    expect(rows.map((r) => r.event).slice(-3)).toEqual(['feedback:as_recommended', 'handoff:requested', 'handoff:claimed']);
    const csv = auditToCsv(rows);
    if (process.env.SHOW_AUDIT) console.log(csv);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + rows.length);
  });
});
