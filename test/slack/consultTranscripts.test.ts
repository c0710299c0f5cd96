import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness } from './harness.js';
import { pathTable } from '../flow/pathTable.js';
import { testEngine } from '../store/storeHarness.js';
import { play, type Row } from './transcript.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

const engine = testEngine();

/** [user does, bot shows] for a full consult to every outcome, from the path table the flow generates. */
const TRANSCRIPTS: Record<string, Row[]> = Object.fromEntries(pathTable(engine).map(({ outcome, steps }) => [outcome, [
  ['/spine-consult', `question:${engine.content.flow.start}`],
  ...steps.map((s): Row => ['answer' in s ? `press answer:${s.answer[0]}:${s.answer[1]}` : 'press control:record_result', s.shows]),
]]));

describe('a full Slack consult reaches every outcome', () => {
  it('covers all 11 outcome ids', () => {
    expect(Object.keys(TRANSCRIPTS)).toHaveLength(11);
    expect(Object.keys(TRANSCRIPTS).sort()).toEqual(engine.content.rules.outcomes.outcomes.map((o) => o.id).sort());
  });

  for (const [outcomeId, rows] of Object.entries(TRANSCRIPTS)) {
    it(outcomeId, async () => {
      const msg = await play(h, rows);
      // One live message per consult: posted once, then only updated.
      expect(h.slack.apiCalls('chat.postMessage')).toHaveLength(1);
      expect(h.slack.apiCalls('chat.update')).toHaveLength(rows.length - 1);
      expect(h.slack.ephemerals).toEqual([]);
      const [post] = h.slack.apiCalls('chat.postMessage');
      const consult = (await h.server.store.recentByOwner('slack', 'T1', 'U1', 1))[0];
      expect(consult.messageRef).toBe(msg.ts);
      expect(post.args.channel).toBe('C1');
      expect(consult.outcomeId).toBe(outcomeId);
      expect(msg.text.length).toBeGreaterThan(10);
    });
  }
});

describe('related questions on a Slack outcome', () => {
  it('a related topic on an emergency posts its answer below and leaves the emergency message as it was', async () => {
    const msg = await play(h, TRANSCRIPTS['emergent-neuro-deficit']);
    const before = structuredClone(msg.blocks);
    const related = msg.blocks.find((b: { block_id?: string }) => b.block_id === 'related');
    expect(related.elements.map((e: { action_id: string }) => e.action_id)).toEqual(['faq:ddx-epidural-abscess', 'faq:exclusions', 'faq:pitfall-delay']);
    // Nothing to read comes before the escalation: the related questions follow the outcome.
    expect(msg.blocks.findIndex((b: { block_id?: string }) => b.block_id === 'related'))
      .toBeGreaterThan(msg.blocks.findIndex((b: { block_id?: string }) => b.block_id === 'safety'));
    const updates = h.slack.apiCalls('chat.update').length;
    expect((await h.press(msg, 'faq:ddx-epidural-abscess')).status).toBe(200);
    expect(blockIds(h.latest())).toEqual(['faq:ddx-epidural-abscess', 'source', 'faq-topics']);
    expect(h.slack.apiCalls('chat.update')).toHaveLength(updates);
    expect(h.slack.messages.get(msg.key)!.blocks).toEqual(before);
  });
});
