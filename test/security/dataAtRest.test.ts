/**
 * Findings (Low): DATA_DIR was 0755 and the SQLite files 0644; purged consults stayed readable in
 * the file (secure_delete off, no VACUUM); housekeeping first ran 15 minutes after start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConsultService } from '../../src/consult/consultService.js';
import { createLogger } from '../../src/log/logger.js';
import { startServer } from '../../src/main.js';
import { startHousekeeping } from '../../src/store/housekeeping.js';
import { openStore, SQLITE_FILE } from '../../src/store/openStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { testPathways } from '../store/storeHarness.js';

const DAY = 86_400_000;
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
/** Whether `grep -a` finds `needle` in `file` (exit 1 means not found). */
const grepFinds = (needle: string, file: string) => {
  try {
    execFileSync('grep', ['-a', '-c', needle, file]);
    return true;
  } catch (err) {
    if ((err as { status?: number }).status === 1) return false;
    throw err;
  }
};

describe('security: data at rest', () => {
  it('creates DATA_DIR 0700 and the database file, its -wal and -shm 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'spine-sec-')), 'data');
    const store = await openStore({ DATA_DIR: dataDir }, createLogger('silent'));
    const file = join(dataDir, SQLITE_FILE);
    try {
      const service = new ConsultService({ store, pathways: testPathways(), ttlHours: 72 });
      await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' });
      expect(mode(dataDir)).toBe('700');
      expect([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => [f.slice(dataDir.length), mode(f)]))
        .toEqual([[`/${SQLITE_FILE}`, '600'], [`/${SQLITE_FILE}-wal`, '600'], [`/${SQLITE_FILE}-shm`, '600']]);
    } finally {
      await store.close();
    }
  });

  it('a purged conversation id is not found in the database file by grep -a', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spine-sec-')), SQLITE_FILE);
    const conversation = 'CPURGEDCONVERSATION7Q';
    let clock = new Date('2026-03-01T09:00:00Z');
    const store = new SqliteStore(file);
    const service = new ConsultService({ store, pathways: testPathways(), ttlHours: 72, now: () => clock });
    const { record } = await service.start({ channel: 'slack', workspace: 'T1', conversation, ownerId: 'U1' });
    expect((await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'cancel', consultId: record.id, step: 0 } })).ok).toBe(true);
    await store.close();
    expect(grepFinds(conversation, file)).toBe(true); // the test has teeth: the id is in the file before the purge

    const reopened = new SqliteStore(file);
    clock = new Date(clock.getTime() + 31 * DAY);
    const job = startHousekeeping({ store: reopened, retentionDays: 30, logger: createLogger('silent'), now: () => clock });
    expect((await job.runOnce()).purged).toBe(1);
    await job.stop();
    for (const f of [file, `${file}-wal`].filter(existsSync)) expect(grepFinds(conversation, f), f).toBe(false);
    await reopened.close();
    expect(grepFinds(conversation, file)).toBe(false);
  });

  it('housekeeping runs at start-up, not first after its interval', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spine-sec-'));
    const seed = new SqliteStore(join(dataDir, SQLITE_FILE));
    const past = new Date(Date.now() - 100 * 3_600_000);
    const { record } = await new ConsultService({ store: seed, pathways: testPathways(), ttlHours: 72, now: () => past })
      .start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' });
    await seed.close();

    const server = await startServer(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false' }));
    try {
      const deadline = Date.now() + 3000;
      while ((await server.store.get(record.id))?.status === 'active' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect((await server.store.get(record.id))?.status).toBe('expired');
    } finally {
      await server.close();
    }
  });
});
