import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { auditToCsv, auditToJsonl, formatSummary, summarizeAudit, type AuditFormat } from './auditExport.js';
import { openStore } from './openStore.js';

const USAGE = `Usage: npm run -s audit -- --since YYYY-MM-DD [--format csv|jsonl] [--summary] [--out FILE]
  Exports the audit trail (who pressed what, when; never typed text) from the configured store.
  --since    first day to include, e.g. 2026-01-01
  --format   csv (default) or jsonl
  --summary  counts: consults started, outcomes, feedback, hand-offs, median time to outcome
  --out      write to FILE instead of standard output`;

/** Runs the audit export CLI; returns the process exit code. */
export async function runAuditCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        summary: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const since = args.since ? new Date(args.since) : undefined;
  if (!since || Number.isNaN(since.getTime())) {
    console.error(`--since needs a date such as 2026-01-01\n${USAGE}`);
    return 2;
  }
  if (args.format !== 'csv' && args.format !== 'jsonl') {
    console.error(`--format must be csv or jsonl\n${USAGE}`);
    return 2;
  }
  const format: AuditFormat = args.format;
  // Logs would mix with the export on stdout; errors still reach stderr below.
  const store = await openStore(loadConfig(env), createLogger('silent'));
  try {
    const rows = await store.auditSince(since);
    const text = args.summary ? formatSummary(summarizeAudit(rows), format)
      : format === 'csv' ? auditToCsv(rows) : auditToJsonl(rows);
    if (args.out) writeFileSync(args.out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await runAuditCli(process.argv.slice(2));
} catch (err) {
  const e = err as Error;
  console.error(e.name === 'ConfigError' ? e.message : `audit export failed: ${e.message}`);
  process.exitCode = 1;
}
