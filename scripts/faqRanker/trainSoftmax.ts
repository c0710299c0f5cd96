/**
 * Trains the learned ranker's weights (src/faq/learnedRanker.ts): multinomial logistic regression
 * with L2 over questionFeatures, full-batch gradient descent with AdaGrad steps from zero weights,
 * examples in the order given and features sorted: the same examples always give the same weights.
 * Written here rather than taken from a library because the features are sparse (tens of thousands,
 * about 150 per question) and the dense matrix libraries on npm would hold every zero.
 */
import { questionFeatures } from '../../src/faq/questionFeatures.js';
import type { RankerWeights } from '../../src/faq/learnedRanker.js';

/** One training question (already normalised as the FAQ reads it) and its class. */
export interface Example {
  text: string;
  label: string;
}

/** Training settings. */
export interface TrainOptions {
  /** L2 penalty per weight (on the mean loss). */
  l2: number;
  /** Full-batch steps. */
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** A feature must occur in at least this many examples. */
  minCount: number;
  /** Weights smaller than this (in absolute value) are dropped from the shipped file. */
  prune: number;
}

/** The settings `npm run faq:train` and `npm run faq:cv` use. */
export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = Object.freeze({ l2: 1e-4, epochs: 300, rate: 0.3, minCount: 2, prune: 0.1 });

/** Trains weights for `classes` (every example's label must be one of them). */
export function trainSoftmax(examples: readonly Example[], classes: readonly string[], trainedOn: string[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): RankerWeights {
  const K = classes.length;
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  const featsOf = examples.map((e) => questionFeatures(e.text));
  const count = new Map<string, number>();
  for (const fs of featsOf) for (const f of fs) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count.keys()].filter((f) => (count.get(f) ?? 0) >= opts.minCount).sort();
  const fIndex = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((e, n) => {
    const label = classIndex.get(e.label);
    if (label === undefined) throw new Error(`training example ${n} has an unknown class "${e.label}"`);
    const feats = featsOf[n];
    return { label, idx: feats.map((f) => fIndex.get(f)).filter((i): i is number => i !== undefined), scale: 1 / Math.sqrt(Math.max(1, feats.length)) };
  });
  const V = vocab.length;
  const W = new Float64Array(V * K);
  const b = new Float64Array(K);
  const HW = new Float64Array(V * K);
  const Hb = new Float64Array(K);
  const N = rows.length;
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const GW = new Float64Array(V * K);
    const Gb = new Float64Array(K);
    for (const r of rows) {
      logits.set(b);
      for (const i of r.idx) for (let k = 0; k < K; k++) logits[k] += W[i * K + k] * r.scale;
      let top = -Infinity;
      for (let k = 0; k < K; k++) top = Math.max(top, logits[k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (logits[k] = Math.exp(logits[k] - top));
      for (let k = 0; k < K; k++) {
        const g = logits[k] / sum - (k === r.label ? 1 : 0);
        Gb[k] += g / N;
        for (const i of r.idx) GW[i * K + k] += (g * r.scale) / N;
      }
    }
    for (let j = 0; j < V * K; j++) {
      const g = GW[j] + opts.l2 * W[j];
      HW[j] += g * g;
      W[j] -= (opts.rate * g) / (Math.sqrt(HW[j]) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      Hb[k] += Gb[k] * Gb[k];
      b[k] -= (opts.rate * Gb[k]) / (Math.sqrt(Hb[k]) + 1e-8);
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const weights: RankerWeights['weights'] = {};
  vocab.forEach((f, i) => {
    const flat: number[] = [];
    for (let k = 0; k < K; k++) if (Math.abs(W[i * K + k]) >= opts.prune) flat.push(k, round(W[i * K + k]));
    if (flat.length > 0) weights[f] = flat;
  });
  return { schemaVersion: 1, trainedOn, classes: [...classes], bias: [...b].map(round), weights };
}
