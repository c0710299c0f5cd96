/**
 * `npm run faq:eval`: the FAQ's figures on the tuning set and the frozen held-out set side by side,
 * and the confusion list written to test-output/faq-confusion.md (test-output/ is gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { askAll, formatConfusion, formatFigures, heldOutSet, score, tuningSet } from '../test/faq/scoreSets.js';

const faq = createFaqIndex(loadContent());
const sets = ([['tuning', tuningSet()], ['held-out (frozen)', heldOutSet()]] as const).map(([name, cases]) => {
  const { shown, ranked } = askAll(faq, cases);
  return score(name, cases, shown, ranked);
});
console.log(formatFigures(sets));
const out = join(PROJECT_ROOT, 'test-output', 'faq-confusion.md');
mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
writeFileSync(out, formatConfusion(sets));
console.log(`\nconfusion list: test-output/faq-confusion.md (gitignored)`);
