import type { PoolClient } from 'pg';

/** One schema change; applied once, in order, recorded in schema_migrations. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The PostgreSQL schema history. Append new versions; never edit an applied one. */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'consults and audit',
    sql: `
      CREATE TABLE consults (
        id text PRIMARY KEY,
        flow_id text NOT NULL,
        flow_version text NOT NULL,
        channel text NOT NULL,
        workspace text NOT NULL,
        conversation text NOT NULL,
        message_ref text,
        owner_id text NOT NULL,
        snapshot jsonb NOT NULL,
        step integer NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'finished', 'cancelled', 'expired')),
        outcome_id text,
        version integer NOT NULL,
        last_event_key text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX consults_owner ON consults (channel, workspace, owner_id, created_at DESC);
      CREATE INDEX consults_status_expires ON consults (status, expires_at);
      CREATE INDEX consults_status_updated ON consults (status, updated_at);
      CREATE TABLE audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consult_id text NOT NULL,
        seq integer NOT NULL,
        at timestamptz NOT NULL,
        user_id text NOT NULL,
        event text NOT NULL,
        from_step integer NOT NULL,
        to_step integer NOT NULL,
        outcome_id text,
        channel text NOT NULL,
        flow_version text NOT NULL,
        UNIQUE (consult_id, seq)
      );
      CREATE INDEX audit_at ON audit (at);`,
  },
  {
    version: 2,
    name: 'audit is append-only',
    // Governance relies on the trail being complete: the database itself refuses edits and deletions.
    sql: `
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit rows are append-only'; END $$;
      CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();`,
  },
  {
    version: 3,
    name: 'follow-up and settings',
    sql: `
      ALTER TABLE consults ADD COLUMN follow_up jsonb;
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL
      );`,
  },
  {
    version: 4,
    name: 'deliveries',
    sql: `
      CREATE TABLE deliveries (
        key text PRIMARY KEY,
        at timestamptz NOT NULL
      );
      CREATE INDEX deliveries_at ON deliveries (at);`,
  },
];

/**
 * Brings the schema to the newest version in one transaction. The advisory lock makes a second
 * instance starting at the same moment wait, then find nothing left to do.
 */
export async function migratePostgres(client: PoolClient, schema: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('spine-consult:migrate:' || $1::text))`, [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const pending = PG_MIGRATIONS.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return pending.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
