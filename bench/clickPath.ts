/**
 * The bot's own work per request without HTTP or Slack: N complete consults through the
 * production composition (ObservedConsultService with metrics and logs, record cache, SQLite,
 * composeView, Slack render and the JSON the Web API client would send), each request
 * inside a request context as the HTTP app runs it. Prints microseconds per request as JSON.
 * Profile it: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/clickPath.ts 3000`;
 * count instructions: `valgrind --tool=callgrind node --import tsx bench/clickPath.ts 3000`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SlackMessageMemo } from '../src/channels/slack/messageMemo.js';
import { RecordCache } from '../src/consult/recordCache.js';
import { composeView } from '../src/interaction/composeView.js';
import { Pathways } from '../src/interaction/pathways.js';
import { loadContent } from '../src/content/loadContent.js';
import { createFlowEngine } from '../src/flow/engine.js';
import { createLogger, logDestination } from '../src/log/logger.js';
import { runWithContext } from '../src/log/requestContext.js';
import { createMetrics } from '../src/ops/metrics.js';
import { ObservedConsultService } from '../src/ops/observedService.js';
import { ObservedStore } from '../src/ops/observedStore.js';
import { SqliteStore } from '../src/store/sqliteStore.js';
import { pino } from 'pino';

const total = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'spine-clickpath-'));
const engine = createFlowEngine(loadContent());
const metrics = createMetrics();
const logger = createLogger('info', logDestination('/dev/null'));
const store = new ObservedStore(new SqliteStore(join(dir, 'clicks.sqlite')), metrics);
const pathways = Pathways.of(engine);
const pathway = pathways.list()[0];
const service = new ObservedConsultService({ store, pathways, ttlHours: 72, cache: new RecordCache() }, metrics, logger);
const memo = new SlackMessageMemo();
let sent = 0;
/** What leaves the process: the message as the Web API client sends it (ConsultDelivery's memo). */
const send = (blocks: string) => { sent += blocks.length; };

async function oneConsult(n: number): Promise<number> {
  let requests = 1;
  let { record, view } = await runWithContext(() => service.start({ channel: 'slack', workspace: 'T1', conversation: `C${n}`, ownerId: `U${n}` }));
  send(memo.render(composeView(pathway, record, { radiology: true }), record.id).blocks);
  record = await service.attachMessage(record, `1700000000.${n}`);
  while (view.kind === 'question') {
    const options = view.question.options;
    const option = options[n % options.length];
    const data = { action: 'answer' as const, questionId: view.question.id, optionId: option.id, consultId: record.id, step: record.step };
    const result = await runWithContext(() => service.click({ actor: { channel: 'slack', workspace: 'T1', userId: record.ownerId }, data }));
    if (!result.ok) throw new Error(`click refused: ${result.reason}`);
    ({ record, view } = result);
    send(memo.render(composeView(pathway, record, { radiology: true }), record.id).blocks);
    requests++;
  }
  return requests;
}

let requests = 0;
for (let n = 0; n < 200; n++) await oneConsult(n); // warm-up
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let n = 200; n < 200 + total; n++) requests += await oneConsult(n);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ consults: total, requests, usPerRequest: Math.round((ms * 1000) / requests), cpuUsPerRequest: Math.round((cpu.user + cpu.system) / requests), bytesSent: sent }));
