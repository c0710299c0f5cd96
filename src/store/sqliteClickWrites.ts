import type Database from 'better-sqlite3';

/**
 * The click path's writes as SQL: the three statements a write runs, and the lookups that tell,
 * afterwards and on another connection, whether one of them committed (src/store/sqliteWriter.ts
 * needs that when its thread stops in the middle of a write).
 */
export interface WriteSql {
  insert: string; update: string; audit: string;
  /** A row when the create with these parameters committed. */
  created: string;
  /** `{ version, same }` of the row an update targets; `same` is 1 when it holds exactly what the update wrote. */
  updated: string;
  /** A row when this audit row exists. */
  audited: string;
}

/** A write's kind: a create inserts, an update applies only at `row.expected` (the version check). */
export type WriteOp = 'create' | 'update';

type Params = Record<string, unknown>;

/** The consult store's click-path writes (src/store/sqliteStore.ts). */
export const CONSULT_WRITES: WriteSql = {
  insert: `INSERT INTO consults (id, flow_id, flow_version, channel, workspace, conversation, message_ref,
    owner_id, snapshot, step, status, outcome_id, version, last_event_key, created_at, updated_at, expires_at, follow_up)
    VALUES (@id, @flow_id, @flow_version, @channel, @workspace, @conversation, @message_ref, @owner_id, @snapshot,
    @step, @status, @outcome_id, @version, @last_event_key, @created_at, @updated_at, @expires_at, @follow_up)`,
  // Only what a save can change: id, flow, channel, workspace, conversation, owner and created_at are fixed at
  // create. Leaving them out of SET spares SQLite rewriting the owner index on every click.
  update: `UPDATE consults SET message_ref = @message_ref, snapshot = @snapshot, step = @step,
    status = @status, outcome_id = @outcome_id, version = @version, last_event_key = @last_event_key,
    updated_at = @updated_at, expires_at = @expires_at, follow_up = @follow_up WHERE id = @id AND version = @expected`,
  audit: `INSERT INTO audit (consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version)
    SELECT @consult_id, COALESCE(MAX(seq), 0) + 1, @at, @user_id, @event, @from_step, @to_step, @outcome_id, @channel, @flow_version
    FROM audit WHERE consult_id = @consult_id`,
  // Ids are random UUIDs: a row with this id and these fixed columns is this create's.
  created: `SELECT 1 FROM consults WHERE id = @id AND flow_id = @flow_id AND channel = @channel AND workspace = @workspace
    AND conversation = @conversation AND owner_id = @owner_id AND created_at = @created_at`,
  updated: `SELECT version, (message_ref IS @message_ref AND snapshot = @snapshot AND step = @step AND status = @status
    AND outcome_id IS @outcome_id AND last_event_key IS @last_event_key AND updated_at = @updated_at
    AND expires_at = @expires_at AND follow_up IS @follow_up) AS same FROM consults WHERE id = @id`,
  audited: `SELECT 1 FROM audit WHERE consult_id = @consult_id AND at = @at AND user_id = @user_id AND event = @event
    AND from_step = @from_step AND to_step = @to_step AND outcome_id IS @outcome_id AND channel = @channel
    AND flow_version = @flow_version`,
};

/**
 * The click path's writes on one connection, each one IMMEDIATE transaction (the writer thread
 * runs the same statements the same way), and the check whether one committed.
 */
export class ClickWrites {
  private readonly tx;
  private readonly lookup;

  constructor(db: Database.Database, sql: WriteSql) {
    const s = { insert: db.prepare(sql.insert), update: db.prepare(sql.update), audit: db.prepare(sql.audit) };
    this.tx = {
      create: db.transaction((row: Params, audit: Params | null) => { s.insert.run(row); if (audit) s.audit.run(audit); return true; }),
      update: db.transaction((row: Params, audit: Params | null) => {
        if (s.update.run(row).changes !== 1) return false;
        if (audit) s.audit.run(audit);
        return true;
      }),
    };
    this.lookup = { created: db.prepare(sql.created), updated: db.prepare<[Params], { version: number; same: number }>(sql.updated), audited: db.prepare(sql.audited) };
  }

  /** Runs one write; true when it applied (false: an update's version check failed). */
  apply(op: WriteOp, row: Params, audit: Params | null): boolean {
    return this.tx[op].immediate(row, audit);
  }

  /**
   * Whether this write committed, judged from what the database holds now; `undefined` when that
   * cannot be told (an update without an audit row, the consult written again since by another process).
   */
  committed(op: WriteOp, row: Params, audit: Params | null): boolean | undefined {
    if (op === 'create') return this.lookup.created.get(row) !== undefined;
    const now = this.lookup.updated.get(row);
    const expected = row.expected as number;
    // Every write bumps the version: still at `expected` (or gone) means it never applied.
    if (!now || now.version <= expected) return false;
    if (now.version === expected + 1) return now.same === 1;
    return audit ? this.lookup.audited.get(audit) !== undefined : undefined;
  }
}
