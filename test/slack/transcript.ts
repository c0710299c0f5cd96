import { expect } from 'vitest';
import { blockIds, type SlackHarness } from './harness.js';
import type { FakeMessage } from './fakeSlack.js';

/** One transcript row: what the user does, and the block id the consult message must then show. */
export type Row = [userDoes: string, botShows: string];

/**
 * Plays a transcript: `/spine-consult` types the command, `press <action_id>` presses that button
 * on the consult message as it was last rendered. After each row the message must show the block.
 */
export async function play(h: SlackHarness, rows: Row[], user = 'U1', channel = 'C1'): Promise<FakeMessage> {
  let msg: FakeMessage | undefined;
  for (const [does, shows] of rows) {
    if (does.startsWith('/spine-consult')) {
      const res = await h.command(does.slice('/spine-consult'.length).trim(), user, channel);
      expect(res.status).toBe(200);
      msg = h.latest();
    } else {
      const m = /^press (\S+)$/.exec(does);
      if (!m || !msg) throw new Error(`bad transcript row: ${does}`);
      const res = await h.press(msg, m[1], user);
      expect(res.status).toBe(200);
      msg = h.slack.messages.get(msg.key)!;
    }
    expect(blockIds(msg), `after "${does}"`).toContain(shows);
  }
  return msg!;
}

/** Rows answering questions in order, e.g. answers('suspicion=yes', 'prior_imaging=none'). */
export function answers(...pairs: string[]): Row[] {
  return pairs.map((p, i) => {
    const [q, o] = p.split('=');
    const next = pairs[i + 1]?.split('=')[0];
    return [`press answer:${q}:${o}`, next ? `question:${next}` : ''] as Row;
  });
}

/** Starting a consult. */
export const START: Row = ['/spine-consult', 'question:suspicion'];

/** The shortest way to recommend-mri: suspected, abnormal imaging, intact, not post-op, no contraindication, lumbar. */
export const TO_MRI: Row[] = [
  START,
  ['press answer:suspicion:yes', 'question:prior_imaging'],
  ['press answer:prior_imaging:abnormal', 'question:neuro'],
  ['press answer:neuro:none', 'question:post_op'],
  ['press answer:post_op:no', 'question:mri_contraindication'],
  ['press answer:mri_contraindication:no', 'question:region'],
  ['press answer:region:lumbar', 'outcome:recommend-mri'],
];
