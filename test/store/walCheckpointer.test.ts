import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CHECKPOINT_INTERVAL_MS, startWalCheckpointer } from '../../src/store/walCheckpointer.js';
import { auditFor, makeRecord } from './storeHarness.js';

const root = mkdtempSync(join(tmpdir(), 'spine-ckpt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Whether the database file itself (not its WAL) holds `text`: only a checkpoint puts it there. */
const inDatabaseFile = (file: string, text: string) => readFileSync(file).includes(Buffer.from(text));

async function saveMarked(file: string, marker: string, opts: { checkpointInWorker?: boolean }) {
  const store = new SqliteStore(file, opts);
  const record = makeRecord({ conversation: marker });
  await store.create(record, auditFor(record, 'start'));
  return store;
}

describe('WAL checkpoints on a worker thread', () => {
  it('reports why the thread stopped instead of stopping silently (here: no database file)', async () => {
    const err = await new Promise<Error>((resolve) => { startWalCheckpointer(join(root, 'missing.sqlite'), resolve); });
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('SQLITE_CANTOPEN');
  });

  it('copies a commit into the database file without any further write on the main connection', async () => {
    const file = join(root, 'worker.sqlite');
    const store = await saveMarked(file, 'CKPT-WORKER-MARKER', { checkpointInWorker: true });
    try {
      const deadline = Date.now() + 20 * CHECKPOINT_INTERVAL_MS;
      while (!inDatabaseFile(file, 'CKPT-WORKER-MARKER') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(inDatabaseFile(file, 'CKPT-WORKER-MARKER')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('leaves a commit in the WAL when the main connection checkpoints on its own (the comparison: a few writes never reach the file)', async () => {
    const file = join(root, 'main.sqlite');
    const store = await saveMarked(file, 'CKPT-MAIN-MARKER', {});
    try {
      await new Promise((r) => setTimeout(r, 3 * CHECKPOINT_INTERVAL_MS));
      expect(inDatabaseFile(file, 'CKPT-MAIN-MARKER')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('closes its connection when the store closes: the last connection out removes the WAL', async () => {
    const file = join(root, 'closing.sqlite');
    const store = await saveMarked(file, 'CKPT-CLOSE-MARKER', { checkpointInWorker: true });
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(inDatabaseFile(file, 'CKPT-CLOSE-MARKER')).toBe(true);
  });

  it('keeps a process that only waits for the store to close alive until it has closed (no exit 13 from an unsettled await)', () => {
    const file = join(root, 'exit.sqlite');
    const script = `import { SqliteStore } from ${JSON.stringify(join(process.cwd(), 'src/store/sqliteStore.ts'))};
      const store = new SqliteStore(${JSON.stringify(file)}, { checkpointInWorker: true });
      await store.ping();
      await store.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'closed' });
  });
});
