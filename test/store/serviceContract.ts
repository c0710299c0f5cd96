import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { RecordCache } from '../../src/consult/recordCache.js';
import type { ClickData } from '../../src/consult/clickData.js';
import { createLogger } from '../../src/log/logger.js';
import { startHousekeeping } from '../../src/store/housekeeping.js';
import type { ConsultStore } from '../../src/store/types.js';
import { testEngine, testPathways, type StoreFactory, type StoreUnderTest } from './storeHarness.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const HOUR = 3_600_000;
const START = { channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' } as const;

const answer = (consultId: string, step: number, questionId: string, optionId: string): ClickData =>
  ({ action: 'answer', consultId, step, questionId, optionId });
const trailOf = async (store: ConsultStore, id: string) =>
  (await store.auditSince(new Date(0))).filter((a) => a.consultId === id).map((a) => [a.seq, a.userId, a.event, a.fromStep, a.toStep]);

/**
 * ConsultService rules that depend on the store (idempotency, staleness, expiry, flow version),
 * per store; each runs without and with the per-instance record cache, which must not change one.
 */
export function runServiceOverStore(name: string, factory: StoreFactory, opts: { skip?: boolean } = {}): void {
  for (const cached of [false, true]) runServiceRules(name, factory, opts.skip ?? false, cached);
}

function runServiceRules(name: string, factory: StoreFactory, skip: boolean, cached: boolean): void {
  describe.skipIf(skip)(`ConsultService over ${name}${cached ? ' with a record cache' : ''}`, () => {
    let t: StoreUnderTest;
    let clock: Date;
    let service: ConsultService;
    const cacheOf = () => (cached ? { cache: new RecordCache() } : {});
    beforeEach(async () => {
      t = await factory();
      clock = T0;
      service = new ConsultService({ store: t.store, pathways: testPathways(), ttlHours: 72, now: () => clock, ...cacheOf() });
    });
    afterEach(async () => { await t.dispose(); });

    it('recognises a retried delivery of the same click and applies it once', async () => {
      const { record } = await service.start(START);
      const click = { actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') };
      expect((await service.click(click)).ok).toBe(true);
      const again = await service.click(click);
      expect(again).toMatchObject({ ok: false, reason: 'duplicate' });
      expect(await t.store.get(record.id)).toMatchObject({ version: 1, step: 1 });
      expect(await trailOf(t.store, record.id)).toEqual([[1, 'U1', 'start', 0, 0], [2, 'U1', 'answer:suspicion:yes', 0, 1]]);
    });

    it('reports a click from an earlier step as stale and changes nothing', async () => {
      const { record } = await service.start(START);
      await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') });
      const before = await t.store.get(record.id);
      const stale = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'no') });
      expect(stale).toMatchObject({ ok: false, reason: 'stale' });
      expect(await t.store.get(record.id)).toEqual(before);
      expect(await trailOf(t.store, record.id)).toHaveLength(2);
    });

    it('tells a consult saved under an older flow version that the guidance changed', async () => {
      const { record } = await service.start(START);
      const old = { ...record, flowVersion: '2025-01-01.1', snapshot: { ...record.snapshot, flowVersion: '2025-01-01.1' } };
      expect(await t.store.update(old, 0, null)).toBe(true);
      const saved = await t.store.get(record.id);
      const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') });
      expect(result).toMatchObject({ ok: false, reason: 'flow-changed' });
      expect(result.ok === false && result.view?.kind).toBe('notice');
      expect(await t.store.get(record.id)).toEqual(saved);
    });

    it('expires a consult idle for CONSULT_TTL_HOURS when clicked (fake clock)', async () => {
      const { record } = await service.start(START);
      clock = new Date(T0.getTime() + 72 * HOUR - 1);
      expect((await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') })).ok).toBe(true);
      clock = new Date(clock.getTime() + 72 * HOUR);
      const late = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'abnormal') });
      expect(late).toMatchObject({ ok: false, reason: 'expired' });
      expect(await t.store.get(record.id)).toMatchObject({ status: 'expired', step: 1, version: 2, updatedAt: clock });
      const later = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'abnormal') });
      expect(later).toMatchObject({ ok: false, reason: 'expired' });
      expect(await trailOf(t.store, record.id)).toEqual([
        [1, 'U1', 'start', 0, 0], [2, 'U1', 'answer:suspicion:yes', 0, 1], [3, 'system', 'expire', 1, 1],
      ]);
    });

    it('housekeeping expires idle consults, then purges them after RETENTION_DAYS keeping the audit', async () => {
      const { record } = await service.start(START);
      const finished = await service.start(START);
      clock = new Date(T0.getTime() + HOUR);
      expect((await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(finished.record.id, 0, 'suspicion', 'no') })).ok).toBe(true);
      const job = startHousekeeping({ store: t.store, retentionDays: 30, logger: createLogger('silent'), now: () => clock });
      try {
        clock = new Date(T0.getTime() + 72 * HOUR);
        expect(await job.runOnce()).toEqual({ expired: 1, purged: 0 });
        expect(await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') }))
          .toMatchObject({ ok: false, reason: 'expired' });
        clock = new Date(T0.getTime() + HOUR + 30 * 24 * HOUR + 1);
        expect(await job.runOnce()).toEqual({ expired: 0, purged: 1 });
        clock = new Date(T0.getTime() + 72 * HOUR + 30 * 24 * HOUR + 1);
        expect(await job.runOnce()).toEqual({ expired: 0, purged: 1 });
      } finally {
        await job.stop();
      }
      expect(await t.store.get(record.id)).toBeUndefined();
      expect(await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') })).toEqual({ ok: false, reason: 'not-found' });
      expect(await trailOf(t.store, record.id)).toEqual([[1, 'U1', 'start', 0, 0], [2, 'system', 'expire', 0, 0]]);
      expect(await trailOf(t.store, finished.record.id)).toEqual([[1, 'U1', 'start', 0, 0], [2, 'U1', 'answer:suspicion:no', 0, 1]]);
    });

    it('continues a consult started through one handle from the other', async () => {
      const { record } = await service.start(START);
      const other = new ConsultService({ store: t.peer, pathways: testPathways(), ttlHours: 72, now: () => clock, ...cacheOf() });
      expect((await other.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') })).ok).toBe(true);
      const next = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'abnormal') });
      expect(next.ok && next.view.kind === 'question' && next.view.question.id).toBe('neuro');
    });

    it('decides a click on a consult the other handle moved on as if freshly loaded: stale, or duplicate of what it applied', async () => {
      const { record } = await service.start(START);
      expect((await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 0, 'suspicion', 'yes') })).ok).toBe(true);
      const other = new ConsultService({ store: t.peer, pathways: testPathways(), ttlHours: 72, now: () => clock, ...cacheOf() });
      // The same press delivered to the other instance too (a Slack retry), then a second press on the old message.
      expect((await other.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'abnormal') })).ok).toBe(true);
      expect(await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'abnormal') })).toMatchObject({ ok: false, reason: 'duplicate' });
      const stale = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 1, 'prior_imaging', 'normal') });
      expect(stale).toMatchObject({ ok: false, reason: 'stale', record: { step: 2, version: 2 } });
      expect(await trailOf(t.store, record.id)).toEqual([
        [1, 'U1', 'start', 0, 0], [2, 'U1', 'answer:suspicion:yes', 0, 1], [3, 'U1', 'answer:prior_imaging:abnormal', 1, 2],
      ]);
      // And it goes on from where the other instance left it.
      expect((await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: answer(record.id, 2, 'neuro', 'none') })).ok).toBe(true);
    });
  });
}
