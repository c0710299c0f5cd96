import pg from 'pg';
import type { PersistedConsult } from '../flow/engine.js';
import { assertAuditEvent } from './auditEvent.js';
import { migratePostgres } from './postgresSchema.js';
import { expiryAudit, type AuditRow, type Channel, type ConsultRecord, type ConsultStore, type FollowUp, type RecordStatus } from './types.js';

const COLUMNS = `id, flow_id, flow_version, channel, workspace, conversation, message_ref, owner_id, snapshot, step,
  status, outcome_id, version, last_event_key, created_at, updated_at, expires_at, follow_up`;

interface ConsultRow {
  id: string; flow_id: string; flow_version: string; channel: string; workspace: string; conversation: string;
  message_ref: string | null; owner_id: string; snapshot: PersistedConsult; step: number; status: string;
  outcome_id: string | null; version: number; last_event_key: string | null; created_at: Date; updated_at: Date; expires_at: Date;
  follow_up: FollowUp | null;
}

interface AuditDbRow {
  consult_id: string; seq: number; at: Date; user_id: string; event: string; from_step: number; to_step: number;
  outcome_id: string | null; channel: string; flow_version: string;
}

const fromRow = (r: ConsultRow): ConsultRecord => ({
  id: r.id, flowId: r.flow_id, flowVersion: r.flow_version, channel: r.channel as Channel, workspace: r.workspace,
  conversation: r.conversation, messageRef: r.message_ref, ownerId: r.owner_id, snapshot: r.snapshot, step: r.step,
  status: r.status as RecordStatus, outcomeId: r.outcome_id, version: r.version, lastEventKey: r.last_event_key,
  createdAt: r.created_at, updatedAt: r.updated_at, expiresAt: r.expires_at,
  ...(r.follow_up ? { followUp: r.follow_up } : {}),
});

const values = (r: ConsultRecord, version: number): unknown[] => [
  r.id, r.flowId, r.flowVersion, r.channel, r.workspace, r.conversation, r.messageRef, r.ownerId,
  JSON.stringify(r.snapshot), r.step, r.status, r.outcomeId, version, r.lastEventKey, r.createdAt, r.updatedAt, r.expiresAt,
  r.followUp ? JSON.stringify(r.followUp) : null,
];

/** Connection settings for the PostgreSQL store. */
export interface PostgresStoreOptions {
  connectionString: string;
  /** Schema holding the tables (default "public"); tests use one schema each. */
  schema?: string;
  /** Pool size per instance. */
  max?: number;
}

/**
 * The scale-out store: several instances share one PostgreSQL. A save is one transaction whose
 * UPDATE matches only the version it loaded, so of two racing clicks exactly one commits.
 */
export class PostgresStore implements ConsultStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, creates or migrates the schema, and returns a ready store. */
  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = opts.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    const pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.max ?? 10,
      // A click waiting for a free connection must fail (and be told so) inside Slack's 3 s, not
      // be saved after Slack has given up on it.
      connectionTimeoutMillis: 2_000,
      options: `-c search_path=${schema}`,
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, schema);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool);
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  // Every audit writer first updates (and so locks) the consult row, which serialises seq per consult.
  private async appendAudit(c: pg.PoolClient, a: Omit<AuditRow, 'seq'>): Promise<void> {
    assertAuditEvent(a.event);
    await c.query(
      `INSERT INTO audit (consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version)
       SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM audit WHERE consult_id = $1`,
      [a.consultId, a.at, a.userId, a.event, a.fromStep, a.toStep, a.outcomeId, a.channel, a.flowVersion],
    );
  }

  async create(record: ConsultRecord, audit: Omit<AuditRow, 'seq'>): Promise<void> {
    await this.tx(async (c) => {
      await c.query(`INSERT INTO consults (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        values(record, record.version));
      await this.appendAudit(c, audit);
    });
  }

  async addAudit(audit: Omit<AuditRow, 'seq'>): Promise<void> {
    await this.tx(async (c) => {
      // Lock the consult's row so a concurrent save cannot take the same audit seq.
      await c.query('SELECT 1 FROM consults WHERE id = $1 FOR UPDATE', [audit.consultId]);
      await this.appendAudit(c, audit);
    });
  }

  async get(id: string): Promise<ConsultRecord | undefined> {
    const { rows } = await this.pool.query<ConsultRow>(`SELECT ${COLUMNS} FROM consults WHERE id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    return this.tx(async (c) => {
      const { rowCount } = await c.query(
        `UPDATE consults SET flow_id = $2, flow_version = $3, channel = $4, workspace = $5, conversation = $6,
           message_ref = $7, owner_id = $8, snapshot = $9, step = $10, status = $11, outcome_id = $12, version = $13,
           last_event_key = $14, created_at = $15, updated_at = $16, expires_at = $17, follow_up = $18
         WHERE id = $1 AND version = $19`,
        [...values(record, expectedVersion + 1), expectedVersion],
      );
      if (rowCount !== 1) return false;
      if (audit) await this.appendAudit(c, audit);
      return true;
    });
  }

  async recentByOwner(channel: Channel, workspace: string, ownerId: string, limit: number): Promise<ConsultRecord[]> {
    const { rows } = await this.pool.query<ConsultRow>(
      `SELECT ${COLUMNS} FROM consults WHERE channel = $1 AND workspace = $2 AND owner_id = $3
       ORDER BY created_at DESC, id LIMIT $4`, [channel, workspace, ownerId, limit]);
    return rows.map(fromRow);
  }

  async expireIdle(now: Date): Promise<number> {
    return this.tx(async (c) => {
      // Re-checked under the row lock, so two instances running housekeeping expire each consult once.
      const { rows } = await c.query<ConsultRow>(
        `UPDATE consults SET status = 'expired', version = version + 1, updated_at = $1
         WHERE status = 'active' AND expires_at <= $1 RETURNING ${COLUMNS}`, [now]);
      for (const row of rows) await this.appendAudit(c, expiryAudit(fromRow(row), now));
      return rows.length;
    });
  }

  async purgeClosed(before: Date): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM consults WHERE status <> 'active' AND updated_at < $1`, [before]);
    return rowCount ?? 0;
  }

  async auditSince(since: Date): Promise<AuditRow[]> {
    const { rows } = await this.pool.query<AuditDbRow>(
      `SELECT consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version
       FROM audit WHERE at >= $1 ORDER BY at, id`, [since]);
    return rows.map((a) => ({
      consultId: a.consult_id, seq: a.seq, at: a.at, userId: a.user_id, event: a.event, fromStep: a.from_step,
      toStep: a.to_step, outcomeId: a.outcome_id, channel: a.channel as Channel, flowVersion: a.flow_version,
    }));
  }

  async claimDelivery(key: string, at: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query('INSERT INTO deliveries (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, at]);
    return rowCount === 1;
  }

  async purgeDeliveries(before: Date): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM deliveries WHERE at < $1', [before]);
    return rowCount ?? 0;
  }

  async getSetting(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async setSetting(key: string, value: string, at: Date): Promise<void> {
    await this.pool.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, [key, value, at]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
