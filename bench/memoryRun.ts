import { composeView } from '../src/interaction/composeView.js';
import { Pathways } from '../src/interaction/pathways.js';
/**
 * Memory with finished consults: runs N complete consults through the real ConsultService and
 * SQLite store (no HTTP, so 10,000 fit in the bench's time budget), rendering every view as the
 * Slack adapter does, and prints RSS after the first 1,000 and after all of them as JSON.
 * Run as a child process by bench/run.ts: `node --expose-gc --import tsx bench/memoryRun.ts DIR N`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderSlack } from '../src/channels/slack/renderSlack.js';
import { ConsultService } from '../src/consult/consultService.js';
import { RecordCache } from '../src/consult/recordCache.js';
import { loadContent } from '../src/content/loadContent.js';
import { createFlowEngine } from '../src/flow/engine.js';
import { SqliteStore } from '../src/store/sqliteStore.js';

const [dir, countArg] = process.argv.slice(2);
const total = Number(countArg ?? 10_000);
const engine = createFlowEngine(loadContent());
const store = new SqliteStore(join(dir, 'memory.sqlite'));
const pathways = Pathways.of(engine);
const pathway = pathways.list()[0];
const service = new ConsultService({ store, pathways, ttlHours: 72, cache: new RecordCache() });
const gc = (globalThis as { gc?: () => void }).gc;
const rssMb = () => { gc?.(); return process.memoryUsage().rss / 2 ** 20; };

async function oneConsult(n: number): Promise<void> {
  let { record, view } = await service.start({ channel: 'slack', workspace: 'T1', conversation: `C${n}`, ownerId: `U${n}` });
  renderSlack(composeView(pathway, record, { radiology: false }), record.id);
  record = await service.attachMessage(record, `1700000000.${n}`);
  while (view.kind === 'question') {
    const options = view.question.options;
    const option = options[Math.floor(Math.random() * options.length)];
    const result = await service.click({ actor: { channel: 'slack', workspace: 'T1', userId: record.ownerId }, data: { action: 'answer', questionId: view.question.id, optionId: option.id, consultId: record.id, step: record.step } });
    if (!result.ok) throw new Error(`click refused: ${result.reason}`);
    ({ record, view } = result);
    renderSlack(composeView(pathway, record, { radiology: false }), record.id);
  }
}

const start = performance.now();
const marks: Record<string, number> = { startMb: rssMb() };
for (let n = 1; n <= total; n++) {
  await oneConsult(n);
  if (n === 1000) marks.after1000Mb = rssMb();
}
marks.afterAllMb = rssMb();
await store.close();
console.log(JSON.stringify({ ...marks, consults: total, seconds: (performance.now() - start) / 1000 }));
