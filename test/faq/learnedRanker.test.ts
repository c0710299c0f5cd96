/**
 * The learned ranker (round 6): its features, its weights file and its inference, the trainer's
 * determinism, and the shipped faq-ranker.json (classes, and never trained on the frozen set).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { ContentError } from '../../src/flow/parseContent.js';
import { DECLINE_CLASS, createLearnedRanker, loadRankerWeights, type RankerWeights } from '../../src/faq/learnedRanker.js';
import { questionFeatures } from '../../src/faq/questionFeatures.js';
import { trainSoftmax } from '../../scripts/faqRanker/trainSoftmax.js';
import { rankerTuningSets } from '../../scripts/faqRanker/tuningSets.js';

const weights = (over: Partial<RankerWeights> = {}): RankerWeights => ({
  schemaVersion: 1,
  trainedOn: [],
  classes: ['a', 'b', DECLINE_CLASS],
  bias: [0, 0, 0],
  weights: { 'w:pacemaker': [0, 4, 2, -1], 'w:knee': [2, 6] },
  ...over,
});

describe('questionFeatures', () => {
  it('gives stemmed words, word pairs and character 3- to 5-grams, each once', () => {
    const f = questionFeatures('MRI scans?');
    expect(f).toEqual(expect.arrayContaining(['w:mri', 'w:scan', 'w:?', 'b:mri scan', 'b:scan ?', 'c: mr', 'c:mri ', 'c: mri ', 'c:scans']));
    expect(new Set(f).size).toBe(f.length);
    expect(f.some((x) => x.startsWith('c:') && x.includes('?'))).toBe(false);
  });

  it('reads apostrophes away and case-folds', () => {
    expect(questionFeatures("Can't")).toContain('w:cant');
    expect(questionFeatures('')).toEqual([]);
  });
});

describe('createLearnedRanker', () => {
  it('gives probabilities that sum to 1, led by the class the features favour', () => {
    const p = createLearnedRanker(weights()).probabilities('pacemaker');
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p.get('a')).toBeGreaterThan(p.get('b')!);
    expect(p.get(DECLINE_CLASS)).toBeLessThan(p.get('b')!);
  });

  it('scores only the allowed classes; the others get 0', () => {
    const p = createLearnedRanker(weights()).probabilities('knee', (c) => c !== DECLINE_CLASS);
    expect(p.get(DECLINE_CLASS)).toBe(0);
    expect(p.get('a')! + p.get('b')!).toBeCloseTo(1, 10);
  });

  it('gives the bias alone for a question with no known feature', () => {
    const p = createLearnedRanker(weights({ bias: [Math.log(3), 0, 0] })).probabilities('zzz');
    expect(p.get('a')).toBeCloseTo(0.6, 10);
  });

  it.each<[string, Partial<RankerWeights>, RegExp]>([
    ['a bias per class', { bias: [0, 0] }, /bias has 2 values for 3 classes/],
    ['class indexes within the classes', { weights: { 'w:x': [3, 1] } }, /weights\."w:x" names a class index beyond the 3 classes/],
  ])('rejects weights without %s (ContentError)', (_, over, message) => {
    expect(() => createLearnedRanker(weights(over))).toThrow(ContentError);
    expect(() => createLearnedRanker(weights(over))).toThrow(message);
  });
});

describe('loadRankerWeights', () => {
  const root = (content?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-ranker-'));
    mkdirSync(join(dir, 'rules', 'flow'), { recursive: true });
    if (content !== undefined) writeFileSync(join(dir, 'rules', 'flow', 'faq-ranker.json'), content);
    return dir;
  };

  it('is undefined when the flow ships no ranker', () => {
    expect(loadRankerWeights('flow', root())).toBeUndefined();
  });

  it('reads valid weights', () => {
    expect(loadRankerWeights('flow', root(JSON.stringify(weights())))).toEqual(weights());
  });

  it.each([
    ['not JSON', '{', /faq-ranker\.json: not valid JSON/],
    ['an odd weight list', JSON.stringify(weights({ weights: { 'w:x': [0, 1, 2] } })), /faq-ranker\.json: weights\.w:x: pairs of a class index and a weight/],
    ['a fractional class index', JSON.stringify(weights({ weights: { 'w:x': [0.5, 1] } })), /pairs of a class index and a weight/],
    ['a missing field', JSON.stringify({ ...weights(), bias: undefined }), /faq-ranker\.json: bias/],
  ])('names the file and the problem for %s', (_, text, message) => {
    expect(() => loadRankerWeights('flow', root(text))).toThrow(ContentError);
    expect(() => loadRankerWeights('flow', root(text))).toThrow(message);
  });
});

describe('the shipped faq-ranker.json', () => {
  const content = loadContent();
  const shipped = loadRankerWeights(content.flow.rules)!;

  it('knows every faq.yaml entry and the decline class, in file order', () => {
    expect(shipped.classes).toEqual([...content.rules.faq.entries.map((e) => e.id), DECLINE_CLASS]);
  });

  it('was trained on faq.yaml and every tuning set, in order, never a frozen held-out set (v9, v11, v12, v13)', () => {
    expect(shipped.trainedOn).toEqual(['faq.yaml', ...rankerTuningSets().map((s) => s.name)]);
    expect(shipped.trainedOn.join(' ')).not.toMatch(/v9|v1[1-3]|frozen/);
  });
});

describe('trainSoftmax', () => {
  const examples = [
    { text: 'pacemaker cannot have mri', label: 'a' },
    { text: 'pacemaker not mri safe', label: 'a' },
    { text: 'bone scan instead', label: 'b' },
    { text: 'why not a bone scan', label: 'b' },
    { text: 'knee pain imaging', label: DECLINE_CLASS },
    { text: 'knee swelling scan', label: DECLINE_CLASS },
  ];
  const opts = { l2: 1e-4, epochs: 200, rate: 0.3, minCount: 1, prune: 0 };

  it('gives the same weights for the same examples', () => {
    expect(trainSoftmax(examples, ['a', 'b', DECLINE_CLASS], ['x'], opts)).toEqual(trainSoftmax(examples, ['a', 'b', DECLINE_CLASS], ['x'], opts));
  });

  it('learns each class from its examples and ranks a new wording of it first', () => {
    const r = createLearnedRanker(trainSoftmax(examples, ['a', 'b', DECLINE_CLASS], ['x'], opts));
    const top = (q: string) => [...r.probabilities(q)].sort((x, y) => y[1] - x[1])[0][0];
    expect(top('patient with a pacemaker')).toBe('a');
    expect(top('bone scan?')).toBe('b');
    expect(top('knee')).toBe(DECLINE_CLASS);
  });

  it('drops features seen fewer than minCount times and weights under prune', () => {
    const w = trainSoftmax(examples, ['a', 'b', DECLINE_CLASS], ['x'], { ...opts, minCount: 2, prune: 0.05 });
    expect(w.weights['w:pacemaker']).toBeDefined();
    expect(w.weights['w:swell']).toBeUndefined();
    expect(Object.values(w.weights).flat().filter((_, i) => i % 2 === 1).every((v) => Math.abs(v) >= 0.05)).toBe(true);
  });

  it('rejects an example of an unknown class', () => {
    expect(() => trainSoftmax([{ text: 'x', label: 'z' }], ['a'], [], opts)).toThrow(/training example 0 has an unknown class "z"/);
  });
});
