import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgresStore.js';

/**
 * The PostgreSQL the tests use. In CI it must exist (.ci/scripts/postgres.sh starts one);
 * locally the PostgreSQL tests are skipped, loudly, when TEST_DATABASE_URL is unset.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

let warned = false;

/**
 * True when the PostgreSQL tests should be skipped: only on a local run without TEST_DATABASE_URL
 * (said loudly). In CI a missing database fails the run instead.
 */
export function skipPgTests(): boolean {
  if (TEST_DATABASE_URL) return false;
  if (process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL is unset in CI: .ci/run must source .ci/scripts/postgres.sh before the tests');
  }
  if (!warned) {
    warned = true;
    console.warn('PostgreSQL store tests SKIPPED: TEST_DATABASE_URL is unset. Run `. .ci/scripts/postgres.sh` first (see docs/store.md).');
  }
  return true;
}

/** A fresh, unique schema name, so parallel test files never see each other's rows. */
export const freshSchema = (): string => `t_${randomBytes(6).toString('hex')}`;

/** Opens a store on `schema` (created and migrated on first open). */
export const openPg = (schema: string, max = 4): Promise<PostgresStore> =>
  PostgresStore.open({ connectionString: TEST_DATABASE_URL!, schema, max });

/** Runs one SQL statement as the test's admin connection. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export const dropSchema = (schema: string): Promise<unknown> => adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
