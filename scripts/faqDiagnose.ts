/**
 * `tsx scripts/faqDiagnose.ts <set.yaml>...`: one row per case (tab-separated) with what the bot
 * showed and why (intent, learned ranker verdict, the ranker's probabilities), for studying which
 * answers are wrong. Refuses the frozen held-out sets: their per-question results are never written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { DECLINE_CLASS, createLearnedRanker, loadRankerWeights } from '../src/faq/learnedRanker.js';
import { FROZEN_FILES, verdictOf, type EvalCase } from '../test/faq/scoreSets.js';

const content = loadContent();
const faq = createFaqIndex(content);
const ranker = createLearnedRanker(loadRankerWeights(content.flow.rules)!);
console.log(['set', 'i', 'expect', 'shown', 'verdict', 'path', 'pShown', 'rankerTop', 'pTop', 'score', 'q'].join('\t'));
for (const file of process.argv.slice(2)) {
  if (FROZEN_FILES.has(basename(file))) throw new Error(`${file} is a frozen held-out set`);
  const cases = (parse(readFileSync(file, 'utf8')) as { cases: EvalCase[] }).cases;
  cases.forEach((c, i) => {
    const r = faq.ask(c.q);
    const shown = r.view.kind === 'faq' ? r.view.faqId : r.view.kind === 'faq-none' ? 'decline' : 'help';
    const answered = shown !== 'decline' && shown !== 'help';
    const verdict = verdictOf(c, shown);
    const path = r.intent ?? r.learned ?? r.unsure ?? 'search';
    const q = faq.normalise(c.q);
    const allowed = new Set([...faq.rank(c.q, 30).map((m) => m.faqId), DECLINE_CLASS]);
    const probs = ranker.probabilities(q, (cls) => allowed.has(cls));
    let top = DECLINE_CLASS;
    for (const cls of allowed) if ((probs.get(cls) ?? 0) > (probs.get(top) ?? 0)) top = cls;
    const p = (cls: string) => (probs.get(cls) ?? 0).toFixed(2);
    console.log([basename(file), i, c.expect, shown, verdict, path, answered ? p(shown) : '-', top, p(top), r.match?.score.toFixed(1) ?? '-', c.q].join('\t'));
  });
}
