/**
 * Finding (Low): a click was acknowledged to Slack before it was saved, while docs/ops.md said a
 * 200 means it was committed. Chosen behaviour: the click is saved before the 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { AuditRow, ConsultRecord } from '../../src/store/types.js';
import { signedHeaders, SlackHarness } from '../slack/harness.js';

/** A store whose saves take 300 ms, like a busy database; reads are immediate. */
class SlowSaves extends MemoryStore {
  override async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 300));
    return super.update(record, expectedVersion, audit);
  }
}

describe('security: a 200 to a Slack click means the click is saved', () => {
  const store = new SlowSaves();
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ overrides: { store } }); });
  afterAll(async () => { await h.stop(); });

  it('when Slack gets its 200 for an answer, the consult in the store has already moved to the next step', async () => {
    await h.command();
    const msg = h.latest();
    const [consult] = await store.recentByOwner('slack', 'T1', 'U1', 1);
    expect(consult!.step).toBe(0);
    const body = new URLSearchParams({ payload: JSON.stringify(h.actionPayload(msg, h.button(msg, 'answer:suspicion:yes'), 'U1')) }).toString();
    const res = await fetch(`${h.server.url}/slack/events`, { method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded') });
    expect(res.status).toBe(200);
    // Read at the moment of the 200, before the bot's follow-up work (the message update) is awaited.
    expect((await store.get(consult!.id))!.step).toBe(1);
    await h.server.slack.idle();
  });
});
