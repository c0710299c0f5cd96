/**
 * `npm run faq:bench`: time per FAQ question (identifier scan, shorthand, state, intents, search,
 * decision) over both evaluation sets, after a warm-up. Prints the median and p95; the target is a
 * median under 0.5 ms. A benchmark, not a test: timings depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { heldOutSet, tuningSet } from '../test/faq/scoreSets.js';

const faq = createFaqIndex(loadContent());
const questions = [...tuningSet(), ...heldOutSet()].map((c) => c.q);
const ROUNDS = 20;
for (const q of questions) faq.ask(q);
const times: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const t0 = performance.now();
    faq.ask(q);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`FAQ query time over ${questions.length} questions x ${ROUNDS}: median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms (target: median < 0.5 ms)`);
