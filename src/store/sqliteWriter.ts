import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ClickWrites, WriteOp, WriteSql } from './sqliteClickWrites.js';

// Plain CommonJS, run with eval so the worker needs no TypeScript loader (tests, tsx, node alike).
// Each write's outcome also goes into the batch's shared `done` array (1 applied, 2 not) as soon as
// it is known: should the thread die before the results message, the main thread still knows
// which writes committed, and only the one it was in the middle of needs looking up.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const s = { insert: db.prepare(workerData.sql.insert), update: db.prepare(workerData.sql.update), audit: db.prepare(workerData.sql.audit) };
const ops = {
  create: db.transaction((row, audit) => { s.insert.run(row); if (audit) s.audit.run(audit); return true; }),
  update: db.transaction((row, audit) => {
    if (s.update.run(row).changes !== 1) return false;
    if (audit) s.audit.run(audit);
    return true;
  }),
};
let applied = 0;
const apply = (w, i, done) => {
  let r;
  try { r = { id: w.id, ok: ops[w.op].immediate(w.row, w.audit) }; }
  catch (e) { r = { id: w.id, error: { message: String(e && e.message), code: e && e.code } }; }
  // Tests only: die right after a commit, before recording it (the worst moment).
  if (r.ok && ++applied === workerData.exitAfter) process.exit(1);
  Atomics.store(done, i, r.ok ? 1 : 2);
  return r;
};
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  const done = new Int32Array(m.done);
  parentPort.postMessage(m.writes.map((w, i) => apply(w, i, done)));
});
`;

type Params = Record<string, unknown>;
type Write = { id: number; op: WriteOp; row: Params; audit: Params | null };
type Result = { id: number; ok?: boolean; error?: { message: string; code?: string } };
type Pending = { resolve: (ok: boolean) => void; reject: (err: Error) => void };
type Batch = { writes: Write[]; done: Int32Array };

/**
 * Runs the click path's writes (a consult created, a consult saved with its audit row) on a worker
 * thread with its own connection, one IMMEDIATE transaction each, in the order they were asked.
 * The caller still waits for the commit ("a 200 means saved" holds); the event loop does not:
 * the commit was the largest part of a click's CPU on the main thread, which is the bottleneck
 * under load while the second core has room. The writes asked during one turn of the event loop
 * go over in one message at its end (`setImmediate`) and their results come back in one: each
 * message wakes the other thread, which on a busy 2-core machine cost the main thread far more
 * than the copy (docs/performance.md, fifth pass). Should the thread stop, `alive` turns false,
 * the writes it had not finished are settled by what the database holds (src/store/sqliteClickWrites.ts)
 * and run on the main connection if they never applied, and that connection writes from then on.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private queue: Write[] = [];
  /** Sent, results not back yet; oldest first (the thread answers in order). */
  private inflight: Batch[] = [];
  private readonly exited: Promise<void>;
  private stopping = false;
  alive = true;

  /**
   * Starts the thread on `file`; `here` runs writes on the main connection when the thread cannot.
   * `onStop` hears why the thread stopped (not when `stop()` stopped it); `exitAfter` is for tests.
   */
  constructor(file: string, sql: WriteSql, private readonly here: ClickWrites, onStop: (err: Error) => void, exitAfter?: number) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver, sql: { insert: sql.insert, update: sql.update, audit: sql.audit }, exitAfter } });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (results: Result[]) => {
      if (!this.alive) return;
      this.inflight.shift();
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
    this.worker.once('exit', (code) => this.fail(new Error(`the SQLite writer thread exited (code ${code})`), this.stopping ? () => {} : onStop));
  }

  /** Runs one write transaction; resolves with whether it applied (an update's version check). */
  run(op: WriteOp, row: Params, audit: Params | null): Promise<boolean> {
    if (!this.alive) return this.runHere({ id: -1, op, row, audit });
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
    const writes = this.queue;
    this.queue = [];
    if (!writes.length || !this.alive) return;
    const done = new Int32Array(new SharedArrayBuffer(4 * writes.length));
    this.inflight.push({ writes, done });
    this.worker.postMessage({ writes, done: done.buffer });
  };

  /** Finishes the writes in flight (they were queued before) and closes the thread's connection. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.stopping = true;
    this.worker.ref();
    this.flush();
    this.worker.postMessage('stop');
    await this.exited;
  }

  private runHere(w: Write): Promise<boolean> {
    try {
      return Promise.resolve(this.here.apply(w.op, w.row, w.audit));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * Settles every write not answered yet with what really happened, in the order asked: one the
   * thread recorded as applied resolves; the one it was in the middle of is looked up (applied or
   * not); the rest never applied, so they run here (a write is never applied twice).
   */
  private fail(err: Error, onStop: (err: Error) => void): void {
    if (!this.alive) return;
    this.alive = false;
    const unanswered = [...this.inflight.flatMap((b) => b.writes.map((w, i) => ({ w, done: Atomics.load(b.done, i) }))),
      ...this.queue.map((w) => ({ w, done: 0 }))];
    this.inflight = [];
    this.queue = [];
    let looked = false;
    for (const { w, done } of unanswered) {
      const p = this.pending.get(w.id);
      if (!p) continue;
      this.pending.delete(w.id);
      // The thread works in order: the first write without an outcome is the only one it may have been running.
      const inDoubt = done === 0 && !looked;
      if (inDoubt) looked = true;
      try {
        const applied = done === 1 || (inDoubt ? this.here.committed(w.op, w.row, w.audit) : false);
        if (applied === undefined) p.reject(new Error('the SQLite writer thread stopped during this write; whether it was saved cannot be told', { cause: err }));
        else if (applied) p.resolve(true);
        else p.resolve(this.here.apply(w.op, w.row, w.audit));
      } catch (e) {
        p.reject(e as Error);
      }
    }
    this.pending.clear();
    onStop(err);
  }
}
