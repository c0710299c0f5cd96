import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { PostgresStore } from './postgresStore.js';
import { SqliteStore } from './sqliteStore.js';
import type { ConsultStore } from './types.js';

/** The SQLite file name inside DATA_DIR. */
export const SQLITE_FILE = 'spine-consult.sqlite';

/** PostgreSQL when DATABASE_URL is set (scale-out), else the SQLite file under DATA_DIR (created 0700 if missing). */
export async function openStore(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>, logger: Logger): Promise<ConsultStore> {
  if (config.DATABASE_URL) {
    const store = await PostgresStore.open({ connectionString: config.DATABASE_URL });
    // The URL may carry a password: log only where it points.
    const { hostname, port, pathname } = new URL(config.DATABASE_URL);
    logger.info({ store: 'postgres', host: hostname, port: port || '5432', database: pathname.slice(1) }, 'consult store ready');
    return store;
  }
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // An existing directory from an older version may be world-readable: the owner only, from now on.
  chmodSync(dir, 0o700);
  const file = join(dir, SQLITE_FILE);
  const store = new SqliteStore(file, {
    checkpointInWorker: true,
    onCheckpointError: (err) => logger.warn({ err: err.message }, 'sqlite: the checkpoint thread stopped; the main connection checkpoints from now on'),
    writesInWorker: true,
    onWriterError: (err) => logger.warn({ err: err.message }, 'sqlite: the writer thread stopped; the main connection writes from now on'),
  });
  logger.info({ store: 'sqlite', file }, 'consult store ready');
  return store;
}
