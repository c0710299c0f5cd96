import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockIds, SlackHarness } from './harness.js';
import { play, START, TO_MRI, type Row } from './transcript.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

const TO_RESULT: Row[] = [...TO_MRI, ['press control:record_result', 'question:mri_result']];

/** [user does, bot shows] for a full consult to every outcome in FLOW-SPEC.md. */
const TRANSCRIPTS: Record<string, Row[]> = {
  'not-applicable-no-suspicion': [START, ['press answer:suspicion:no', 'outcome:not-applicable-no-suspicion']],
  'out-of-scope-no-prior-imaging': [START,
    ['press answer:suspicion:yes', 'question:prior_imaging'],
    ['press answer:prior_imaging:none', 'outcome:out-of-scope-no-prior-imaging']],
  'out-of-scope-normal-imaging': [START,
    ['press answer:suspicion:yes', 'question:prior_imaging'],
    ['press answer:prior_imaging:normal', 'outcome:out-of-scope-normal-imaging']],
  'emergent-neuro-deficit': [START,
    ['press answer:suspicion:yes', 'question:prior_imaging'],
    ['press answer:prior_imaging:abnormal', 'question:neuro'],
    ['press answer:neuro:severe', 'outcome:emergent-neuro-deficit']],
  'out-of-scope-post-operative': [START,
    ['press answer:suspicion:yes', 'question:prior_imaging'],
    ['press answer:prior_imaging:abnormal', 'question:neuro'],
    ['press answer:neuro:mild', 'question:post_op'],
    ['press answer:post_op:yes', 'outcome:out-of-scope-post-operative']],
  'recommend-mri': TO_MRI,
  'mri-contraindicated-alternatives': [...TO_MRI.slice(0, -2), ['press answer:mri_contraindication:yes', 'outcome:mri-contraindicated-alternatives']],
  'neurosurgical-emergency': [...TO_RESULT,
    ['press answer:mri_result:positive', 'question:cord_compression'],
    ['press answer:cord_compression:yes', 'outcome:neurosurgical-emergency']],
  'positive-management': [...TO_RESULT,
    ['press answer:mri_result:positive', 'question:cord_compression'],
    ['press answer:cord_compression:no', 'outcome:positive-management']],
  'negative-revisit-differential': [...TO_RESULT, ['press answer:mri_result:negative', 'outcome:negative-revisit-differential']],
  'indeterminate-follow-up': [...TO_RESULT, ['press answer:mri_result:indeterminate', 'outcome:indeterminate-follow-up']],
};

describe('a full Slack consult reaches every outcome', () => {
  it('covers all 11 outcome ids', () => {
    expect(Object.keys(TRANSCRIPTS)).toHaveLength(11);
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
