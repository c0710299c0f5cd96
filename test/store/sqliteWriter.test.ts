import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { SqliteWriter } from '../../src/store/sqliteWriter.js';
import { auditFor, makeRecord } from './storeHarness.js';

const root = mkdtempSync(join(tmpdir(), 'spine-writer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SQL = { insert: 'SELECT 1', update: 'SELECT 1', audit: 'SELECT 1' };

describe('consult writes on a writer thread', () => {
  it('reports why the thread stopped instead of stopping silently (here: no database file), and is no longer used', async () => {
    let writer: SqliteWriter | undefined;
    const err = await new Promise<Error>((resolve) => { writer = new SqliteWriter(join(root, 'missing.sqlite'), SQL, resolve); });
    expect((err as Error & { code?: string }).message).toBe('SQLITE_CANTOPEN');
    expect(writer!.alive).toBe(false);
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
    const db = new Database(file);
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0); CREATE TABLE a (id TEXT NOT NULL)');
    const sql = { insert: 'INSERT INTO t (id) VALUES (@id)', update: 'UPDATE t SET n = n + 1 WHERE id = @id', audit: 'INSERT INTO a (id) VALUES (@id)' };
    const writer = new SqliteWriter(file, sql, () => {});
    let messages = 0;
    (writer as unknown as { worker: Worker }).worker.on('message', () => { messages++; });
    const first = [writer.run('create', { id: 'x' }, { id: 'x' }), writer.run('create', { id: 'x' }, { id: 'x' }), writer.run('update', { id: 'x' }, { id: 'x' }), writer.run('update', { id: 'y' }, { id: 'y' })];
    const settled = await Promise.allSettled(first);
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { code?: string }).code))).toEqual([true, 'SQLITE_CONSTRAINT_PRIMARYKEY', true, false]);
    expect(messages).toBe(1);
    // The failed insert took its audit row with it; the others kept theirs (the update of 'y' matched nothing).
    expect(db.prepare('SELECT id FROM a ORDER BY rowid').all()).toEqual([{ id: 'x' }, { id: 'x' }]);
    expect(db.prepare('SELECT n FROM t WHERE id = ?').get('x')).toEqual({ n: 1 });
    // Asked in separate turns, they go separately.
    await writer.run('update', { id: 'x' }, null);
    await writer.run('update', { id: 'x' }, null);
    expect(messages).toBe(3);
    await writer.stop();
    db.close();
  });
});
