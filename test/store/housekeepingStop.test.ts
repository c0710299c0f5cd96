import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startHousekeeping } from '../../src/store/housekeeping.js';
import { MemoryStore } from '../../src/store/memoryStore.js';

/** A store whose expiry pass takes a while, like a busy database. */
class SlowStore extends MemoryStore {
  finished = false;
  override async expireIdle(now: Date): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.finished = true;
    return super.expireIdle(now);
  }
}

describe('housekeeping', () => {
  it('stop() waits for a pass already running, so the store is never closed under it', async () => {
    const store = new SlowStore();
    const job = startHousekeeping({ store, retentionDays: 30, logger: pino({ level: 'silent' }) });
    void job.runOnce();
    await job.stop();
    expect(store.finished).toBe(true);
  });
});
