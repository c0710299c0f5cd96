import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { saturation, type LoadTarget } from './loadModes.js';
import { cpuMs, startChild, stopChild } from './processes.js';
import type { SignedPoster } from './slackTraffic.js';
import type { RunStats } from './stats.js';

/** One saturation run against two bot instances sharing one PostgreSQL database. */
export interface PgRun { clinicians: number; sat: RunStats; cpuPerRequestMs: number }

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates a throwaway database on the server of `adminUrl` (TEST_DATABASE_URL), starts two bots
 * on it (each with its own record cache), sends requests to them in turn, and drops the database.
 */
export async function pgRuns(
  adminUrl: string, env: Record<string, string>, logFile: (i: number) => string,
  target: (urls: string[]) => LoadTarget & { poster: SignedPoster }, clinicians: number[], seconds: number, warmupS: number,
): Promise<PgRun[]> {
  const db = `spine_bench_${randomBytes(5).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${db}`);
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  const bots = [];
  try {
    // One after the other: the second finds the schema migrated (both at once is tested elsewhere).
    for (let i = 0; i < 2; i++) bots.push(await startChild('src/main.ts', { ...env, DATABASE_URL: url.toString() }, logFile(i)));
    const t = target(bots.map((b) => b.url));
    const out: PgRun[] = [];
    for (const n of clinicians) {
      await saturation(t, n, warmupS);
      const cpu0 = bots.reduce((a, b) => a + cpuMs(b.proc.pid!), 0);
      const sat = await saturation(t, n, seconds);
      const cpu = bots.reduce((a, b) => a + cpuMs(b.proc.pid!), 0) - cpu0;
      out.push({ clinicians: n, sat, cpuPerRequestMs: cpu / sat.requests });
    }
    t.poster.close();
    return out;
  } finally {
    for (const b of bots) await stopChild(b.proc);
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}
