import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { RecordCache } from '../../src/consult/recordCache.js';
import { PG_MIGRATIONS } from '../../src/store/postgresSchema.js';
import type { PostgresStore } from '../../src/store/postgresStore.js';
import type { ConsultStore } from '../../src/store/types.js';
import { adminQuery, dropSchema, freshSchema, openPg, skipPgTests } from './pgTestEnv.js';
import { testEngine, testPathways } from './storeHarness.js';

const START = { channel: 'teams', workspace: 'tenant-1', conversation: 'conv-1', ownerId: 'aad-1' } as const;

/** Holds every get() until `parties` loads have happened, so both instances read the same version. */
function gateLoads(store: ConsultStore, parties: { waiting: number; release?: () => void; done: Promise<void> }): ConsultStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'get') {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return async (id: string) => {
        const loaded = await target.get(id);
        if (--parties.waiting === 0) parties.release?.();
        await parties.done;
        return loaded;
      };
    },
  });
}

function barrier(count: number) {
  const b: { waiting: number; release?: () => void; done: Promise<void> } = { waiting: count, done: Promise.resolve() };
  b.done = new Promise<void>((resolve) => { b.release = resolve; });
  return b;
}

describe.skipIf(skipPgTests())('two instances sharing one PostgreSQL', () => {
  const schema = freshSchema();
  let a: PostgresStore;
  let b: PostgresStore;
  let serviceA: ConsultService;
  let serviceB: ConsultService;

  beforeAll(async () => {
    // Both instances start at once against an empty schema: the advisory lock lets one migrate.
    [a, b] = await Promise.all([openPg(schema), openPg(schema)]);
    serviceA = new ConsultService({ store: a, pathways: testPathways(), ttlHours: 72 });
    serviceB = new ConsultService({ store: b, pathways: testPathways(), ttlHours: 72 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  const auditRows = (id: string) =>
    adminQuery<{ seq: number; event: string }>(`SELECT seq, event FROM "${schema}".audit WHERE consult_id = $1 ORDER BY seq`, [id]);

  it('migrated the schema exactly once although both started together', async () => {
    const rows = await adminQuery<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    const again = await openPg(schema);
    await again.close();
    expect(await adminQuery(`SELECT version FROM "${schema}".schema_migrations`)).toHaveLength(PG_MIGRATIONS.length);
  });

  it('applies exactly one of two simultaneous clicks that both loaded the same version; the other is stale', async () => {
    const { record } = await serviceA.start(START);
    const gate = barrier(2);
    const gatedA = new ConsultService({ store: gateLoads(a, gate), pathways: testPathways(), ttlHours: 72 });
    const gatedB = new ConsultService({ store: gateLoads(b, gate), pathways: testPathways(), ttlHours: 72 });
    const [ra, rb] = await Promise.all([
      gatedA.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'yes' } }),
      gatedB.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'no' } }),
    ]);
    const results = [ra, rb];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['stale']);
    const winner = ra.ok ? 'answer:suspicion:yes' : 'answer:suspicion:no';
    expect(await auditRows(record.id)).toEqual([{ seq: 1, event: 'start' }, { seq: 2, event: winner }]);
    const stored = await b.get(record.id);
    expect(stored).toMatchObject({ version: 1, step: 1, lastEventKey: `0:${winner}:aad-1` });
    const loser = results.find((r) => !r.ok)!;
    // The loser is shown the consult as the winner left it.
    expect(!loser.ok && loser.record).toEqual(stored);
  });

  it('keeps one change per consult across 20 unsynchronised races', async () => {
    for (let i = 0; i < 20; i++) {
      const { record } = await (i % 2 ? serviceA : serviceB).start(START);
      const results = await Promise.all([
        serviceA.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'yes' } }),
        serviceB.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'no' } }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'stale' });
      const rows = await auditRows(record.id);
      expect(rows.map((r) => r.seq)).toEqual([1, 2]);
      expect((await a.get(record.id))!.version).toBe(1);
    }
  });

  it('keeps one change per consult across 20 races between instances with record caches (one copy current, one stale)', async () => {
    const cachedA = new ConsultService({ store: a, pathways: testPathways(), ttlHours: 72, cache: new RecordCache() });
    const cachedB = new ConsultService({ store: b, pathways: testPathways(), ttlHours: 72, cache: new RecordCache() });
    for (let i = 0; i < 20; i++) {
      const [first, second] = i % 2 ? [cachedA, cachedB] : [cachedB, cachedA];
      const { record } = await first.start(START);
      // The second instance takes a click, so its copy is current and the first one's is stale.
      expect((await second.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'yes' } })).ok).toBe(true);
      const results = await Promise.all([
        first.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 1, questionId: 'prior_imaging', optionId: 'abnormal' } }),
        second.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: 'aad-1' }, data: { action: 'answer', consultId: record.id, step: 1, questionId: 'prior_imaging', optionId: 'normal' } }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'stale' });
      const rows = await auditRows(record.id);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
      const stored = (await a.get(record.id))!;
      expect(stored.version).toBe(2);
      expect(stored.lastEventKey).toBe(`1:${rows[2].event}:aad-1`);
    }
  });

  it('refuses to edit or delete audit rows at the database', async () => {
    await expect(adminQuery(`UPDATE "${schema}".audit SET event = 'x'`)).rejects.toThrow(/append-only/);
    await expect(adminQuery(`DELETE FROM "${schema}".audit`)).rejects.toThrow(/append-only/);
  });
});
