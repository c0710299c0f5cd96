import { Pathways } from '../../src/interaction/pathways.js';
import { describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { UnknownPathwayError } from '../../src/consult/engineLookup.js';
import { RecordCache } from '../../src/consult/recordCache.js';
import { join } from 'node:path';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { AuditRow, ConsultRecord } from '../../src/store/types.js';
import type { ClickData } from '../../src/consult/clickData.js';
import type { Actor } from '../../src/consult/binding.js';

const engine = createFlowEngine(loadContent());
/** A second, NOT CLINICAL pathway (test/fixtures/pathways). */
const widget = () => createFlowEngine(loadContent('not-clinical-widget', join(PROJECT_ROOT, 'test/fixtures/pathways')));
const START = { channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' } as const;

/** A store in which another save lands between a click's load and its save (once, or every time). */
class RacingStore extends MemoryStore {
  private raceAny = false;
  constructor(private readonly rival: (current: ConsultRecord) => ConsultRecord, private races = 1) {
    super();
  }
  /** The next save of any kind (not only a click's) loses to the rival. */
  raceNextSave(): void {
    this.raceAny = true;
  }
  override async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    if (this.raceAny || (audit && this.races > 0)) {
      if (this.raceAny) this.raceAny = false;
      else this.races--;
      const current = (await this.get(record.id))!;
      await super.update(this.rival(current), current.version, null);
    }
    return super.update(record, expectedVersion, audit);
  }
}

/** The message reference is attached between a click's load and its save. */
class AttachRacingStore extends RacingStore {
  constructor(races = 1) {
    super((current) => ({ ...current, messageRef: '1700000000.000100' }), races);
  }
}

describe('ConsultService', () => {
  it('applies a click whose save raced only with attaching the message, keeping the message reference', async () => {
    const store = new AttachRacingStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } });
    expect(result.ok).toBe(true);
    const saved = (await store.get(record.id))!;
    expect(saved).toMatchObject({ step: 1, messageRef: '1700000000.000100' });
    expect((await store.auditSince(new Date(0))).map((a) => a.event)).toEqual(['start', 'answer:suspicion:yes']);
  });

  it('retries a click once only: a save that keeps losing to message attaches is reported as stale', async () => {
    const store = new AttachRacingStore(Infinity);
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } });
    expect(result).toMatchObject({ ok: false, reason: 'stale' });
    expect((await store.get(record.id))!.step).toBe(0);
  });

  it('does not apply a click to a consult that housekeeping expired between its load and its save', async () => {
    const store = new RacingStore((current) => ({ ...current, status: 'expired' }));
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } });
    expect(result.ok).toBe(false);
    expect(await store.get(record.id)).toMatchObject({ status: 'expired', step: 0 });
    expect((await store.auditSince(new Date(0))).map((a) => a.event)).toEqual(['start']);
  });

  it('starts only on a known channel and an installed pathway, saying which was wrong', async () => {
    const other = widget();
    const store = new MemoryStore();
    const two = new ConsultService({ store, pathways: new Pathways([engine, other]), ttlHours: 72 });
    await expect(two.start(START)).rejects.toThrow(new UnknownPathwayError('several pathways are installed: name one'));
    await expect(two.start({ ...START, pathwayId: 'no-such-pathway' })).rejects.toThrow(new UnknownPathwayError('no pathway "no-such-pathway" is installed'));
    await expect(two.start({ ...START, channel: 'Slack Connect' })).rejects.toThrow('not a channel name: "Slack Connect"');
    await expect(two.start({ ...START, channel: 'X'.repeat(100) })).rejects.toThrow(`not a channel name: "${'X'.repeat(40)}"`);
    const { record } = await two.start({ ...START, pathwayId: other.content.flow.id });
    expect(record.flowId).toBe(other.content.flow.id);
    expect(await store.recentByOwner('slack', 'T1', 'U1', 5)).toHaveLength(1);
  });

  it('draws a consult whose pathway is gone with the default pathway, and fails naming it when there is none', async () => {
    const store = new MemoryStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const retired = { ...record, flowId: 'retired-pathway', snapshot: { ...record.snapshot, flowId: 'retired-pathway' } };
    expect(service.view(retired)).toMatchObject({ kind: 'notice', notice: 'flow-changed' });
    const other = widget();
    const noDefault = new ConsultService({ store, pathways: new Pathways([engine, other]), ttlHours: 72 });
    expect(() => noDefault.view(retired)).toThrow(new UnknownPathwayError('no pathway "retired-pathway" is installed'));
  });

  it('attaches the message that shows a consult, once, and says so when the consult is gone', async () => {
    const store = new CountingStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const attached = await service.attachMessage(record, 'C1:1.1');
    expect(attached).toMatchObject({ messageRef: 'C1:1.1', version: record.version + 1 });
    expect(await store.get(record.id)).toEqual(attached);
    store.updates = 0;
    // A click on the new message may have saved it already: attaching it again writes nothing.
    expect(await service.attachMessage(attached, 'C1:1.1')).toEqual(attached);
    expect(await service.attachMessage(record, 'C1:1.1')).toEqual(attached);
    expect(store.updates).toBe(1);
    const gone = { ...record, id: 'gone' };
    await expect(service.attachMessage(gone, 'C1:1.1')).rejects.toThrow('consult gone vanished while attaching its message');
  });

  it('after losing a save to a click, keeps the click\'s record when it already shows that message, else attaches on top of it', async () => {
    for (const [clickRef, expected] of [['C1:1.1', 'C1:1.1'], [null, 'C1:1.1']] as const) {
      const store = new RacingStore((current) => ({ ...current, messageRef: clickRef, step: current.step + 1 }));
      const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
      const { record } = await service.start(START);
      store.raceNextSave();
      const attached = await service.attachMessage(record, 'C1:1.1');
      expect(attached).toMatchObject({ step: 1, messageRef: expected });
      expect(await store.get(record.id)).toEqual(attached);
      expect(attached.version).toBe(clickRef ? record.version + 1 : record.version + 2);
    }
  });

  it('attaches on top of the cached copy when the caller holds an older one', async () => {
    const store = new CountingStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72, cache: new RecordCache() });
    const { record } = await service.start(START);
    const clicked = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } });
    store.gets = 0;
    store.updates = 0;
    const attached = await service.attachMessage(record, 'C1:1.1');
    if (!clicked.ok) throw new Error(clicked.reason);
    expect(attached).toMatchObject({ step: 1, messageRef: 'C1:1.1', version: clicked.record.version + 1 });
    expect({ gets: store.gets, updates: store.updates }).toEqual({ gets: 0, updates: 1 });
  });

  it('saves the message a click was pressed on when none is saved yet, only from the consult\'s own conversation', async () => {
    const store = new MemoryStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const actor = { channel: 'slack', workspace: 'T1', userId: 'U1' } as const;
    const answer = (consultId: string, step: number, shownIn: { conversation: string; messageRef: string }) =>
      service.click({ actor, data: { action: 'answer', questionId: ['suspicion', 'prior_imaging'][step]!, optionId: ['yes', 'abnormal'][step]!, consultId, step }, shownIn });
    const elsewhere = (await service.start(START)).record;
    expect(await answer(elsewhere.id, 0, { conversation: 'C-other', messageRef: '1.1' })).toMatchObject({ ok: true, record: { messageRef: null } });
    const { record } = await service.start(START);
    expect(await answer(record.id, 0, { conversation: 'C1', messageRef: '1.1' })).toMatchObject({ ok: true, record: { messageRef: '1.1' } });
    expect(await answer(record.id, 1, { conversation: 'C1', messageRef: '2.2' })).toMatchObject({ ok: true, record: { messageRef: '1.1' } });
  });

  it('lists an owner\'s consults in one channel and workspace, newest first, up to the limit', async () => {
    let clock = new Date('2026-11-28T10:00:00Z');
    const service = new ConsultService({ store: new MemoryStore(), pathways: Pathways.of(engine), ttlHours: 72, now: () => clock });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await service.start(START)).record.id);
      clock = new Date(clock.getTime() + 60_000);
    }
    await service.start({ ...START, ownerId: 'U2' });
    await service.start({ ...START, workspace: 'T2' });
    expect((await service.recent('slack', 'T1', 'U1')).map((r) => r.id)).toEqual(ids.slice(2).reverse());
    expect((await service.recent('slack', 'T1', 'U1', 2)).map((r) => r.id)).toEqual(ids.slice(5).reverse());
  });

  it('still reports a click that lost to another answer as stale, changing nothing', async () => {
    const store = new MemoryStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    const { record } = await service.start(START);
    const click = (optionId: string) => service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId, consultId: record.id, step: 0 } });
    const [a, b] = await Promise.all([click('yes'), click('no')]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a)).toMatchObject({ ok: false, reason: 'stale' });
    expect((await store.auditSince(new Date(0))).length).toBe(2);
  });
});

/** Counts reads and writes. */
class CountingStore extends MemoryStore {
  gets = 0;
  updates = 0;
  override async get(id: string) { this.gets++; return super.get(id); }
  override async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null) {
    this.updates++;
    return super.update(record, expectedVersion, audit);
  }
}

describe('ConsultService with a record cache', () => {
  const answer = (consultId: string, step: number, questionId: string, optionId: string) =>
    ({ actor: { channel: 'slack' as const, workspace: 'T1', userId: 'U1' }, data: { action: 'answer' as const, questionId, optionId, consultId, step } });

  it('applies a click on a consult it saved with one write and no read', async () => {
    const store = new CountingStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72, cache: new RecordCache() });
    const { record } = await service.start(START);
    await service.attachMessage(record, '1700000000.000100');
    store.gets = 0;
    store.updates = 0;
    const first = await service.click(answer(record.id, 0, 'suspicion', 'yes'));
    const second = await service.click(answer(record.id, 1, 'prior_imaging', 'abnormal'));
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect({ gets: store.gets, updates: store.updates }).toEqual({ gets: 0, updates: 2 });
    expect(await store.get(record.id)).toEqual(second.ok && second.record);
  });

  it('reloads when its copy is stale (a follow-up or housekeeping saved since) and still applies the click', async () => {
    const store = new CountingStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72, cache: new RecordCache() });
    const { record } = await service.start(START);
    const current = (await store.get(record.id))!;
    await store.update({ ...current, messageRef: 'elsewhere' }, current.version, null); // saved behind the cache's back
    store.gets = 0;
    store.updates = 0;
    const r = await service.click(answer(record.id, 0, 'suspicion', 'yes'));
    expect(r).toMatchObject({ ok: true, record: { step: 1, version: 2, messageRef: 'elsewhere' } });
    expect({ gets: store.gets, updates: store.updates }).toEqual({ gets: 1, updates: 2 });
  });

  it('keeps only active consults, at most its bound', async () => {
    const cache = new RecordCache(2);
    const service = new ConsultService({ store: new MemoryStore(), pathways: Pathways.of(engine), ttlHours: 72, cache });
    const started = [];
    for (let i = 0; i < 3; i++) started.push((await service.start({ ...START, conversation: `C${i}` })).record);
    expect(cache.size).toBe(2);
    expect(cache.get(started[0].id)).toBeUndefined();
    const done = await service.click(answer(started[2].id, 0, 'suspicion', 'no'));
    expect(done).toMatchObject({ ok: true, record: { status: 'finished' } });
    expect(cache.get(started[2].id)).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});

describe('follow-up state and the flow', () => {
  it('drops feedback and hand-off when the consult leaves the outcome they were given on', async () => {
    const store = new MemoryStore();
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72 });
    let { record } = await service.start(START);
    for (const [questionId, optionId] of [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']]) {
      const r = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
      if (!r.ok) throw new Error(r.reason);
      record = r.record;
    }
    const withFollowUp = { ...record, followUp: { feedback: { choice: 'as_recommended', by: 'U1', at: new Date(0).toISOString() } } } as unknown as ConsultRecord;
    expect(await store.update(withFollowUp, record.version, null)).toBe(true);
    const back = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'back', consultId: record.id, step: record.step } });
    expect(back.ok).toBe(true);
    expect((await store.get(record.id))!.followUp).toBeUndefined();
  });
});

// The record cache changes how a click is stored, never what is decided: every refusal holds with it too.
describe.each([['without', false], ['with', true]])('ConsultService refuses, saving and auditing nothing (%s a record cache)', (_, cached) => {
  const actor = { channel: 'slack', workspace: 'T1', userId: 'U1' } as const;
  const setup = async () => {
    const store = new MemoryStore();
    let clock = new Date('2026-11-28T10:00:00Z');
    const service = new ConsultService({ store, pathways: Pathways.of(engine), ttlHours: 72, now: () => clock, ...(cached ? { cache: new RecordCache() } : {}) });
    const { record } = await service.start(START);
    const pressAs = async (who: Actor, data: Omit<ClickData, 'consultId'>) => service.click({ actor: who, data: { ...data, consultId: record.id } as ClickData });
    const press = async (data: Omit<ClickData, 'consultId'>) => pressAs(actor, data);
    /** The stored consult and its audit trail, to show a refusal changed neither. */
    const state = async () => [await store.get(record.id), await store.auditSince(new Date(0))];
    const later = (hours: number) => { clock = new Date(clock.getTime() + hours * 3_600_000); };
    return { store, record, press, pressAs, state, later };
  };

  it('refuses a press by anyone but the owner through the consult\'s own channel and workspace, auditing only the refusal', async () => {
    const { store, press, pressAs, record } = await setup();
    const strangers: Actor[] = [
      { channel: 'slack', workspace: 'T1', userId: 'U2' },
      { channel: 'slack', workspace: 'T2', userId: 'U1' },
      { channel: 'teams', workspace: 'T1', userId: 'U1' },
    ];
    for (const who of strangers) {
      expect(await pressAs(who, { action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 }), JSON.stringify(who)).toMatchObject({ ok: false, reason: 'not-owner' });
    }
    expect(await store.get(record.id)).toMatchObject({ step: 0, version: record.version });
    expect((await store.auditSince(new Date(0))).map((a) => [a.event, a.userId, a.channel])).toEqual([
      ['start', 'U1', 'slack'], ['refused:answer', 'U2', 'slack'], ['refused:answer', 'U1', 'slack'], ['refused:answer', 'U1', 'teams'],
    ]);
    expect((await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).ok).toBe(true);
  });

  it('refuses a press once the consult has gone unanswered for its time to live, and marks it expired', async () => {
    const { store, press, record, later } = await setup();
    later(71.9);
    expect((await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).ok).toBe(true);
    later(72);
    expect(await press({ action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal', step: 1 })).toMatchObject({ ok: false, reason: 'expired' });
    expect(await store.get(record.id)).toMatchObject({ status: 'expired', step: 1 });
    expect(await press({ action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal', step: 1 })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('leaves a finished consult finished when it is pressed after its time to live', async () => {
    const { store, press, record, later } = await setup();
    expect((await press({ action: 'answer', questionId: 'suspicion', optionId: 'no', step: 0 })).ok).toBe(true);
    later(100);
    expect(await press({ action: 'restart', step: 1 })).toMatchObject({ ok: false, reason: 'finished' });
    expect(await store.get(record.id)).toMatchObject({ status: 'finished' });
  });

  it('refuses the same press twice as a duplicate, and an old button as stale', async () => {
    const { press, state } = await setup();
    expect((await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).ok).toBe(true);
    const before = await state();
    expect(await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(await press({ action: 'back', step: 0 })).toMatchObject({ ok: false, reason: 'stale' });
    expect(await state()).toEqual(before);
  });

  it('never accepts a button from before Back, Change or Restart again', async () => {
    const { press, state } = await setup();
    expect((await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).ok).toBe(true);
    expect((await press({ action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal', step: 1 })).ok).toBe(true);
    for (const control of [{ action: 'back', step: 2 }, { action: 'change', questionId: 'suspicion', step: 3 }, { action: 'restart', step: 4 }] as const) {
      expect((await press(control)).ok, control.action).toBe(true);
    }
    const before = await state();
    for (const step of [0, 1, 2, 3, 4]) {
      expect(await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step }), `step ${step}`).toMatchObject({ ok: false, reason: 'stale' });
    }
    expect(await state()).toEqual(before);
  });

  it('refuses a click on a finished consult as finished, and on a cancelled one as cancelled', async () => {
    const finished = await setup();
    expect((await finished.press({ action: 'answer', questionId: 'suspicion', optionId: 'no', step: 0 })).ok).toBe(true);
    const before = await finished.state();
    expect(await finished.press({ action: 'restart', step: 1 })).toMatchObject({ ok: false, reason: 'finished', view: { kind: 'outcome' } });
    expect(await finished.state()).toEqual(before);

    const cancelled = await setup();
    expect((await cancelled.press({ action: 'cancel', step: 0 })).ok).toBe(true);
    const then = await cancelled.state();
    expect(await cancelled.press({ action: 'restart', step: 1 })).toMatchObject({ ok: false, reason: 'cancelled', view: { kind: 'notice' } });
    expect(await cancelled.state()).toEqual(then);
  });

  it.each([
    ['an option the question does not have', { action: 'answer', questionId: 'suspicion', optionId: 'maybe', step: 0 }],
    ['an answer without its option', { action: 'answer', questionId: 'suspicion', step: 0 }],
    ['Back at the first question', { action: 'back', step: 0 }],
    ['feedback', { action: 'feedback', step: 0 }],
    ['a hand-off', { action: 'handoff', step: 0 }],
    ['a claim', { action: 'claim', step: 0 }],
    ['a new consult', { action: 'new_consult', step: 0 }],
  ] as const)('refuses %s as invalid, as a first press on a fresh consult', async (_name, data) => {
    const { press, state } = await setup();
    const before = await state();
    expect(await press(data)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await state()).toEqual(before);
  });

  it('refuses a click on a consult whose pathway is no longer installed as flow-changed', async () => {
    const { store, record, press, state } = await setup();
    expect(await store.update({ ...record, flowId: 'retired-pathway', snapshot: { ...record.snapshot, flowId: 'retired-pathway' } }, 0, null)).toBe(true);
    const before = await state();
    expect(await press({ action: 'answer', questionId: 'suspicion', optionId: 'yes', step: 0 })).toMatchObject({ ok: false, reason: 'flow-changed', view: { kind: 'notice', notice: 'flow-changed' } });
    expect(await state()).toEqual(before);
  });
});
