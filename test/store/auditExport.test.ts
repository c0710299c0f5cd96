import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import type { ClickData } from '../../src/consult/clickData.js';
import { auditToCsv, auditToJsonl, formatSummary, summarizeAudit } from '../../src/store/auditExport.js';
import { SQLITE_FILE } from '../../src/store/openStore.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import type { AuditRow } from '../../src/store/types.js';
import { testEngine, testPathways } from './storeHarness.js';

const run = promisify(execFile);
const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/store/auditCli.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'spine-audit-'));
const T0 = Date.parse('2026-03-01T09:00:00.000Z');
let minute = 0;
let store: SqliteStore;
let done = '';
let cancelled = '';
let version = '';

/** Runs the audit CLI as `npm run audit` would, against DATA_DIR. */
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });

beforeAll(async () => {
  store = new SqliteStore(join(dataDir, SQLITE_FILE));
  const service = new ConsultService({ store, pathways: testPathways(), ttlHours: 72, now: () => new Date(T0 + minute * 60_000) });
  version = testEngine().content.flow.version;
  const click = async (id: string, data: Omit<ClickData, 'consultId' | 'step'>, at: number) => {
    minute = at;
    const record = (await store.get(id))!;
    const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U7' }, data: { ...data, consultId: id, step: record.step } });
    if (!result.ok) throw new Error(result.reason);
  };
  const a = await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U7' });
  done = a.record.id;
  await click(done, { action: 'answer', questionId: 'suspicion', optionId: 'yes' }, 1);
  await click(done, { action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal' }, 2);
  await click(done, { action: 'answer', questionId: 'neuro', optionId: 'severe' }, 5);
  minute = 10;
  cancelled = (await service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U7' })).record.id;
  await click(cancelled, { action: 'cancel' }, 11);
});
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('audit export', () => {
  let rows: AuditRow[];
  beforeAll(async () => { rows = await store.auditSince(new Date('2026-01-01')); });

  it('writes the known consults as CSV', () => {
    expect(auditToCsv(rows)).toBe([
      'consult_id,seq,at,user_id,event,from_step,to_step,outcome_id,channel,flow_version',
      `${done},1,2026-03-01T09:00:00.000Z,U7,start,0,0,,slack,${version}`,
      `${done},2,2026-03-01T09:01:00.000Z,U7,answer:suspicion:yes,0,1,,slack,${version}`,
      `${done},3,2026-03-01T09:02:00.000Z,U7,answer:prior_imaging:abnormal,1,2,,slack,${version}`,
      `${done},4,2026-03-01T09:05:00.000Z,U7,answer:neuro:severe,2,3,emergent-neuro-deficit,slack,${version}`,
      `${cancelled},1,2026-03-01T09:10:00.000Z,U7,start,0,0,,slack,${version}`,
      `${cancelled},2,2026-03-01T09:11:00.000Z,U7,cancel,0,1,,slack,${version}`,
      '',
    ].join('\r\n'));
  });

  it('writes the same rows as JSON Lines', () => {
    const lines = auditToJsonl(rows).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
    expect(JSON.parse(lines[3])).toEqual({
      consult_id: done, seq: 4, at: '2026-03-01T09:05:00.000Z', user_id: 'U7', event: 'answer:neuro:severe',
      from_step: 2, to_step: 3, outcome_id: 'emergent-neuro-deficit', channel: 'slack', flow_version: version,
    });
    expect(lines.slice(0, 6).map((l) => JSON.parse(l).event)).toEqual([
      'start', 'answer:suspicion:yes', 'answer:prior_imaging:abnormal', 'answer:neuro:severe', 'start', 'cancel',
    ]);
  });

  it('summarises outcome counts and the median time to an outcome', () => {
    const summary = summarizeAudit(rows);
    expect(summary).toEqual({
      started: 2, outcomes: { 'emergent-neuro-deficit': 1 }, cancelled: 1, expired: 0, medianMinutesToOutcome: 5,
      feedback: {}, handoffs: { requested: 0, claimed: 0 },
    });
    expect(formatSummary(summary, 'csv')).toBe(
      'metric,key,value\r\nstarted,,2\r\noutcome,emergent-neuro-deficit,1\r\ncancelled,,1\r\nexpired,,0\r\nmedian_minutes_to_outcome,,5\r\n'
      + 'handoff_requested,,0\r\nhandoff_claimed,,0\r\n');
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    const odd: AuditRow = { ...rows[0], userId: '=HYPERLINK("x")', flowVersion: 'a,b' };
    expect(auditToCsv([odd]).split('\r\n')[1]).toBe(`${done},1,2026-03-01T09:00:00.000Z,"'=HYPERLINK(""x"")",start,0,0,,slack,"a,b"`);
  });

  it('exports through the CLI from the configured store', async () => {
    const csv = await cli(['--since', '2026-01-01', '--format', 'csv']);
    expect(csv.stdout).toBe(auditToCsv(rows));
    const jsonl = await cli(['--since', '2026-03-01T09:05:00Z', '--format', 'jsonl']);
    expect(jsonl.stdout).toBe(auditToJsonl(rows.slice(3)));
    const summary = await cli(['--since', '2026-01-01', '--format', 'jsonl', '--summary']);
    expect(JSON.parse(summary.stdout)).toEqual(summarizeAudit(rows));
    const out = join(dataDir, 'export.csv');
    await cli(['--since', '2026-01-01', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(auditToCsv(rows));
  });

  it('explains bad arguments with exit code 2', async () => {
    await expect(cli(['--since', 'yesterday'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--since needs a date') });
    await expect(cli(['--since', '2026-01-01', '--format', 'xml'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be csv or jsonl') });
  });
});
