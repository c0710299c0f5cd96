import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { FollowUpService } from '../../src/consult/followUpService.js';
import type { ChannelPort, Effect, Press } from '../../src/interaction/effects.js';
import { HANDOFF_TEXT } from '../../src/interaction/handoffText.js';
import { PressHandler, runPress } from '../../src/interaction/pressHandler.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import type { ConsultStore } from '../../src/store/types.js';
import { dropSchema, freshSchema, openPg, skipPgTests } from '../store/pgTestEnv.js';
import { testPathways } from '../store/storeHarness.js';

const OWNER = { channel: 'slack', workspace: 'T1', userId: 'U1' };
const TO_NO_PRIOR: Array<[string, string]> = [['suspicion', 'yes'], ['prior_imaging', 'none']];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One instance: its own store connection, services and press handler. */
function instance(store: ConsultStore) {
  const pathways = testPathways();
  const service = new ConsultService({ store, pathways, ttlHours: 1 });
  const followUp = new FollowUpService({ store, pathways });
  return { store, service, presses: new PressHandler({ service, followUp, pathways }) };
}

/** A channel whose radiology post takes a while (so presses overlap), and fails while `failing` is set. */
function radiologyDesk() {
  const desk = { posts: 0, told: [] as string[], failing: false };
  const port: ChannelPort = {
    channel: 'slack',
    style: { startHint: '/spine-consult', mention: (id) => `<@${id}>` },
    decode: () => undefined,
    render: () => undefined,
    capabilities: () => ({ radiology: true }),
    async deliver(effect: Effect) {
      if (effect.kind === 'tell') desk.told.push(effect.text);
      if (effect.kind !== 'postToRadiology') return;
      await sleep(30);
      if (desk.failing) return undefined;
      desk.posts++;
      return { ref: `CRAD:${desk.posts}` };
    },
  };
  return { desk, port };
}

async function atExclusion(service: ConsultService) {
  let { record } = await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' });
  for (const [questionId, optionId] of TO_NO_PRIOR) {
    const r = await service.click({ actor: OWNER, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
    if (!r.ok) throw new Error(r.reason);
    record = r.record;
  }
  return record;
}

/** Two instances on one database: `open` gives each its own connection. */
function handoffOnce(name: string, open: () => Promise<{ a: ConsultStore; b: ConsultStore; close(): Promise<void> }>, skip = false) {
  describe.skipIf(skip)(`"Ask radiology" posts once (${name})`, () => {
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => { await close?.(); close = undefined; });
    /** Two instances, a consult at an exclusion, a radiology desk, and the owner's "Ask radiology" press. */
    async function arrange() {
      const stores = await open();
      close = stores.close;
      const [a, b] = [instance(stores.a), instance(stores.b)];
      const record = await atExclusion(a.service);
      const press: Press = { actor: OWNER, data: { action: 'handoff', consultId: record.id, step: record.step }, conversation: 'C1' };
      return { stores, a, b, record, press, ...radiologyDesk() };
    }

    it('two simultaneous presses, on two instances, give exactly one radiology post', async () => {
      const { stores, a, b, record, desk, port, press } = await arrange();
      await Promise.all([runPress(a.presses, port, press), runPress(b.presses, port, press), runPress(a.presses, port, press)]);
      expect(desk.posts).toBe(1);
      const saved = (await stores.b.get(record.id))!;
      expect(saved.followUp?.handoff).toMatchObject({ requestedBy: 'U1', postRef: 'CRAD:1' });
      expect(saved.followUp?.handoff?.reserved).toBeUndefined();
      const events = (await stores.a.auditSince(new Date(0))).filter((r) => r.consultId === record.id).map((r) => r.event);
      expect(events.filter((e) => e === 'handoff:requested')).toHaveLength(1);
    });

    it('gives the reservation back when the post fails, so a retry posts once', async () => {
      const { stores, a, b, record, desk, port, press } = await arrange();
      desk.failing = true;
      await runPress(a.presses, port, press);
      expect(desk.told).toEqual([HANDOFF_TEXT.postFailed]);
      expect((await stores.b.get(record.id))!.followUp?.handoff).toBeUndefined();
      desk.failing = false;
      await Promise.all([runPress(b.presses, port, press), runPress(a.presses, port, press)]);
      expect(desk.posts).toBe(1);
      expect((await stores.a.get(record.id))!.followUp?.handoff).toMatchObject({ postRef: 'CRAD:1' });
      const events = (await stores.a.auditSince(new Date(0))).filter((r) => r.consultId === record.id).map((r) => r.event);
      expect(events.filter((e) => e.startsWith('handoff:'))).toEqual(['handoff:requested']);
    });
  });
}

handoffOnce('SQLite, two connections to one file', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'spine-handoff-')), 'db.sqlite');
  const a = new SqliteStore(file);
  const b = new SqliteStore(file);
  return { a, b, async close() { await a.close(); await b.close(); } };
});

handoffOnce('PostgreSQL, two stores on one schema', async () => {
  const schema = freshSchema();
  const a = await openPg(schema);
  const b = await openPg(schema);
  return { a, b, async close() { await a.close(); await b.close(); await dropSchema(schema); } };
}, skipPgTests());
