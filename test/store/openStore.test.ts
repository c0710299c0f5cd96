import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { startServer } from '../../src/main.js';
import { openStore, SQLITE_FILE } from '../../src/store/openStore.js';
import { PostgresStore } from '../../src/store/postgresStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqliteSchema.js';
import { skipPgTests, TEST_DATABASE_URL } from './pgTestEnv.js';

const root = mkdtempSync(join(tmpdir(), 'spine-open-'));
const silent = createLogger('silent');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openStore', () => {
  it('creates DATA_DIR and a WAL-mode SQLite file there when DATABASE_URL is unset', async () => {
    const dataDir = join(root, 'nested', 'data');
    const store = await openStore({ DATA_DIR: dataDir, DATABASE_URL: undefined }, silent);
    try {
      expect(store).toBeInstanceOf(SqliteStore);
      expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true);
      const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
      db.close();
    } finally {
      await store.close();
    }
  });

  it('refuses to edit or delete SQLite audit rows', async () => {
    const dataDir = join(root, 'append-only');
    const store = await openStore({ DATA_DIR: dataDir, DATABASE_URL: undefined }, silent);
    await store.close();
    const db = new Database(join(dataDir, SQLITE_FILE));
    db.prepare(`INSERT INTO audit (consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version)
      VALUES ('c1', 1, 0, 'U1', 'start', 0, 0, NULL, 'slack', 'v1')`).run();
    expect(() => db.prepare(`UPDATE audit SET event = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
  });

  it('upgrades a version-5 file: audit ids, rows and the append-only triggers survive; no sqlite_sequence row is written any more', async () => {
    const file = join(root, 'v5.sqlite');
    const old = new Database(file);
    old.transaction(() => {
      for (const m of SQLITE_MIGRATIONS.filter((m) => m.version <= 5)) { old.exec(m.sql); old.pragma(`user_version = ${m.version}`); }
    })();
    const insert = old.prepare(`INSERT INTO audit (consult_id, seq, at, user_id, event, from_step, to_step, outcome_id, channel, flow_version)
      VALUES (?, ?, ?, 'U1', 'start', 0, 0, NULL, 'slack', 'v1')`);
    for (let i = 1; i <= 4; i++) insert.run(`c${i % 2}`, i, i * 1000);
    const rows = old.prepare('SELECT * FROM audit ORDER BY id').all();
    old.close();
    const store = new SqliteStore(file);
    await store.addAudit({ consultId: 'c9', at: new Date(9000), userId: 'U1', event: 'start', fromStep: 0, toStep: 0, outcomeId: null, channel: 'slack', flowVersion: 'v1' });
    await store.close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT * FROM audit WHERE id <= 4 ORDER BY id').all()).toEqual(rows);
    expect(db.prepare(`SELECT id FROM audit WHERE consult_id = 'c9'`).get()).toEqual({ id: 5 });
    expect(db.prepare(`SELECT * FROM sqlite_sequence WHERE name = 'audit'`).all()).toEqual([]);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit SET event = 'x'`).run()).toThrow(/append-only/);
    db.close();
  });

  it.skipIf(skipPgTests())('chooses PostgreSQL when DATABASE_URL is set', async () => {
    const store = await openStore({ DATA_DIR: join(root, 'unused'), DATABASE_URL: TEST_DATABASE_URL }, silent);
    try {
      expect(store).toBeInstanceOf(PostgresStore);
      await expect(store.ping()).resolves.toBeUndefined();
      expect(existsSync(join(root, 'unused'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('startServer with the default store', () => {
  const config = () => loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: join(root, 'server') });

  it('serves /readyz from the store and keeps consults across a restart', async () => {
    const first = await startServer(config());
    const ready = await fetch(`${first.url}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
    const { record } = await first.service.start({ channel: 'web', workspace: 'local', conversation: 's1', ownerId: 'u1' });
    const clicked = await first.service.click({ actor: { channel: 'web', workspace: 'local', userId: 'u1' }, data: { action: 'answer', consultId: record.id, step: 0, questionId: 'suspicion', optionId: 'yes' } });
    expect(clicked.ok).toBe(true);
    await first.close();

    const second = await startServer(config());
    try {
      expect(await second.service.get(record.id)).toMatchObject({ step: 1, version: 1, status: 'active' });
      const next = await second.service.click({ actor: { channel: 'web', workspace: 'local', userId: 'u1' }, data: { action: 'answer', consultId: record.id, step: 1, questionId: 'prior_imaging', optionId: 'abnormal' } });
      expect(next.ok && next.view.kind === 'question' && next.view.question.id).toBe('neuro');
      await second.store.close();
      const down = await fetch(`${second.url}/readyz`);
      expect([down.status, await down.text()]).toEqual([503, 'store not reachable']);
    } finally {
      await second.close();
    }
  });
});
