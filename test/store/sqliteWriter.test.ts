import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { ClickWrites, type WriteSql } from '../../src/store/sqliteClickWrites.js';
import { SqliteWriter } from '../../src/store/sqliteWriter.js';
import { auditFor, makeRecord } from './storeHarness.js';

const root = mkdtempSync(join(tmpdir(), 'spine-writer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small versioned table `t` with an audit table `a`, written the way the store writes consults. */
const SQL: WriteSql = {
  insert: 'INSERT INTO t (id, version, val) VALUES (@id, @version, @val)',
  update: 'UPDATE t SET version = @version, val = @val WHERE id = @id AND version = @expected',
  audit: 'INSERT INTO a (id, val) VALUES (@id, @val)',
  created: 'SELECT 1 FROM t WHERE id = @id AND val = @val',
  updated: 'SELECT version, val IS @val AS same FROM t WHERE id = @id',
  audited: 'SELECT 1 FROM a WHERE id = @id AND val = @val',
};
function tables(file: string): Database.Database {
  const db = new Database(file);
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, version INTEGER NOT NULL, val TEXT); CREATE TABLE a (id TEXT NOT NULL, val TEXT)');
  return db;
}
const outcome = (r: PromiseSettledResult<boolean>) => (r.status === 'fulfilled' ? r.value : (r.reason as { code?: string }).code ?? (r.reason as Error).message);

describe('consult writes on a writer thread', () => {
  it('reports why the thread stopped instead of stopping silently (here: no database file); a write asked after runs on the main connection', async () => {
    const db = tables(join(root, 'main.sqlite'));
    let writer: SqliteWriter | undefined;
    const err = await new Promise<Error>((resolve) => { writer = new SqliteWriter(join(root, 'missing.sqlite'), SQL, new ClickWrites(db, SQL), resolve); });
    expect((err as Error & { code?: string }).message).toBe('SQLITE_CANTOPEN');
    expect(writer!.alive).toBe(false);
    const late = writer!.run('create', { id: 'late', version: 0, val: 'v' }, { id: 'late', val: 'c' });
    const timeout = new Promise((r) => setTimeout(() => r('never settled'), 2_000));
    expect(await Promise.race([late, timeout])).toBe(true);
    expect(db.prepare('SELECT id, val FROM a').all()).toEqual([{ id: 'late', val: 'c' }]);
    db.close();
  });

  it('a store whose writer thread stopped saves on its own connection, and says so once', async () => {
    const file = join(root, 'gone.sqlite');
    new SqliteStore(file).close();
    const stops: Error[] = [];
    // The file is removed before the thread opens it, so the thread stops at once.
    const store = new SqliteStore(file, { writesInWorker: true, onWriterError: (e) => stops.push(e) });
    unlinkSync(file);
    while (stops.length === 0) await new Promise((r) => setTimeout(r, 10));
    const record = makeRecord({});
    await store.create(record, auditFor(record, 'start'));
    expect(await store.update({ ...record, step: 1, version: record.version + 1 }, record.version, auditFor(record, 'answer:suspicion:yes'))).toBe(true);
    expect((await store.get(record.id))?.step).toBe(1);
    expect(stops).toHaveLength(1);
    await store.close();
  });

  it('commits writes in the order asked, each one before its promise resolves, and finishes those in flight on close', async () => {
    const file = join(root, 'order.sqlite');
    const store = new SqliteStore(file, { writesInWorker: true });
    const peer = new SqliteStore(file);
    const record = makeRecord({});
    await store.create(record, auditFor(record, 'start'));
    // A second connection sees the commit as soon as the promise resolved: "a 200 means saved".
    expect((await peer.get(record.id))?.version).toBe(record.version);
    // Three saves asked at once: each expects the version the previous one wrote, so only order makes all three apply.
    const saves = [0, 1, 2].map((i) => store.update({ ...record, step: i + 1, version: record.version + i + 1 }, record.version + i, auditFor(record, 'answer:suspicion:yes')));
    const closed = store.close();
    expect(await Promise.all(saves)).toEqual([true, true, true]);
    await closed;
    expect((await peer.get(record.id))?.step).toBe(3);
    expect((await peer.auditSince(new Date(0))).filter((a) => a.consultId === record.id).map((a) => a.seq)).toEqual([1, 2, 3, 4]);
    await peer.close();
  });

  it('sends the writes asked in one turn of the event loop in one message, each still its own transaction: one that fails fails alone', async () => {
    const file = join(root, 'batch.sqlite');
    const db = tables(file);
    const writer = new SqliteWriter(file, SQL, new ClickWrites(db, SQL), () => {});
    let messages = 0;
    (writer as unknown as { worker: Worker }).worker.on('message', () => { messages++; });
    const first = [
      writer.run('create', { id: 'x', version: 0, val: 'x0' }, { id: 'x', val: 'made' }),
      writer.run('create', { id: 'x', version: 0, val: 'again' }, { id: 'x', val: 'made again' }),
      writer.run('update', { id: 'x', expected: 0, version: 1, val: 'x1' }, { id: 'x', val: 'saved' }),
      writer.run('update', { id: 'y', expected: 0, version: 1, val: 'y1' }, { id: 'y', val: 'saved' }),
    ];
    expect((await Promise.allSettled(first)).map(outcome)).toEqual([true, 'SQLITE_CONSTRAINT_PRIMARYKEY', true, false]);
    expect(messages).toBe(1);
    // The failed insert took its audit row with it; the others kept theirs (the update of 'y' matched nothing).
    expect(db.prepare('SELECT id, val FROM a ORDER BY rowid').all()).toEqual([{ id: 'x', val: 'made' }, { id: 'x', val: 'saved' }]);
    expect(db.prepare('SELECT version, val FROM t WHERE id = ?').get('x')).toEqual({ version: 1, val: 'x1' });
    // Asked in separate turns, they go separately.
    await writer.run('update', { id: 'x', expected: 1, version: 2, val: 'x2' }, null);
    await writer.run('update', { id: 'x', expected: 2, version: 3, val: 'x3' }, null);
    expect(messages).toBe(3);
    await writer.stop();
    db.close();
  });

  it('a thread that dies right after a commit, mid-batch: the committed writes resolve, the rest run once on the main connection, in order', async () => {
    const file = join(root, 'died.sqlite');
    const db = tables(file);
    db.exec("INSERT INTO t (id, version, val) VALUES ('u', 0, 'u0')");
    const stops: Error[] = [];
    // The thread exits after its third commit, before recording it: the write it dies on is in doubt.
    const writer = new SqliteWriter(file, SQL, new ClickWrites(db, SQL), (e) => stops.push(e), 3);
    const batch = [
      writer.run('create', { id: 'x1', version: 0, val: 'x1' }, { id: 'x1', val: 'made' }), // commit 1
      writer.run('update', { id: 'u', expected: 0, version: 1, val: 'u1' }, { id: 'u', val: 'u1' }), // commit 2
      writer.run('create', { id: 'x1', version: 0, val: 'dup' }, { id: 'x1', val: 'dup' }), // refused
      writer.run('update', { id: 'u', expected: 0, version: 1, val: 'stale' }, { id: 'u', val: 'stale' }), // lost the version check
      writer.run('create', { id: 'x2', version: 0, val: 'x2' }, { id: 'x2', val: 'made' }), // commit 3, then the thread exits
      writer.run('update', { id: 'u', expected: 1, version: 2, val: 'u2' }, { id: 'u', val: 'u2' }), // never reached the thread
      writer.run('create', { id: 'x3', version: 0, val: 'x3' }, { id: 'x3', val: 'made' }),
    ];
    const timeout = new Promise<string>((r) => setTimeout(() => r('never settled'), 5_000));
    const settled = await Promise.race([Promise.allSettled(batch).then((rs) => rs.map(outcome)), timeout]);
    expect(settled).toEqual([true, true, 'SQLITE_CONSTRAINT_PRIMARYKEY', false, true, true, true]);
    expect(writer.alive).toBe(false);
    expect(stops.map((e) => e.message)).toEqual(['the SQLite writer thread exited (code 1)']);
    // Asked after the thread died: straight to the main connection.
    expect(await writer.run('update', { id: 'u', expected: 2, version: 3, val: 'u3' }, { id: 'u', val: 'u3' })).toBe(true);
    // Every write that applied did so exactly once, in the order asked; nothing refused left a trace.
    expect(db.prepare('SELECT id, val FROM a ORDER BY rowid').all()).toEqual([
      { id: 'x1', val: 'made' }, { id: 'u', val: 'u1' }, { id: 'x2', val: 'made' }, { id: 'u', val: 'u2' }, { id: 'x3', val: 'made' }, { id: 'u', val: 'u3' },
    ]);
    expect(db.prepare('SELECT id, version, val FROM t ORDER BY id').all()).toEqual([
      { id: 'u', version: 3, val: 'u3' }, { id: 'x1', version: 0, val: 'x1' }, { id: 'x2', version: 0, val: 'x2' }, { id: 'x3', version: 0, val: 'x3' },
    ]);
    db.close();
  });

  it('tells from the database whether a write in doubt committed, and says when it cannot', () => {
    const db = tables(join(root, 'doubt.sqlite'));
    const writes = new ClickWrites(db, SQL);
    db.exec("INSERT INTO t (id, version, val) VALUES ('u', 1, 'mine'); INSERT INTO a (id, val) VALUES ('u', 'mine')");
    const mine = { id: 'u', expected: 0, version: 1, val: 'mine' };
    expect(writes.committed('update', mine, { id: 'u', val: 'mine' })).toBe(true);
    expect(writes.committed('update', { ...mine, val: 'theirs' }, { id: 'u', val: 'theirs' })).toBe(false); // someone else's version 1
    expect(writes.committed('update', { ...mine, expected: 1, version: 2 }, null)).toBe(false); // still at the version it expected
    db.exec("UPDATE t SET version = 2, val = 'later' WHERE id = 'u'");
    // Written again since: only the audit row can tell.
    expect(writes.committed('update', mine, { id: 'u', val: 'mine' })).toBe(true);
    expect(writes.committed('update', { ...mine, val: 'theirs' }, { id: 'u', val: 'theirs' })).toBe(false);
    expect(writes.committed('update', mine, null)).toBeUndefined();
    expect([writes.committed('create', { id: 'u', val: 'later' }, null), writes.committed('create', { id: 'v', val: 'x' }, null)]).toEqual([true, false]);
    db.close();
  });

  it('a store whose writer thread is killed mid-batch: every click and create settles with the truth, none applied twice, none lost', async () => {
    const file = join(root, 'killed.sqlite');
    const stops: Error[] = [];
    const store = new SqliteStore(file, { writesInWorker: true, onWriterError: (e) => stops.push(e) });
    const probe = new Database(file, { readonly: true });
    const audits = () => (probe.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const old = Array.from({ length: 400 }, () => makeRecord({}));
    await Promise.all(old.map((r) => store.create(r, auditFor(r, 'start'))));
    // Asked in one turn, so they go to the thread in one message.
    const saves = old.map((r) => store.update({ ...r, step: 1, version: 1 }, 0, auditFor(r, 'answer:suspicion:yes')));
    const fresh = Array.from({ length: 400 }, () => makeRecord({}));
    const creates = fresh.map((r) => store.create(r, auditFor(r, 'start')));
    while (audits() === 400) await new Promise((r) => setImmediate(r));
    const atKill = audits();
    await (store as unknown as { writer: { worker: Worker } }).writer.worker.terminate();
    const results = await Promise.allSettled([...saves, ...creates]);
    expect(atKill).toBeLessThan(1200); // killed mid-batch, not after it
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await Promise.all(saves)).toEqual(old.map(() => true));
    expect(stops).toHaveLength(1);
    const trail = probe.prepare('SELECT consult_id AS id, seq, event FROM audit ORDER BY id').all() as { id: string; seq: number; event: string }[];
    expect(trail).toHaveLength(1200);
    for (const r of old) {
      expect(trail.filter((a) => a.id === r.id).map((a) => [a.seq, a.event])).toEqual([[1, 'start'], [2, 'answer:suspicion:yes']]);
      expect((await store.get(r.id))?.version).toBe(1);
    }
    for (const r of fresh) expect(trail.filter((a) => a.id === r.id).map((a) => [a.seq, a.event])).toEqual([[1, 'start']]);
    probe.close();
    await store.close();
  });
});
