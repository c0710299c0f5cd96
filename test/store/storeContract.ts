import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultRecord, ConsultStore } from '../../src/store/types.js';
import { auditFor, makeRecord, testEngine, type StoreFactory, type StoreUnderTest } from './storeHarness.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Advances a record by answering `questionId` with `optionId` through the real engine. */
function answered(r: ConsultRecord, questionId: string, optionId: string, when: Date): ConsultRecord {
  const result = testEngine().apply(r.snapshot, { type: 'ANSWER', questionId, optionId });
  if (!result.ok) throw new Error(`cannot answer ${questionId}=${optionId}: ${result.reason}`);
  return { ...r, snapshot: result.next, step: result.next.context.step, updatedAt: when, lastEventKey: `${r.step}:answer:${questionId}:${optionId}:${r.ownerId}` };
}

const auditOf = async (store: ConsultStore, id: string) => (await store.auditSince(new Date(0))).filter((a) => a.consultId === id);

/** The ConsultStore contract, run against every implementation through its factory. */
export function runStoreContract(name: string, factory: StoreFactory, opts: { skip?: boolean } = {}): void {
  describe.skipIf(opts.skip ?? false)(`ConsultStore contract: ${name}`, () => {
    let t: StoreUnderTest;
    beforeEach(async () => { t = await factory(); });
    afterEach(async () => { await t.dispose(); });

    it('round-trips a record with its Dates and snapshot JSON', async () => {
      const base = makeRecord({ messageRef: '1700000000.000100', lastEventKey: null });
      const r = answered(answered(base, 'suspicion', 'yes', at(1)), 'prior_imaging', 'abnormal', at(2));
      await t.store.create(r, auditFor(r, 'start'));
      const got = await t.store.get(r.id);
      expect(got).toEqual(r);
      expect(got!.createdAt).toBeInstanceOf(Date);
      expect(got!.snapshot.context.step).toBe(2);
      expect(await t.peer.get(r.id)).toEqual(r);
      expect(await t.store.get('no-such-consult')).toBeUndefined();
    });

    it('refuses a second consult with the same id', async () => {
      const r = makeRecord();
      await t.store.create(r, auditFor(r, 'start'));
      await expect(t.store.create(r, auditFor(r, 'start'))).rejects.toThrow();
      expect(await auditOf(t.store, r.id)).toHaveLength(1);
    });

    it('updates only against the stored version, appending audit only on success', async () => {
      const r = makeRecord();
      await t.store.create(r, auditFor(r, 'start'));
      const next = answered(r, 'suspicion', 'yes', at(5));
      expect(await t.store.update(next, 0, auditFor(r, 'answer:suspicion:yes', at(5), next.step))).toBe(true);
      expect(await t.store.get(r.id)).toEqual({ ...next, version: 1 });

      const wrong = answered(next, 'prior_imaging', 'normal', at(6));
      expect(await t.store.update(wrong, 0, auditFor(next, 'answer:prior_imaging:normal', at(6), wrong.step))).toBe(false);
      expect(await t.store.get(r.id)).toEqual({ ...next, version: 1 });
      expect((await auditOf(t.store, r.id)).map((a) => [a.seq, a.event, a.fromStep, a.toStep]))
        .toEqual([[1, 'start', 0, 0], [2, 'answer:suspicion:yes', 0, 1]]);

      expect(await t.store.update({ ...next, messageRef: 'm-1' }, 1, null)).toBe(true);
      expect((await t.store.get(r.id))!.version).toBe(2);
      expect(await auditOf(t.store, r.id)).toHaveLength(2);
      expect(await t.store.update(makeRecord(), 0, null)).toBe(false);
    });

    it('refuses free text as an audit event and saves nothing', async () => {
      const r = makeRecord();
      await expect(t.store.create(r, auditFor(r, 'note: patient Jane Doe, MRN 1234'))).rejects.toThrow(/enumerated/);
      expect(await t.store.get(r.id)).toBeUndefined();
      await t.store.create(r, auditFor(r, 'start'));
      const next = answered(r, 'suspicion', 'yes', at(1));
      await expect(t.store.update(next, 0, auditFor(r, 'answer:suspicion:yes because fever'))).rejects.toThrow(/enumerated/);
      expect(await t.store.get(r.id)).toEqual(r);
      expect(await auditOf(t.store, r.id)).toHaveLength(1);
    });

    it('numbers audit rows per consult and returns them oldest first', async () => {
      const a = makeRecord();
      const b = makeRecord({ createdAt: at(1), updatedAt: at(1) });
      await t.store.create(a, auditFor(a, 'start', at(0)));
      await t.store.create(b, auditFor(b, 'start', at(1)));
      const a1 = answered(a, 'suspicion', 'yes', at(2));
      await t.store.update(a1, 0, auditFor(a, 'answer:suspicion:yes', at(2), 1));
      const b1 = answered(b, 'suspicion', 'no', at(3));
      await t.peer.update({ ...b1, status: 'finished', outcomeId: 'not-applicable-no-suspicion' }, 0,
        { ...auditFor(b, 'answer:suspicion:no', at(3), 1), outcomeId: 'not-applicable-no-suspicion' });
      await t.store.update(answered(a1, 'prior_imaging', 'abnormal', at(4)), 1, auditFor(a1, 'answer:prior_imaging:abnormal', at(4), 2));
      const rows = await t.store.auditSince(new Date(0));
      expect(rows.map((x) => [x.consultId, x.seq, x.event])).toEqual([
        [a.id, 1, 'start'], [b.id, 1, 'start'], [a.id, 2, 'answer:suspicion:yes'],
        [b.id, 2, 'answer:suspicion:no'], [a.id, 3, 'answer:prior_imaging:abnormal'],
      ]);
      expect(rows[3]).toEqual({
        consultId: b.id, seq: 2, at: at(3), userId: 'U1', event: 'answer:suspicion:no', fromStep: 0, toStep: 1,
        outcomeId: 'not-applicable-no-suspicion', channel: 'slack', flowVersion: b.flowVersion,
      });
      expect((await t.store.auditSince(at(3))).map((x) => x.seq)).toEqual([2, 3]);
    });

    it('lists an owner\'s recent consults newest first, within channel and workspace, up to the limit', async () => {
      const mine = [3, 1, 4, 2].map((m) => makeRecord({ createdAt: at(m) }));
      const others = [
        makeRecord({ ownerId: 'U2', createdAt: at(9) }),
        makeRecord({ workspace: 'T2', createdAt: at(9) }),
        makeRecord({ channel: 'teams', createdAt: at(9) }),
      ];
      for (const r of [...mine, ...others]) await t.store.create(r, auditFor(r, 'start'));
      const recent = await t.store.recentByOwner('slack', 'T1', 'U1', 3);
      expect(recent.map((r) => r.id)).toEqual([mine[2].id, mine[0].id, mine[3].id]);
      expect(recent[0]).toEqual(mine[2]);
      expect(await t.store.recentByOwner('slack', 'T1', 'U9', 5)).toEqual([]);
    });

    it('expires active consults past expiresAt (fake clock), once, with an audit row', async () => {
      const idle = makeRecord({ expiresAt: at(60) });
      const fresh = makeRecord({ expiresAt: at(120) });
      const done = makeRecord({ status: 'finished', outcomeId: 'not-applicable-no-suspicion', expiresAt: at(10) });
      for (const r of [idle, fresh, done]) await t.store.create(r, auditFor(r, 'start'));
      expect(await t.store.expireIdle(at(59))).toBe(0);
      expect(await t.store.expireIdle(at(60))).toBe(1);
      expect(await t.peer.expireIdle(at(61))).toBe(0);
      expect(await t.store.get(idle.id)).toEqual({ ...idle, status: 'expired', version: 1, updatedAt: at(60) });
      expect(await t.store.get(fresh.id)).toEqual(fresh);
      expect(await t.store.get(done.id)).toEqual(done);
      expect((await auditOf(t.store, idle.id))[1]).toEqual({
        consultId: idle.id, seq: 2, at: at(60), userId: 'system', event: 'expire', fromStep: 0, toStep: 0,
        outcomeId: null, channel: 'slack', flowVersion: idle.flowVersion,
      });
    });

    it('purges closed consults older than the cut-off and keeps every audit row', async () => {
      const old = { updatedAt: at(10) };
      const purged = [
        makeRecord({ ...old, status: 'finished', outcomeId: 'recommend-mri' }),
        makeRecord({ ...old, status: 'cancelled' }),
        makeRecord({ ...old, status: 'expired' }),
      ];
      const kept = [makeRecord({ ...old, status: 'active' }), makeRecord({ updatedAt: at(100), status: 'finished' })];
      for (const r of [...purged, ...kept]) await t.store.create(r, auditFor(r, 'start'));
      const auditBefore = await t.store.auditSince(new Date(0));
      expect(await t.store.purgeClosed(at(50))).toBe(3);
      for (const r of purged) expect(await t.store.get(r.id)).toBeUndefined();
      for (const r of kept) expect(await t.store.get(r.id)).toEqual(r);
      expect(await t.store.auditSince(new Date(0))).toEqual(auditBefore);
      expect(auditBefore).toHaveLength(5);
      expect(await t.store.purgeClosed(at(50))).toBe(0);
    });

    it('lets exactly one of two concurrent updates against the same version win', async () => {
      for (let round = 0; round < 10; round++) {
        const r = makeRecord();
        await t.store.create(r, auditFor(r, 'start'));
        const yes = answered(r, 'suspicion', 'yes', at(1));
        const no = { ...answered(r, 'suspicion', 'no', at(1)), status: 'finished' as const, outcomeId: 'not-applicable-no-suspicion' };
        const results = await Promise.all([
          t.store.update(yes, 0, auditFor(r, 'answer:suspicion:yes', at(1), 1)),
          t.peer.update(no, 0, auditFor(r, 'answer:suspicion:no', at(1), 1)),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results[0] ? yes : no;
        expect(await t.store.get(r.id)).toEqual({ ...winner, version: 1 });
        const trail = await auditOf(t.store, r.id);
        expect(trail.map((a) => [a.seq, a.event])).toEqual([[1, 'start'], [2, results[0] ? 'answer:suspicion:yes' : 'answer:suspicion:no']]);
      }
    });

    it('saves follow-up state (feedback, hand-off) with a version check and audits its enumerated events', async () => {
      const r = makeRecord({ status: 'finished', outcomeId: 'recommend-mri' });
      await t.store.create(r, auditFor(r, 'start'));
      const followUp = {
        feedback: { choice: 'something_else' as const, reason: 'availability' as const, final: true, by: 'U1', at: at(5).toISOString() },
        handoff: { requestedBy: 'U1', requestedAt: at(4).toISOString(), outcomeId: 'recommend-mri', postRef: 'CRAD:1.2', claimedBy: 'U9', claimedAt: at(6).toISOString() },
      };
      const next = { ...r, followUp, updatedAt: at(6) };
      expect(await t.store.update(next, 0, auditFor(r, 'feedback:something_else:availability', at(5)))).toBe(true);
      expect(await t.peer.update({ ...next, followUp: {} }, 0, auditFor(r, 'handoff:claimed', at(6)))).toBe(false);
      expect(await t.peer.get(r.id)).toEqual({ ...next, version: 1 });
      await expect(t.store.update(next, 1, auditFor(r, 'feedback:something_else:because it is late'))).rejects.toThrow(/enumerated/);
      expect((await auditOf(t.store, r.id)).map((a) => a.event)).toEqual(['start', 'feedback:something_else:availability']);
    });

    it('keeps settings across instances and replaces them in place', async () => {
      expect(await t.store.getSetting('teams.radiology')).toBeUndefined();
      await t.store.setSetting('teams.radiology', '{"conversation":"a"}', at(1));
      await t.peer.setSetting('teams.radiology', '{"conversation":"b"}', at(2));
      expect(await t.store.getSetting('teams.radiology')).toBe('{"conversation":"b"}');
    });

    it('claims a delivery key once across instances, even when both claim at the same moment', async () => {
      expect(await t.store.claimDelivery('slack:T1:Ev1', at(1))).toBe(true);
      expect(await t.peer.claimDelivery('slack:T1:Ev1', at(2))).toBe(false);
      expect(await t.store.claimDelivery('slack:T1:Ev1', at(3))).toBe(false);
      const race = await Promise.all([t.store.claimDelivery('slack:T1:Ev2', at(4)), t.peer.claimDelivery('slack:T1:Ev2', at(4))]);
      expect(race.filter(Boolean)).toHaveLength(1);
    });

    it('forgets delivery keys recorded before the cut-off, so they could be claimed again', async () => {
      await t.store.claimDelivery('old', at(1));
      await t.store.claimDelivery('new', at(10));
      expect(await t.peer.purgeDeliveries(at(5))).toBe(1);
      expect(await t.store.claimDelivery('old', at(11))).toBe(true);
      expect(await t.store.claimDelivery('new', at(11))).toBe(false);
    });

    it('answers ping while open and rejects it once closed', async () => {
      await expect(t.store.ping()).resolves.toBeUndefined();
      await t.store.close();
      await expect(t.store.ping()).rejects.toThrow();
    });
  });
}
