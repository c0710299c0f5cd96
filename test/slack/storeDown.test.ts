import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_FAILED } from '../../src/channels/slack/handleCommand.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { SlackHarness } from './harness.js';

/** A store that cannot save new consults, as when the database is down. */
class FailingStore extends MemoryStore {
  override async create(): Promise<void> {
    throw new Error('database unavailable');
  }
}

describe('/spine-consult while the store is down', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ overrides: { store: new FailingStore() } }); });
  afterAll(async () => { await h.stop(); });

  it('acknowledges, posts nothing, and tells the clinician privately', async () => {
    const res = await h.command();
    expect(res.status).toBe(200);
    expect(h.slack.apiCalls('chat.postMessage')).toEqual([]);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual([START_FAILED]);
  });
});
