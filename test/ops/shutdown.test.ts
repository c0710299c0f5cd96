import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../bench/slackStandIn.js';
import { BENCH_SECRET, SignedPoster, answerButtons, clickRequest, commandRequest } from '../../bench/slackTraffic.js';
import { SQLITE_FILE } from '../../src/store/openStore.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { spawnServer, type SpawnedServer } from './spawnServer.js';

let standIn: SlackStandIn;
beforeAll(async () => { standIn = await new SlackStandIn().start(); });
afterAll(() => standIn.stop());

/** The server's consult as saved on disk: the record, its snapshot and its audit trail must agree. */
function savedConsult(dataDir: string) {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  const row = db.prepare('SELECT id, step, snapshot, version FROM consults').get() as { id: string; step: number; snapshot: string; version: number };
  const trail = db.prepare('SELECT seq, to_step AS toStep FROM audit WHERE consult_id = ? ORDER BY seq').all(row.id) as Array<{ seq: number; toStep: number }>;
  db.close();
  return { step: row.step, snapshotStep: (JSON.parse(row.snapshot) as { context: { step: number } }).context.step, lastAuditStep: trail.at(-1)!.toStep, clicks: trail.length - 1, version: row.version };
}

/** Starts the real server, types the command and waits until the consult's message ts is stored. */
async function startConsult(dataDir: string): Promise<{ server: SpawnedServer; poster: SignedPoster; click: () => Promise<number> }> {
  const server = await spawnServer({
    DATA_DIR: dataDir, NODE_ENV: 'production', TEAMS_ENABLED: 'false', LOG_LEVEL: 'info',
    SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_BOT_TOKEN: 'xoxb-shutdown-test', SLACK_API_URL: `${standIn.url}/api/`,
  });
  const poster = new SignedPoster(server.url, 4);
  const posted = standIn.next('C1');
  expect(await poster.post(commandRequest('U1', 'C1', `${standIn.url}/hooks`))).toBe(200);
  const first = (await posted).message;
  // The bot stores the message ts right after chat.postMessage returns; a person reads first.
  await new Promise((r) => setTimeout(r, 200));
  const button = answerButtons(first.blocks)[0];
  return { server, poster, click: () => poster.post(clickRequest('U1', 'C1', first.ts, first.blocks, button, `${standIn.url}/hooks`)) };
}

describe('graceful shutdown (SIGTERM to the npm start entry)', () => {
  it('finishes a click whose Slack update is in flight, then closes the store and exits 0', async () => {
    const dataDir = tempDataDir();
    const { server, poster, click } = await startConsult(dataDir);
    standIn.holdUpdatesMs = 400;
    let updateArrived = 0;
    standIn.onCall = (method) => {
      // The click is saved and its chat.update is on the wire: stop the server now.
      if (method === 'chat.update' && !updateArrived++) server.proc.kill('SIGTERM');
    };
    const updated = standIn.next('C1');
    expect(await click()).toBe(200);
    const t0 = Date.now();
    expect(await server.exited).toBe(0);
    standIn.onCall = undefined;
    standIn.holdUpdatesMs = 0;
    expect(updateArrived).toBe(1);
    // The process waited for Slack's answer to the update before it exited.
    expect((await updated).method).toBe('chat.update');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(server.stdout()).toContain('shut down cleanly');
    poster.close();
    const saved = savedConsult(dataDir);
    expect(saved).toEqual({ step: 1, snapshotStep: 1, lastAuditStep: 1, clicks: 1, version: 2 });
  });

  it('leaves a click sent with the signal either saved or not applied, never half', async () => {
    const dataDir = tempDataDir();
    const { server, poster, click } = await startConsult(dataDir);
    const sent = click().catch(() => 0);
    server.proc.kill('SIGTERM');
    const status = await sent;
    expect(await server.exited).toBe(0);
    poster.close();
    const saved = savedConsult(dataDir);
    expect(saved.step).toBe(saved.snapshotStep);
    expect(saved.step).toBe(saved.lastAuditStep);
    // Answered (200, one click saved) or refused before it was read (connection closed, nothing saved).
    expect(saved.clicks).toBe(status === 200 ? 1 : 0);
  });
});
