/**
 * `npm run faq:eval`: the FAQ's figures on the tuning set, held-out v1 to v5 (all tuning data
 * now, with v6 to v8, v10 and t7a-t10c) and the frozen held-out v9, v11, v12 and v13 side by side, and the confusion list written to
 * test-output/faq-confusion.md (test-output/ is gitignored; the frozen sets get miss counts only).
 * `--tuning-only` leaves them out entirely (not asked, not printed, not in the confusion list):
 * use it while tuning, so the frozen sets stay unseen until the final measurement.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { askAll, formatConfusion, formatFigures, frozenSets, score } from '../test/faq/scoreSets.js';
import { rankerTuningSets } from './faqRanker/tuningSets.js';

const tuningOnly = process.argv.includes('--tuning-only');
const unknown = process.argv.slice(2).filter((a) => a !== '--tuning-only');
if (unknown.length > 0) {
  console.error(`faq:eval: unknown argument ${unknown[0]} (the only option is --tuning-only)`);
  process.exit(2);
}
const faq = createFaqIndex(loadContent());
const chosen = rankerTuningSets();
if (!tuningOnly) chosen.push(...frozenSets());
const sets = chosen.map(({ name, cases }) => {
  const { shown, ranked } = askAll(faq, cases);
  return score(name, cases, shown, ranked);
});
console.log(formatFigures(sets));
const out = join(PROJECT_ROOT, 'test-output', 'faq-confusion.md');
mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
writeFileSync(out, formatConfusion(sets));
console.log(`\nconfusion list: test-output/faq-confusion.md (gitignored)${tuningOnly ? '; frozen held-out sets left out (--tuning-only)' : ''}`);
