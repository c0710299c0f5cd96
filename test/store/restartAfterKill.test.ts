import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { testEngine, testPathways } from './storeHarness.js';

const here = dirname(fileURLToPath(import.meta.url));
const LOOP = join(here, 'fixtures', 'answerLoop.ts');
const dir = mkdtempSync(join(tmpdir(), 'spine-kill-'));
const file = join(dir, 'consults.sqlite');

/** Runs the answer loop and SIGKILLs it once it has printed `clicks` saved steps. */
function runAndKill(clicks: number, resumeId?: string): Promise<{ consult: string; steps: number[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOOP, file, ...(resumeId ? [resumeId] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let consult = '';
    const steps: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const msg = JSON.parse(line) as { consult?: string; step?: number };
        if (msg.consult) consult = msg.consult;
        if (msg.step !== undefined) steps.push(msg.step);
      }
      if (steps.length >= clicks && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`loop exited with ${code}: ${stderr}`));
      else resolve({ consult, steps, signal });
    });
  });
}

/** Checks the saved consult is whole: record, snapshot and audit agree on the step. */
async function expectConsistent(store: SqliteStore, id: string) {
  const record = (await store.get(id))!;
  const trail = (await store.auditSince(new Date(0))).filter((a) => a.consultId === id);
  const last = trail.at(-1)!;
  expect(record.snapshot.context.step).toBe(record.step);
  expect(last.toStep).toBe(record.step);
  expect(trail.map((a) => a.seq)).toEqual(trail.map((_, i) => i + 1));
  // One saved click = one version bump = one audit row, never one without the other.
  expect(record.version).toBe(trail.length - 1);
  expect(record.lastEventKey).toBe(`${last.fromStep}:${last.event}:loop-user`);
  expect(record.status).toBe('active');
  return record;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a consult survives kill -9 (SQLite)', () => {
  it('resumes at a consistent step after two SIGKILLs and can be finished', async () => {
    const first = await runAndKill(3 + Math.floor(Math.random() * 10));
    expect(first.signal).toBe('SIGKILL');
    let store = new SqliteStore(file);
    const afterFirst = await expectConsistent(store, first.consult);
    // Every step the loop reported was committed; at most the in-flight click may also have landed.
    expect(afterFirst.step).toBeGreaterThanOrEqual(first.steps.at(-1)!);
    expect(afterFirst.step).toBeLessThanOrEqual(first.steps.at(-1)! + 1);
    console.info(`kill -9 #1 after ${first.steps.length} reported clicks (last reported step ${first.steps.at(-1)}); reopened at step ${afterFirst.step}`);
    await store.close();

    const second = await runAndKill(3 + Math.floor(Math.random() * 10), first.consult);
    expect(second.consult).toBe(first.consult);
    expect(second.steps[0]).toBe(afterFirst.step + 1);
    store = new SqliteStore(file);
    const afterSecond = await expectConsistent(store, first.consult);
    expect(afterSecond.step).toBeGreaterThanOrEqual(second.steps.at(-1)!);
    console.info(`kill -9 #2 after ${second.steps.length} more clicks (resumed at step ${second.steps[0]}); reopened at step ${afterSecond.step}`);

    const service = new ConsultService({ store, pathways: testPathways(), ttlHours: 72 });
    const answers: Record<string, string> = {
      suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'none', post_op: 'no', region: 'lumbar',
      mri_contraindication: 'no', mri_result: 'negative',
    };
    for (let i = 0; i < 12; i++) {
      const record = (await store.get(first.consult))!;
      if (record.status !== 'active') break;
      const view = service.view(record);
      const data = view.kind === 'question'
        ? { action: 'answer' as const, consultId: record.id, step: record.step, questionId: view.question.id, optionId: answers[view.question.id] }
        : { action: 'record_result' as const, consultId: record.id, step: record.step };
      const result = await service.click({ actor: { channel: 'cli', workspace: 'local', userId: 'loop-user' }, data });
      expect(result.ok).toBe(true);
    }
    const done = (await store.get(first.consult))!;
    expect(done).toMatchObject({ status: 'finished', outcomeId: 'negative-revisit-differential' });
    const trail = (await store.auditSince(new Date(0))).filter((a) => a.consultId === done.id);
    expect(trail.at(-1)).toMatchObject({ event: 'answer:mri_result:negative', toStep: done.step, outcomeId: 'negative-revisit-differential' });
    await store.close();
  });
});
