import { Pathways } from '../../src/interaction/pathways.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine, type FlowEngine } from '../../src/flow/engine.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import type { AuditRow, ConsultRecord, ConsultStore } from '../../src/store/types.js';
import { dropSchema, freshSchema, openPg } from './pgTestEnv.js';

/** A store under test plus a second handle onto the same data (another connection or pool). */
export interface StoreUnderTest {
  store: ConsultStore;
  /** Another connection to the same data: a second instance in production terms. */
  peer: ConsultStore;
  dispose(): Promise<void>;
}

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** Memory: the peer is the same object (one process, no second instance possible). */
export const memoryFactory: StoreFactory = async () => {
  const store = new MemoryStore();
  return { store, peer: store, dispose: () => store.close() };
};

/** SQLite: a new file per test, opened as the server opens it (checkpoints and writes in workers); the peer is a second connection to it. */
export const sqliteFactory: StoreFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spine-store-'));
  const store = new SqliteStore(join(dir, 'consults.sqlite'), { checkpointInWorker: true, writesInWorker: true });
  const peer = new SqliteStore(join(dir, 'consults.sqlite'));
  return {
    store, peer,
    async dispose() {
      await store.close();
      await peer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** PostgreSQL: a new schema per test; the peer is a second pool on it. */
export const postgresFactory: StoreFactory = async () => {
  const schema = freshSchema();
  const store = await openPg(schema);
  const peer = await openPg(schema);
  return {
    store, peer,
    async dispose() {
      await store.close();
      await peer.close();
      await dropSchema(schema);
    },
  };
};

let engine: FlowEngine | undefined;
/** The real flow engine (content loaded once per test file). */
export const testEngine = (): FlowEngine => (engine ??= createFlowEngine(loadContent()));
/** The installed pathways for tests: the shipped one. */
export const testPathways = (): Pathways => Pathways.of(testEngine());

let counter = 0;
/** A consult record at the first question, with fields overridable. */
export function makeRecord(overrides: Partial<ConsultRecord> = {}): ConsultRecord {
  const snapshot = testEngine().start();
  const at = new Date('2026-03-01T09:00:00.000Z');
  return {
    id: `c-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
    flowId: snapshot.flowId,
    flowVersion: snapshot.flowVersion,
    channel: 'slack',
    workspace: 'T1',
    conversation: 'C1',
    messageRef: null,
    ownerId: 'U1',
    snapshot,
    step: snapshot.context.step,
    status: 'active',
    outcomeId: null,
    version: 0,
    lastEventKey: null,
    createdAt: at,
    updatedAt: at,
    expiresAt: new Date(at.getTime() + 72 * 3_600_000),
    ...overrides,
  };
}

/** The audit row a test writes for `record`. */
export function auditFor(record: ConsultRecord, event: string, at: Date = record.updatedAt, toStep = record.step): Omit<AuditRow, 'seq'> {
  return {
    consultId: record.id, at, userId: record.ownerId, event, fromStep: record.step, toStep,
    outcomeId: record.outcomeId, channel: record.channel, flowVersion: record.flowVersion,
  };
}
