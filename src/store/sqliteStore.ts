import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import type { PersistedConsult } from '../flow/engine.js';
import { assertAuditEvent } from './auditEvent.js';
import { migrateSqlite } from './sqliteSchema.js';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer.js';
import { ClickWrites, CONSULT_WRITES as SQL } from './sqliteClickWrites.js';
import { SqliteWriter } from './sqliteWriter.js';
import { expiryAudit, type AuditRow, type Channel, type ConsultRecord, type ConsultStore, type FollowUp, type RecordStatus } from './types.js';

interface ConsultRow {
  id: string; flow_id: string; flow_version: string; channel: string; workspace: string; conversation: string;
  message_ref: string | null; owner_id: string; snapshot: string; step: number; status: string; outcome_id: string | null;
  version: number; last_event_key: string | null; created_at: number; updated_at: number; expires_at: number;
  follow_up: string | null;
}

interface AuditDbRow {
  consult_id: string; seq: number; at: number; user_id: string; event: string; from_step: number; to_step: number;
  outcome_id: string | null; channel: string; flow_version: string;
}

const fromRow = (r: ConsultRow): ConsultRecord => ({
  id: r.id, flowId: r.flow_id, flowVersion: r.flow_version, channel: r.channel as Channel, workspace: r.workspace,
  conversation: r.conversation, messageRef: r.message_ref, ownerId: r.owner_id,
  snapshot: JSON.parse(r.snapshot) as PersistedConsult, step: r.step, status: r.status as RecordStatus,
  outcomeId: r.outcome_id, version: r.version, lastEventKey: r.last_event_key,
  createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), expiresAt: new Date(r.expires_at),
  ...(r.follow_up ? { followUp: JSON.parse(r.follow_up) as FollowUp } : {}),
});

const toParams = (r: ConsultRecord, version: number) => ({
  id: r.id, flow_id: r.flowId, flow_version: r.flowVersion, channel: r.channel, workspace: r.workspace,
  conversation: r.conversation, message_ref: r.messageRef, owner_id: r.ownerId, snapshot: JSON.stringify(r.snapshot),
  step: r.step, status: r.status, outcome_id: r.outcomeId, version, last_event_key: r.lastEventKey,
  created_at: r.createdAt.getTime(), updated_at: r.updatedAt.getTime(), expires_at: r.expiresAt.getTime(),
  follow_up: r.followUp ? JSON.stringify(r.followUp) : null,
});

const toUpdateParams = (r: ConsultRecord, version: number) => ({
  id: r.id, message_ref: r.messageRef, snapshot: JSON.stringify(r.snapshot), step: r.step, status: r.status,
  outcome_id: r.outcomeId, version, last_event_key: r.lastEventKey, updated_at: r.updatedAt.getTime(),
  expires_at: r.expiresAt.getTime(), follow_up: r.followUp ? JSON.stringify(r.followUp) : null,
});

const fromAuditRow = (a: AuditDbRow): AuditRow => ({
  consultId: a.consult_id, seq: a.seq, at: new Date(a.at), userId: a.user_id, event: a.event, fromStep: a.from_step,
  toStep: a.to_step, outcomeId: a.outcome_id, channel: a.channel as Channel, flowVersion: a.flow_version,
});

/** An audit row as the audit statement's parameters, its event checked first. */
function auditParams(a: Omit<AuditRow, 'seq'>): Record<string, unknown> {
  assertAuditEvent(a.event);
  return {
    consult_id: a.consultId, at: a.at.getTime(), user_id: a.userId, event: a.event, from_step: a.fromStep,
    to_step: a.toStep, outcome_id: a.outcomeId, channel: a.channel, flow_version: a.flowVersion,
  };
}

/** Creates the database file readable by its owner only, and tightens it and its -wal/-shm if they exist. */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * The embedded default store: one SQLite file in WAL mode. Every write is one IMMEDIATE
 * transaction, so several processes on the same file still see one winner per version.
 */
export class SqliteStore implements ConsultStore {
  private readonly db: Database.Database;
  private readonly stmt;
  /** Built once: better-sqlite3's db.transaction() wrapper is not free to create per call. */
  private readonly tx;
  private readonly checkpointer?: WalCheckpointer;
  private readonly writer?: SqliteWriter;
  /** The click path's writes on this connection (src/store/sqliteClickWrites.ts). */
  private readonly writes: ClickWrites;

  /**
   * Opens (creating it 0600 if needed) the database file and migrates it to the newest schema.
   * `checkpointInWorker` (the server's store, src/store/openStore.ts) moves WAL checkpoints to a
   * worker thread (src/store/walCheckpointer.ts); `onCheckpointError` hears why that thread stopped.
   * `writesInWorker` (the server's store too) commits created and saved consults on a writer thread
   * (src/store/sqliteWriter.ts); `onWriterError` hears why it stopped (this connection writes then).
   */
  constructor(file: string, opts: {
    checkpointInWorker?: boolean; onCheckpointError?: (err: Error) => void; writesInWorker?: boolean; onWriterError?: (err: Error) => void;
  } = {}) {
    ownerOnly(file);
    this.db = new Database(file);
    // Deleted rows are overwritten with zeros, so a purged consult leaves the file (with the WAL
    // checkpoint after each purge), not just the index.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('journal_mode = WAL');
    // NORMAL (SQLite's recommendation for WAL): a commit is durable against a killed or crashed
    // process; only an OS crash or power loss can lose the last commits (never corrupt the file).
    // FULL fsyncs on every click and blocked the event loop for ~a quarter of its time under load.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    ownerOnly(file); // SQLite creates -wal and -shm with the database file's mode; older ones are tightened here
    if (opts.checkpointInWorker && file !== ':memory:' && file !== '') {
      // Only a backstop now (16 MB of WAL), should the checkpoint thread stop or fall behind.
      this.db.pragma('wal_autocheckpoint = 4000');
      this.checkpointer = startWalCheckpointer(file, opts.onCheckpointError);
    }
    const db = this.db;
    this.writes = new ClickWrites(db, SQL);
    if (opts.writesInWorker && file !== ':memory:' && file !== '') this.writer = new SqliteWriter(file, SQL, this.writes, opts.onWriterError ?? (() => {}));
    this.stmt = {
      get: db.prepare<[string], ConsultRow>('SELECT * FROM consults WHERE id = ?'),
      audit: db.prepare(SQL.audit),
      recent: db.prepare<[string, string, string, number], ConsultRow>(`SELECT * FROM consults
        WHERE channel = ? AND workspace = ? AND owner_id = ? ORDER BY created_at DESC, id LIMIT ?`),
      idle: db.prepare<[number], ConsultRow>(`SELECT * FROM consults WHERE status = 'active' AND expires_at <= ?`),
      expire: db.prepare(`UPDATE consults SET status = 'expired', version = version + 1, updated_at = ?
        WHERE id = ? AND status = 'active'`),
      purge: db.prepare(`DELETE FROM consults WHERE status <> 'active' AND updated_at < ?`),
      since: db.prepare<[number], AuditDbRow>('SELECT * FROM audit WHERE at >= ? ORDER BY at, id'),
      ping: db.prepare('SELECT 1'),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      claim: db.prepare('INSERT INTO deliveries (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
      forget: db.prepare('DELETE FROM deliveries WHERE at < ?'),
      setSetting: db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    };
    this.tx = {
      addAudit: db.transaction((audit: Omit<AuditRow, 'seq'>) => this.appendAudit(audit)),
    };
  }

  private appendAudit(a: Omit<AuditRow, 'seq'>): void {
    this.stmt.audit.run(auditParams(a));
  }

  async create(record: ConsultRecord, audit: Omit<AuditRow, 'seq'>): Promise<void> {
    const row = toParams(record, record.version);
    if (this.writer) await this.writer.run('create', row, auditParams(audit));
    else this.writes.apply('create', row, auditParams(audit));
  }

  async addAudit(audit: Omit<AuditRow, 'seq'>): Promise<void> {
    this.tx.addAudit.immediate(audit);
  }

  async get(id: string): Promise<ConsultRecord | undefined> {
    const row = this.stmt.get.get(id);
    return row && fromRow(row);
  }

  async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    const row = { ...toUpdateParams(record, expectedVersion + 1), expected: expectedVersion };
    // A stopped writer runs it on this connection (SqliteWriter.run).
    return this.writer ? this.writer.run('update', row, audit && auditParams(audit)) : this.writes.apply('update', row, audit && auditParams(audit));
  }

  async recentByOwner(channel: Channel, workspace: string, ownerId: string, limit: number): Promise<ConsultRecord[]> {
    return this.stmt.recent.all(channel, workspace, ownerId, limit).map(fromRow);
  }

  async expireIdle(now: Date): Promise<number> {
    return this.db.transaction(() => {
      let n = 0;
      for (const row of this.stmt.idle.all(now.getTime())) {
        if (this.stmt.expire.run(now.getTime(), row.id).changes !== 1) continue;
        this.appendAudit(expiryAudit(fromRow(row), now));
        n++;
      }
      return n;
    }).immediate();
  }

  async purgeClosed(before: Date): Promise<number> {
    const { changes } = this.stmt.purge.run(before.getTime());
    // The WAL still holds the purged rows' earlier page images until a checkpoint copies the
    // zeroed pages back and truncates it.
    if (changes) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes;
  }

  async auditSince(since: Date): Promise<AuditRow[]> {
    return this.stmt.since.all(since.getTime()).map(fromAuditRow);
  }

  async claimDelivery(key: string, at: Date): Promise<boolean> {
    return this.stmt.claim.run(key, at.getTime()).changes === 1;
  }

  async purgeDeliveries(before: Date): Promise<number> {
    return this.stmt.forget.run(before.getTime()).changes;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.stmt.getSetting.get(key)?.value;
  }

  async setSetting(key: string, value: string, at: Date): Promise<void> {
    this.stmt.setSetting.run(key, value, at.getTime());
  }

  async ping(): Promise<void> {
    this.stmt.ping.get();
  }

  async close(): Promise<void> {
    await this.writer?.stop();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
