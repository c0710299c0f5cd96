/**
 * The consult rules for buttons drawn on an outcome (feedback, "Ask radiology"): the consult exists,
 * the presser is its owner, it has not expired, its guidance is current, the press is on its
 * current step, and it rests on an outcome. And the bounded retry after a lost save.
 */
import { describe, expect, it } from 'vitest';
import { checkOutcomePress, saveFollowUp, withRetry, type FollowUpDeps } from '../../src/consult/followUpGuard.js';
import { ConsultService } from '../../src/consult/consultService.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { ConsultRecord } from '../../src/store/types.js';
import { testEngine } from '../store/storeHarness.js';

const OWNER = { channel: 'slack', workspace: 'T1', userId: 'U1' } as const;
const TO_MRI: Array<[string, string]> = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']];
const T0 = new Date('2026-11-28T10:00:00Z');

async function setup(answers = TO_MRI) {
  const store = new MemoryStore();
  const pathways = Pathways.of(testEngine());
  let clock = T0;
  const service = new ConsultService({ store, pathways, ttlHours: 1, now: () => clock });
  let { record } = await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' });
  for (const [questionId, optionId] of answers) {
    const r = await service.click({ actor: OWNER, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
    if (!r.ok) throw new Error(r.reason);
    record = r.record;
  }
  const events: string[] = [];
  const deps: FollowUpDeps = { store, pathways, now: () => clock, onEvent: (e) => events.push(e) };
  const check = (press: Partial<{ consultId: string; step: number; actor: typeof OWNER }> = {}) =>
    checkOutcomePress(deps, { consultId: record.id, step: record.step, actor: OWNER, ...press }, 'feedback');
  return { store, service, record, deps, events, check, at: (d: Date) => { clock = d; } };
}

describe('checkOutcomePress', () => {
  it('passes the owner\'s press on the current step of an outcome, with its view', async () => {
    const { check, record } = await setup();
    expect(await check()).toMatchObject({ ok: true, checked: { record, outcome: { kind: 'outcome', outcomeId: record.outcomeId } } });
  });

  it('refuses a consult that does not exist', async () => {
    const { check } = await setup();
    expect(await check({ consultId: 'gone' })).toEqual({ ok: false, reason: 'not-found' });
  });

  it('refuses a press on an earlier step as stale', async () => {
    const { check, record } = await setup();
    expect(await check({ step: record.step - 1 })).toEqual({ ok: false, reason: 'stale', record });
  });

  it('refuses from the moment the consult\'s time to live is over, and a consult marked expired', async () => {
    const { check, record, at, store } = await setup();
    at(new Date(record.expiresAt.getTime() - 1));
    expect((await check()).ok).toBe(true);
    at(record.expiresAt);
    expect(await check()).toEqual({ ok: false, reason: 'expired', record });
    at(T0);
    expect(await store.update({ ...record, status: 'expired' }, record.version, null)).toBe(true);
    expect(await check()).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a consult whose pathway is gone, or stored under another version of it, as flow-changed', async () => {
    const { check, record, store } = await setup();
    expect(await store.update({ ...record, flowVersion: 'older' }, record.version, null)).toBe(true);
    expect(await check()).toMatchObject({ ok: false, reason: 'flow-changed' });
    const now = (await store.get(record.id))!;
    expect(await store.update({ ...now, flowVersion: record.flowVersion, flowId: 'retired-pathway' }, now.version, null)).toBe(true);
    expect(await check()).toMatchObject({ ok: false, reason: 'flow-changed' });
  });

  it('refuses a press on a consult resting on a question as not fitting, and on a cancelled one as cancelled', async () => {
    const onQuestion = await setup([['suspicion', 'yes']]);
    expect(await onQuestion.check()).toMatchObject({ ok: false, reason: 'invalid' });
    const cancelled = await setup([['suspicion', 'yes']]);
    const r = await cancelled.service.click({ actor: OWNER, data: { action: 'cancel', consultId: cancelled.record.id, step: 1 } });
    expect(r.ok).toBe(true);
    expect(await cancelled.check({ step: 2 })).toMatchObject({ ok: false, reason: 'cancelled' });
  });
});

describe('saveFollowUp', () => {
  const feedback = { feedback: { choice: 'as_recommended', by: 'U1', at: T0.toISOString(), final: true } } as unknown as NonNullable<ConsultRecord['followUp']>;

  it('saves against the loaded version, returns the saved record, and reports the audited event', async () => {
    const { store, record, deps, events } = await setup();
    const saved = await saveFollowUp(deps, record, feedback, 'feedback:as_recommended', 'U1');
    expect(saved).toEqual({ ...record, followUp: feedback, updatedAt: T0, version: record.version + 1 });
    expect(await store.get(record.id)).toEqual(saved);
    expect(events).toEqual(['feedback:as_recommended']);
    expect((await store.auditSince(new Date(0))).at(-1)).toMatchObject({ event: 'feedback:as_recommended', userId: 'U1' });
  });

  it('saves where nobody listens for events', async () => {
    const { store, record, deps } = await setup();
    const { onEvent: _unused, ...quiet } = deps;
    expect(await saveFollowUp(quiet, record, feedback, 'feedback:as_recommended', 'U1')).toMatchObject({ version: record.version + 1 });
    expect((await store.get(record.id))!.followUp).toEqual(feedback);
  });

  it('reports nothing for a save without an audit row, and saves nothing when another save won', async () => {
    const { store, record, deps, events } = await setup();
    expect(await saveFollowUp(deps, record, feedback, null, 'U1')).toMatchObject({ version: record.version + 1 });
    expect(events).toEqual([]);
    expect(await saveFollowUp(deps, record, feedback, 'feedback:as_recommended', 'U1')).toBeUndefined();
    expect(events).toEqual([]);
    expect((await store.get(record.id))!.version).toBe(record.version + 1);
  });
});

describe('withRetry', () => {
  it('tries four times after lost saves, then reports the press as stale', async () => {
    let attempts = 0;
    expect(await withRetry(async () => { attempts++; return 'conflict'; })).toEqual({ ok: false, reason: 'stale' });
    expect(attempts).toBe(4);
  });

  it('returns the first attempt that is decided', async () => {
    let attempts = 0;
    const decided = { ok: false as const, reason: 'already-recorded' as const };
    expect(await withRetry(async () => (++attempts < 3 ? 'conflict' : decided))).toBe(decided);
    expect(attempts).toBe(3);
  });
});
