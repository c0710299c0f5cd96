/**
 * `npm run faq:cv`: leave-one-set-out cross-validation of the learned ranker over the six tuning
 * sets. Per fold the ranker is trained on faq.yaml and the other five sets and the one left out
 * is scored with and without it (the rules are the same in both; they have seen every tuning set,
 * so a fold's "without" column is a tuning figure, not an unseen one). Never reads held-out v6.
 */
import { loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { askAll, formatFigures, score, type SetFigures } from '../test/faq/scoreSets.js';
import { rankerClasses, trainingExamples } from './faqRanker/examples.js';
import { trainSoftmax } from './faqRanker/trainSoftmax.js';
import { rankerTuningSets } from './faqRanker/tuningSets.js';

const content = loadContent();
const rulesOnly = createFaqIndex(content, { ranker: null });
const sets = rankerTuningSets();
const withRanker: SetFigures[] = [];
const without: SetFigures[] = [];
for (const fold of sets) {
  const others = sets.filter((s) => s !== fold).map((s) => s.cases);
  const weights = trainSoftmax(trainingExamples(content, rulesOnly, others), rankerClasses(content), []);
  const faq = createFaqIndex(content, { ranker: weights });
  const label = fold.name.replace(/ \(.*/, '');
  const a = askAll(rulesOnly, fold.cases);
  without.push(score(`${label}: rules`, fold.cases, a.shown, a.ranked));
  const b = askAll(faq, fold.cases);
  withRanker.push(score(`${label}: + ranker`, fold.cases, b.shown, b.ranked));
  console.error(`fold ${label} done`);
}
const total = (name: string, figs: SetFigures[]): SetFigures => {
  const sum = (k: keyof SetFigures) => figs.reduce((n, f) => n + (f[k] as number), 0);
  return { name, cases: sum('cases'), toDecline: sum('toDecline'), top1: sum('top1'), top3: sum('top3'), wrong: sum('wrong'), wrongPolarity: sum('wrongPolarity'), offTopicAnswered: sum('offTopicAnswered'), declined: sum('declined'), confusion: [] };
};
console.log(formatFigures([...without.flatMap((w, i) => [w, withRanker[i]]), total('all folds: rules', without), total('all folds: + ranker', withRanker)]));
