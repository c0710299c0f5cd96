import type { Database } from 'better-sqlite3';

/** One schema change; applied once, in order, recorded in PRAGMA user_version. */
interface Migration {
  version: number;
  sql: string;
}

/** The SQLite schema history. Append new versions; never edit an applied one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE consults (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        flow_version TEXT NOT NULL,
        channel TEXT NOT NULL,
        workspace TEXT NOT NULL,
        conversation TEXT NOT NULL,
        message_ref TEXT,
        owner_id TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        step INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'cancelled', 'expired')),
        outcome_id TEXT,
        version INTEGER NOT NULL,
        last_event_key TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX consults_owner ON consults (channel, workspace, owner_id, created_at DESC);
      CREATE INDEX consults_status_expires ON consults (status, expires_at);
      CREATE INDEX consults_status_updated ON consults (status, updated_at);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        consult_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        event TEXT NOT NULL,
        from_step INTEGER NOT NULL,
        to_step INTEGER NOT NULL,
        outcome_id TEXT,
        channel TEXT NOT NULL,
        flow_version TEXT NOT NULL,
        UNIQUE (consult_id, seq)
      );
      CREATE INDEX audit_at ON audit (at);`,
  },
  {
    version: 2,
    // Governance relies on the trail being complete: the database itself refuses edits and deletions.
    sql: `
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;`,
  },
  {
    version: 3,
    // Feedback and radiology hand-off live beside the flow snapshot, never inside it; settings hold
    // what the bot is told at run time (the Teams radiology channel).
    sql: `
      ALTER TABLE consults ADD COLUMN follow_up TEXT;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );`,
  },
  {
    version: 4,
    // Every click rewrites status, updated_at and expires_at. Partial indexes keep the clean-up's
    // index free of active consults and the expiry index free of closed ones, so most clicks
    // touch one of them instead of both. The housekeeping queries' WHERE clauses match these.
    sql: `
      DROP INDEX consults_status_expires;
      DROP INDEX consults_status_updated;
      CREATE INDEX consults_active_expires ON consults (expires_at) WHERE status = 'active';
      CREATE INDEX consults_closed_updated ON consults (updated_at) WHERE status <> 'active';`,
  },
  {
    version: 5,
    // Platform deliveries already handled (Slack event_id), shared by every process on the file.
    sql: `
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        at INTEGER NOT NULL
      );
      CREATE INDEX deliveries_at ON deliveries (at);`,
  },
  {
    version: 6,
    // AUTOINCREMENT rewrote sqlite_sequence on every audit row (one more page per commit). Audit
    // rows are never deleted (the trigger refuses), so a plain rowid still grows with each row.
    // SQLite cannot drop AUTOINCREMENT in place: the table is copied, ids kept.
    sql: `
      CREATE TABLE audit_v6 (
        id INTEGER PRIMARY KEY,
        consult_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        event TEXT NOT NULL,
        from_step INTEGER NOT NULL,
        to_step INTEGER NOT NULL,
        outcome_id TEXT,
        channel TEXT NOT NULL,
        flow_version TEXT NOT NULL,
        UNIQUE (consult_id, seq)
      );
      INSERT INTO audit_v6 (id, consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version)
        SELECT id, consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version FROM audit ORDER BY id;
      DROP TABLE audit;
      ALTER TABLE audit_v6 RENAME TO audit;
      DELETE FROM sqlite_sequence WHERE name = 'audit';
      CREATE INDEX audit_at ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;`,
  },
];

/** Brings the database to the newest schema version inside one write transaction. */
export function migrateSqlite(db: Database): number {
  return db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const pending = SQLITE_MIGRATIONS.filter((m) => m.version > current);
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    return pending.length;
  }).immediate();
}
