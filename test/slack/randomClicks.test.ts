import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEvent, eventName, ClickDataSchema } from '../../src/consult/clickData.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { ConsultRecord } from '../../src/store/types.js';
import { SlackHarness } from './harness.js';

const engine = createFlowEngine(loadContent());
const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });

const qids = engine.content.flow.questions.map((q) => q.id);
const answerIds = engine.content.flow.questions.flatMap((q) => q.options.map((o) => `answer:${q.id}:${o.id}`));
const actionId = fc.oneof(
  { arbitrary: fc.nat({ max: 3 }).map((n) => `$option:${n}`), weight: 3 },
  fc.constantFrom(...answerIds, 'control:back', 'control:restart', 'control:cancel', 'control:record_result', ...qids.map((q) => `control:change:${q}`)),
  fc.constantFrom('answer:suspicion:maybe', 'answer:nope:yes', 'control:explode', 'faq:', 'answer::', 'control:change:'),
  fc.string({ maxLength: 40 }),
);

/** What the service would do with this click, computed independently from the engine. */
function expectedNext(record: ConsultRecord, user: string, actionIdValue: string, value: unknown) {
  const [kind, a, b] = actionIdValue.split(':');
  const fields = kind === 'answer' ? { action: 'answer', questionId: a, optionId: b }
    : kind === 'control' && a === 'change' ? { action: 'change', questionId: b }
    : kind === 'control' ? { action: a } : undefined;
  const parsedValue = (() => { try { return JSON.parse(String(value)); } catch { return undefined; } })();
  if (!fields || !parsedValue || typeof parsedValue !== 'object' || Object.keys(parsedValue).sort().join() !== 'c,s') return undefined;
  const data = ClickDataSchema.safeParse({ ...fields, consultId: parsedValue.c, step: parsedValue.s });
  if (!data.success || data.data.consultId !== record.id || user !== record.ownerId || data.data.step !== record.step) return undefined;
  const event = toEvent(data.data);
  if (!event || record.status !== 'active') return undefined;
  if (record.lastEventKey === `${data.data.step}:${eventName(event)}:${user}`) return undefined;
  const r = engine.apply(record.snapshot, event);
  return r.ok ? r.next : undefined;
}

describe('random block_actions', () => {
  it('change a consult only when the click is valid, and never crash the server', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            actionId,
            user: fc.constantFrom('UP', 'UP', 'UQ'),
            value: fc.oneof(
              { arbitrary: fc.constant('$current'), weight: 3 },
              fc.record({ s: fc.integer({ min: -1, max: 12 }), c: fc.constantFrom('$id', 'other-id', '') }).map((v) => JSON.stringify(v)),
              fc.constant('$current'),
              fc.string({ maxLength: 30 }),
            ),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (clicks) => {
          await h.command('', 'UP', 'CP');
          const msg = h.latest();
          const id = (await h.server.store.recentByOwner('slack', 'T1', 'UP', 1))[0].id;
          for (const click of clicks) {
            const before = (await h.server.store.get(id))!;
            const options = engine.content.flow.questions.find((q) => q.id === before.snapshot.value)?.options ?? [];
            const pick = /^\$option:(\d)$/.exec(click.actionId);
            const actionIdValue = pick ? `answer:${before.snapshot.value}:${options[Number(pick[1]) % Math.max(1, options.length)]?.id ?? 'none'}` : click.actionId;
            const value = click.value === '$current' ? JSON.stringify({ c: id, s: before.step }) : click.value.replace('$id', id);
            const res = await h.sendAction(h.actionPayload(msg, { action_id: actionIdValue, value }, click.user));
            expect(res.status).toBe(200);
            const after = (await h.server.store.get(id))!;
            const next = expectedNext(before, click.user, actionIdValue, value);
            if (next) {
              expect(after.snapshot).toEqual(next);
              expect(after.version).toBe(before.version + 1);
              applied++;
            } else {
              expect(after).toEqual(before);
            }
          }
        },
      ),
      { numRuns: 60, seed: 20260529 },
    );
    // The generator must also produce valid clicks, or the property says nothing about them.
    expect(applied).toBeGreaterThan(10);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
