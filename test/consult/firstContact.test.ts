import { describe, expect, it } from 'vitest';
import { FirstContact } from '../../src/consult/firstContact.js';
import { MemoryStore } from '../../src/store/memoryStore.js';

/** The memory store with a network-like delay on settings, as PostgreSQL has: claims can interleave. */
function slowStore() {
  const inner = new MemoryStore();
  const later = <T>(v: T) => new Promise<T>((resolve) => setTimeout(() => resolve(v), 5));
  return {
    getSetting: async (key: string) => later(await inner.getSetting(key)),
    setSetting: async (key: string, value: string) => { await later(undefined); await inner.setSetting(key, value); },
    claimDelivery: async (key: string, at: Date) => { await later(undefined); return inner.claimDelivery(key, at); },
  };
}

describe('FirstContact', () => {
  it('is true exactly once per key, even for claims that arrive together on a slow store', async () => {
    const first = new FirstContact(slowStore());
    const results = await Promise.all([first.claim('teams.t.c1'), first.claim('teams.t.c1'), first.claim('teams.t.c1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await first.claim('teams.t.c1')).toBe(false);
    expect(await first.claim('teams.t.c2')).toBe(true);
  });

  it('stays greeted after deliveries are purged', async () => {
    const inner = new MemoryStore();
    const first = new FirstContact(inner);
    expect(await first.claim('teams.t.c3')).toBe(true);
    await inner.purgeDeliveries(new Date(Date.now() + 60_000));
    expect(await first.claim('teams.t.c3')).toBe(false);
  });

  it('survives a restart: a new instance over the same store does not greet again', async () => {
    const store = slowStore();
    expect(await new FirstContact(store).claim('slack.T1.U1')).toBe(true);
    expect(await new FirstContact(store).claim('slack.T1.U1')).toBe(false);
  });
});
