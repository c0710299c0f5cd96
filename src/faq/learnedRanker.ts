/**
 * The learned ranker: a multinomial logistic regression over questionFeatures, trained by
 * `npm run faq:train` on the FAQ's own phrasings and the tuning question sets, its weights shipped
 * as data (rules/<flow>/faq-ranker.json). Inference is a sparse dot product and a softmax; nothing
 * is downloaded or learned at run time, and the question is never stored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../content/loadContent.js';
import { ContentError } from '../flow/parseContent.js';
import { questionFeatures } from './questionFeatures.js';

/** The class the ranker gives a question no entry answers. */
export const DECLINE_CLASS = 'decline';

/** faq-ranker.json: classes, a bias per class, and per feature its non-zero weights as a flat list of class index, weight, class index, weight ... */
export const RankerWeightsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  trainedOn: z.array(z.string()),
  classes: z.array(z.string().min(1)).min(2),
  bias: z.array(z.number()),
  weights: z.record(z.string(), z.array(z.number()).refine((a) => a.length % 2 === 0 && a.every((v, i) => i % 2 === 1 || (Number.isInteger(v) && v >= 0)), 'pairs of a class index and a weight')),
});

/** Trained ranker weights (see {@link RankerWeightsSchema}). */
export type RankerWeights = z.infer<typeof RankerWeightsSchema>;

/** A ranker ready to score questions. */
export interface LearnedRanker {
  /** The classes it knows: faq ids and {@link DECLINE_CLASS}. */
  classes: readonly string[];
  /** Probability per class for a normalised question, over `allowed` classes only when given. */
  probabilities(text: string, allowed?: (cls: string) => boolean): Map<string, number>;
}

/** Builds a ranker from weights; throws ContentError when the bias does not match the classes. */
export function createLearnedRanker(w: RankerWeights): LearnedRanker {
  // Only these are kept: the sparse weights are not needed once the dense rows are built.
  const { classes, bias } = w;
  if (bias.length !== classes.length) throw new ContentError(`faq-ranker.json: bias has ${bias.length} values for ${classes.length} classes`);
  // Dense rows (a feature's weight for every class, zeros included) make the dot product a tight
  // loop; adding a zero leaves a sum unchanged, so the logits are exactly the sparse ones.
  const n = classes.length;
  const features = Object.entries(w.weights);
  const rows = new Map<string, number>();
  const dense = new Float64Array(features.length * n);
  for (const [feature, flat] of features) {
    const at = rows.size * n;
    rows.set(feature, at);
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] >= n) throw new ContentError(`faq-ranker.json: weights."${feature}" names a class index beyond the ${n} classes`);
      dense[at + flat[i]] += flat[i + 1];
    }
  }
  return {
    classes,
    probabilities(text, allowed = () => true) {
      const feats = questionFeatures(text);
      const scale = feats.length > 0 ? 1 / Math.sqrt(feats.length) : 0;
      const logits = [...bias];
      for (const f of feats) {
        const at = rows.get(f);
        if (at !== undefined) for (let c = 0; c < n; c++) logits[c] += dense[at + c] * scale;
      }
      const keep = classes.map((cls) => allowed(cls));
      const top = Math.max(...logits.filter((_, c) => keep[c]));
      const exps = logits.map((l, c) => (keep[c] ? Math.exp(l - top) : 0));
      const sum = exps.reduce((a, b) => a + b, 0);
      return new Map(classes.map((cls, c) => [cls, sum > 0 ? exps[c] / sum : 0]));
    },
  };
}

/** Reads and validates rules/<rulesId>/faq-ranker.json; undefined when the flow ships none. */
export function loadRankerWeights(rulesId: string, root = PROJECT_ROOT): RankerWeights | undefined {
  const file = join(root, 'rules', rulesId, 'faq-ranker.json');
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = RankerWeightsSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
