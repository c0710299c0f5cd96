/**
 * `npm run faq:eval`: the FAQ's figures on the tuning set and the frozen held-out set side by side,
 * and the confusion list written to test-output/faq-confusion.md (test-output/ is gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadContent } from '../src/content/loadContent.js';
import { createFaqIndex, type FaqIndex } from '../src/faq/faqIndex.js';
import { formatConfusion, formatFigures, heldOutSet, score, tuningSet, type EvalCase } from '../test/faq/scoreSets.js';

/** What the bot shows for each case (entry id, "decline" or "help") and its top-3 ranking. */
export function run(faq: FaqIndex, cases: readonly EvalCase[]) {
  const shown = cases.map((c) => {
    const { view } = faq.ask(c.q);
    return view.kind === 'faq' ? view.faqId : view.kind === 'faq-none' ? 'decline' : 'help';
  });
  const ranked = cases.map((c) => faq.rank(c.q, 3).map((m) => m.faqId));
  return { shown, ranked };
}

const faq = createFaqIndex(loadContent());
const sets = ([['tuning', tuningSet()], ['held-out (frozen)', heldOutSet()]] as const).map(([name, cases]) => {
  const { shown, ranked } = run(faq, cases);
  return score(name, cases, shown, ranked);
});
console.log(formatFigures(sets));
const out = join(PROJECT_ROOT, 'test-output', 'faq-confusion.md');
mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
writeFileSync(out, formatConfusion(sets));
console.log(`\nconfusion list: test-output/faq-confusion.md (gitignored)`);
