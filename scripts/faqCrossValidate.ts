/**
 * `npm run faq:cv`: leave-one-set-out cross-validation of the learned ranker over the tuning sets.
 * Per fold the ranker is trained on faq.yaml and the other sets and the one left out is scored
 * without it, and with it at each support threshold asked (`--support 0.1,0.15,0.2`; default: the
 * one in use). The rules are the same in every column and have seen every tuning set, so a fold's
 * "rules" column is a tuning figure, not an unseen one. Never reads the frozen held-out v9, v11, v12 or v13.
 */
import { loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { DEFAULT_ARBITER_RULE } from '../src/faq/rankerArbiter.js';
import { askAll, formatFigures, score, type SetFigures } from '../test/faq/scoreSets.js';
import { rankerClasses, trainingExamples } from './faqRanker/examples.js';
import { trainSoftmax } from './faqRanker/trainSoftmax.js';
import { rankerTuningSets } from './faqRanker/tuningSets.js';

const arg = process.argv.indexOf('--support');
const given = arg > 0 ? (process.argv[arg + 1] ?? '').split(',') : [String(DEFAULT_ARBITER_RULE.support)];
const supports = given.map((v) => (v.trim() === '' ? NaN : Number(v)));
if (supports.some((s) => !(s >= 0 && s <= 1))) {
  console.error(`faq:cv: --support takes probabilities between 0 and 1, comma-separated (e.g. 0.1,0.15); got "${given.join(',')}"`);
  process.exit(2);
}
const content = loadContent();
const rulesOnly = createFaqIndex(content, { ranker: null });
const sets = rankerTuningSets();
const columns = [{ label: 'rules', figs: [] as SetFigures[] }, ...supports.map((s) => ({ label: `+ ranker, support ${s}`, figs: [] as SetFigures[] }))];
for (const fold of sets) {
  const others = sets.filter((s) => s !== fold).map((s) => s.cases);
  const weights = trainSoftmax(trainingExamples(content, rulesOnly, others), rankerClasses(content), []);
  const label = fold.name.replace(/ \(.*/, '');
  const a = askAll(rulesOnly, fold.cases);
  columns[0].figs.push(score(`${label}: rules`, fold.cases, a.shown, a.ranked));
  supports.forEach((support, i) => {
    const b = askAll(createFaqIndex(content, { ranker: weights, arbiter: { support } }), fold.cases);
    columns[i + 1].figs.push(score(`${label}: ${columns[i + 1].label}`, fold.cases, b.shown, b.ranked));
  });
  console.error(`fold ${label} done`);
}
const total = (name: string, figs: SetFigures[]): SetFigures => {
  const sum = (k: keyof SetFigures) => figs.reduce((n, f) => n + (f[k] as number), 0);
  return { name, cases: sum('cases'), toDecline: sum('toDecline'), top1: sum('top1'), top3: sum('top3'), wrong: sum('wrong'), wrongPolarity: sum('wrongPolarity'), offTopicAnswered: sum('offTopicAnswered'), declined: sum('declined'), confusion: [] };
};
console.log(formatFigures(sets.flatMap((_, f) => columns.map((c) => c.figs[f]))));
console.log(`\nall folds:\n${formatFigures(columns.map((c) => total(`all folds: ${c.label}`, c.figs)))}`);
