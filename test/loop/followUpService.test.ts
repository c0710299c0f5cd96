import { Pathways } from '../../src/interaction/pathways.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { FollowUpService } from '../../src/consult/followUpService.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import { formatSummary, summarizeAudit } from '../../src/store/auditExport.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import type { ConsultStore } from '../../src/store/types.js';
import { testEngine, testPathways } from '../store/storeHarness.js';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');

async function consultAt(store: ConsultStore, answers: Array<[string, string]>) {
  const service = new ConsultService({ store, pathways: testPathways(), ttlHours: 72, now: () => new Date(T0) });
  let { record } = await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' });
  for (const [questionId, optionId] of answers) {
    const r = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
    if (!r.ok) throw new Error(r.reason);
    record = r.record;
  }
  return record;
}
const TO_MRI: Array<[string, string]> = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']];

describe('follow-up service', () => {
  it('lets exactly one of two racing claims (two instances on one SQLite file) win; the other is told who took it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spine-loop-race-')), 'db.sqlite');
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    try {
      const record = await consultAt(a, [['suspicion', 'yes'], ['prior_imaging', 'none']]);
      const fa = new FollowUpService({ store: a, pathways: testPathways() });
      const fb = new FollowUpService({ store: b, pathways: testPathways() });
      const owner = { consultId: record.id, step: record.step, actor: { channel: 'slack', workspace: 'T1', userId: 'U1' } };
      expect((await fa.reserveHandoff(owner, true)).ok).toBe(true);
      const sent = await fa.confirmHandoff(owner, { postRef: 'CRAD:1.1' });
      expect(sent.ok).toBe(true);
      const results = await Promise.all([fa.claim({ consultId: record.id, actor: { channel: 'slack', workspace: 'T1', userId: 'R1' } }), fb.claim({ consultId: record.id, actor: { channel: 'slack', workspace: 'T1', userId: 'R2' } })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser).toMatchObject({ ok: false, reason: 'already-claimed' });
      const events = (await a.auditSince(new Date(0))).map((r) => r.event);
      expect(events.filter((e) => e === 'handoff:claimed')).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses feedback on an outcome that does not ask for it, and a hand-off without a radiology channel', async () => {
    const { MemoryStore } = await import('../../src/store/memoryStore.js');
    const store = new MemoryStore();
    const record = await consultAt(store, [['suspicion', 'no']]);
    const f = new FollowUpService({ store, pathways: testPathways() });
    expect(await f.feedback({ consultId: record.id, step: record.step, actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, choice: 'as_recommended' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await f.reserveHandoff({ consultId: record.id, step: record.step, actor: { channel: 'slack', workspace: 'T1', userId: 'U1' } }, false)).toMatchObject({ ok: false, reason: 'no-radiology' });
    expect(await store.get(record.id)).toEqual(record);
  });

  it('counts feedback by reason in the audit summary and in its counters', async () => {
    const { MemoryStore } = await import('../../src/store/memoryStore.js');
    const store = new MemoryStore();
    const seen: string[] = [];
    const f = new FollowUpService({ store, pathways: testPathways(), now: () => new Date(T0), onEvent: (e) => seen.push(e) });
    const presses = [['something_else', 'availability'], ['something_else', 'availability'], ['not_ordering'], ['as_recommended']] as const;
    for (const [choice, reason] of presses) {
      const r = await consultAt(store, TO_MRI);
      const res = await f.feedback({ consultId: r.id, step: r.step, actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, choice, ...(reason ? { reason } : {}) });
      expect(res.ok).toBe(true);
    }
    const summary = summarizeAudit(await store.auditSince(new Date(0)));
    expect(summary.feedback).toEqual({ 'something_else:availability': 2, not_ordering: 1, as_recommended: 1 });
    expect(summary.outcomes).toEqual({ 'recommend-mri': 4 });
    expect(formatSummary(summary, 'csv')).toContain('feedback,as_recommended,1\r\nfeedback,not_ordering,1\r\nfeedback,something_else:availability,2\r\nhandoff_requested,,0\r\n');
    expect(seen.sort()).toEqual(['feedback:as_recommended', 'feedback:not_ordering', 'feedback:something_else:availability', 'feedback:something_else:availability']);
  });

  it('refuses to install a pathway whose follow-up rules name an unknown outcome', () => {
    const content = structuredClone(testEngine().content);
    content.rules.followup.feedback.outcomes.push('recommend-ct');
    expect(() => Pathways.of(createFlowEngine(content))).toThrow(/followup.yaml: names unknown outcomes: recommend-ct/);
  });
});
