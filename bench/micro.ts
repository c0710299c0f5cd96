import { composeView } from '../src/interaction/composeView.js';
import { Pathways } from '../src/interaction/pathways.js';
import { performance } from 'node:perf_hooks';
import { renderSlack } from '../src/channels/slack/renderSlack.js';
import { loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import type { ConsultEvent } from '../src/flow/buildMachine.js';
import { createFlowEngine, type FlowEngine, type PersistedConsult } from '../src/flow/engine.js';

/** Median of per-operation times (ms), each sample the mean over a small batch so the clock's resolution does not dominate. */
function medianMs(op: (i: number) => void, samples = 400, batch = 20): number {
  for (let i = 0; i < 200; i++) op(i); // warm-up: JIT and caches
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) op(s * batch + b);
    times.push((performance.now() - t0) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The first answer a view offers, as a machine event; undefined on an outcome. */
export function firstAnswer(engine: FlowEngine, consult: PersistedConsult, pick = 0): ConsultEvent | undefined {
  const view = engine.view(consult);
  if (view.kind !== 'question') return undefined;
  const options = view.question.options;
  return { type: 'ANSWER', questionId: view.question.id, optionId: options[pick % options.length].id };
}

/** Every (state, event) pair on a few complete paths, so the benchmark covers questions and outcomes. */
function transitionsOnPaths(engine: FlowEngine): Array<{ from: PersistedConsult; event: ConsultEvent }> {
  const pairs: Array<{ from: PersistedConsult; event: ConsultEvent }> = [];
  for (let pick = 0; pick < 4; pick++) {
    let c = engine.start();
    for (let guard = 0; guard < 30; guard++) {
      const event = firstAnswer(engine, c, pick);
      if (!event) break;
      const r = engine.apply(c, event);
      if (!r.ok) break;
      pairs.push({ from: c, event });
      c = r.next;
    }
  }
  return pairs;
}

const FAQ_QUESTIONS = [
  'why not a CT with contrast?', 'is gadolinium needed for the MRI?', 'what if the patient cannot have an MRI',
  'does a normal radiograph rule out discitis', 'when is nuclear medicine useful', 'hello', 'what about FDG PET',
  'can I do a biopsy first', 'epidural abscess with neuro deficit', 'what is the radiation dose',
];

/** Micro-benchmarks: one transition + Slack render, one FAQ query (medians in ms). */
export function runMicro(): { transitionRenderMs: number; faqQueryMs: number; transitions: number } {
  const engine = createFlowEngine(loadContent());
  const faq = createFaqIndex(engine.content);
  const pathway = Pathways.of(engine).list()[0];
  const pairs = transitionsOnPaths(engine);
  const transitionRenderMs = medianMs((i) => {
    const { from, event } = pairs[i % pairs.length];
    const r = engine.apply(from, event);
    if (!r.ok) throw new Error('transition refused');
    renderSlack(composeView(pathway, { snapshot: r.next }, { radiology: false }), 'bench-consult');
  });
  const faqQueryMs = medianMs((i) => { faq.ask(FAQ_QUESTIONS[i % FAQ_QUESTIONS.length]); }, 200, 10);
  return { transitionRenderMs, faqQueryMs, transitions: pairs.length };
}

if (process.argv[1]?.endsWith('micro.ts')) console.log(runMicro());
