import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The SQL a writer runs: the store's own statements, handed over so they live in one place. */
export interface WriterSql { insert: string; update: string; audit: string }

// Plain CommonJS, run with eval so the worker needs no TypeScript loader (tests, tsx, node alike).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const s = { insert: db.prepare(workerData.sql.insert), update: db.prepare(workerData.sql.update), audit: db.prepare(workerData.sql.audit) };
const ops = {
  create: db.transaction((row, audit) => { s.insert.run(row); s.audit.run(audit); return true; }),
  update: db.transaction((row, audit) => {
    if (s.update.run(row).changes !== 1) return false;
    if (audit) s.audit.run(audit);
    return true;
  }),
};
const apply = (w) => {
  try { return { id: w.id, ok: ops[w.op].immediate(w.row, w.audit) }; }
  catch (e) { return { id: w.id, error: { message: String(e && e.message), code: e && e.code } }; }
};
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  parentPort.postMessage(m.map(apply));
});
`;

type Write = { id: number; op: 'create' | 'update'; row: Record<string, unknown>; audit: Record<string, unknown> | null };
type Result = { id: number; ok?: boolean; error?: { message: string; code?: string } };

type Pending = { resolve: (ok: boolean) => void; reject: (err: Error) => void };

/**
 * Runs the click path's writes (a consult created, a consult saved with its audit row) on a worker
 * thread with its own connection, one IMMEDIATE transaction each, in the order they were asked.
 * The caller still waits for the commit ("a 200 means saved" holds); the event loop does not:
 * the commit was the largest part of a click's CPU on the main thread, which is the bottleneck
 * under load while the second core has room. The writes asked during one turn of the event loop
 * go over in one message at its end (`setImmediate`) and their results come back in one: each
 * message wakes the other thread, which on a busy 2-core machine cost the main thread far more
 * than the copy (docs/performance.md, fifth pass). Should the thread stop, `alive` turns false
 * and the store writes on its own connection again.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private queue: Write[] = [];
  private exited: Promise<void>;
  alive = true;

  constructor(file: string, sql: WriterSql, onStop: (err: Error) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver, sql } });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (results: Result[]) => {
      for (const m of results) {
        const p = this.pending.get(m.id);
        if (!p) continue;
        this.pending.delete(m.id);
        if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else p.resolve(m.ok === true);
      }
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (e: unknown) => this.fail(e instanceof Error ? e : new Error(String((e as { code?: unknown })?.code ?? e)), onStop));
    this.worker.once('exit', () => this.fail(new Error('the SQLite writer thread exited'), () => {}));
  }

  /** Runs one write transaction; resolves with whether it applied (an update's version check). */
  run(op: 'create' | 'update', row: Record<string, unknown>, audit: Record<string, unknown> | null): Promise<boolean> {
    const id = this.nextId++;
    // Referenced while a write is in flight, so a process never exits with a click unsaved.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, op, row, audit });
      if (this.queue.length === 1) setImmediate(this.flush);
    });
  }

  /** Hands the writes asked so far to the thread, in order, in one message. */
  private readonly flush = (): void => {
    const batch = this.queue;
    this.queue = [];
    if (batch.length && this.alive) this.worker.postMessage(batch);
  };

  /** Finishes the writes in flight (they were queued before) and closes the thread's connection. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.worker.ref();
    this.flush();
    this.worker.postMessage('stop');
    await this.exited;
  }

  private fail(err: Error, onStop: (err: Error) => void): void {
    if (!this.alive) return;
    this.alive = false;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.queue = [];
    onStop(err);
  }
}
