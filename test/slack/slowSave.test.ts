/**
 * A click whose save outlasts Slack's 3 s: Bolt's receiver has answered Slack already, so the late
 * acknowledgement fails. The saved step must still reach the message, and pressing the same button
 * again (what a user does when nothing seems to happen) must redraw it rather than stay silent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { AuditRow, ConsultRecord } from '../../src/store/types.js';
import { blockIds, SlackHarness } from './harness.js';
import { play } from './transcript.js';

/** A store whose next update takes longer than Slack waits, as under a saturated database. */
class SlowStore extends MemoryStore {
  slowNext = false;
  override async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    if (this.slowNext) {
      this.slowNext = false;
      await new Promise((r) => setTimeout(r, 3_300));
    }
    return super.update(record, expectedVersion, audit);
  }
}

const store = new SlowStore();
const h = new SlackHarness();
beforeAll(async () => { await h.start({ overrides: { store } }); });
afterAll(async () => { await h.stop(); });
beforeEach(() => h.slack.reset());

describe('a save slower than Slack waits', () => {
  it('still shows the saved step, logs the late acknowledgement, and a repeated press redraws the message', async () => {
    const msg = await play(h, [['/spine-consult', 'question:suspicion']]);
    const pressed = structuredClone(msg);
    store.slowNext = true;
    const res = await h.press(msg, 'answer:suspicion:yes');
    // Bolt's receiver answered at 3 s, before the save ended.
    expect(res.status).not.toBe(200);
    const [saved] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    expect(saved.snapshot.context.answers).toEqual([{ questionId: 'suspicion', optionId: 'yes' }]);
    expect(h.slack.apiCalls('chat.update')).toHaveLength(1);
    expect(blockIds(h.slack.messages.get(msg.key)!)).toContain('question:prior_imaging');
    expect(h.logLines.some((l) => l.includes('saved after Slack stopped waiting'))).toBe(true);
    expect(h.slack.ephemerals).toEqual([]);

    // The user did see Slack's error on the button and presses it again: a duplicate, redrawn as it is.
    const shown = structuredClone(h.slack.messages.get(msg.key)!);
    expect((await h.press(pressed, 'answer:suspicion:yes')).status).toBe(200);
    expect((await h.server.store.recentByOwner('slack', 'T1', 'U1', 1))[0]).toEqual(saved);
    expect(h.slack.apiCalls('chat.update')).toHaveLength(2);
    expect(h.slack.messages.get(msg.key)!.blocks).toEqual(shown.blocks);
    expect(h.slack.ephemerals).toEqual([]);
  }, 15_000);
});
