/**
 * Measures the FAQ on the tuning set (test/faq/evalSet.ts), held-out v1 (test/faq/heldOut.yaml,
 * seen since 2026-11-28 09:45 and tuning data since), held-out v2 (test/faq/heldOut2.yaml,
 * measured once at 10:05 and tuning data since), held-out v3 (test/faq/heldOut3.yaml, measured
 * at 11:26 and 12:20 and tuning data since round 4) and held-out v4 (test/faq/heldOut4.yaml,
 * measured once at 13:35 and tuning data since round 5), prints them side by side, and holds the
 * tuning data to its bar; held-out v5 (test/faq/heldOut5.yaml, measured once at 14:13 and tuning
 * data since round 6) is printed and kept free of wrong-polarity answers. The frozen held-out v6
 * and v7 (test/faq/heldOut6.yaml, heldOut7.yaml) are pinned by their sha256 here; nothing here
 * measures them, prints their figures or their questions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { rankerTuningSets } from '../../scripts/faqRanker/tuningSets.js';
import { OFF_TOPIC, ON_TOPIC } from './evalSet.js';
import { SET_NAMES, askAll, formatConfusion, formatFigures, heldOut2Set, heldOut3Set, heldOut4Set, heldOut5Set, heldOut6Set, heldOut7Set, heldOut8Set, heldOut9Set, heldOut10Set, heldOut11Set, heldOut12Set, heldOut13Set, heldOutSet, score, tuningSet, FROZEN_FILES, FROZEN_SETS, frozenSets } from './scoreSets.js';

const content = loadContent();
const faq = createFaqIndex(content);
const ids = content.rules.faq.entries.map((e) => e.id);
const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const indexed = new Set(content.rules.faq.entries.flatMap((e) => [e.question, ...e.phrasings, ...e.tags].map(fold)));

/** sha256 of test/faq/heldOut.yaml as committed in b2b6fb1 (2026-11-28T06:49Z), before any tuning. */
const HELD_OUT_SHA256 = 'bc233255d82d00382039168c4927b4772c2f19266a5418be1ca7f2c2f9ac63fa';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(new URL(file, import.meta.url))).digest('hex');

describe('FAQ evaluation sets', () => {
  it('tuning set: big enough, covers every entry, not copied into the indexed phrasings', () => {
    expect(ON_TOPIC.length).toBeGreaterThanOrEqual(80);
    expect(OFF_TOPIC.length).toBeGreaterThanOrEqual(15);
    const expected = new Set(ON_TOPIC.map((c) => c.id));
    for (const id of ids) expect(expected, `no eval question for ${id}`).toContain(id);
    for (const id of expected) expect(ids, `eval expects unknown id ${id}`).toContain(id);
    expect(ON_TOPIC.filter((c) => indexed.has(fold(c.q))).map((c) => c.q)).toEqual([]);
  });

  it('held-out v1: frozen (unchanged since its commit), >= 80 questions, >= 20 to decline, known ids', () => {
    expect(sha256('./heldOut.yaml')).toBe(HELD_OUT_SHA256);
    const cases = heldOutSet();
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expect === 'decline').length).toBeGreaterThanOrEqual(20);
    for (const c of cases) if (c.expect !== 'decline') expect(ids, c.q).toContain(c.expect);
    // One question happens to equal a phrasing faq.yaml already had before the set was written.
    expect(cases.filter((c) => indexed.has(fold(c.q))).map((c) => c.q)).toEqual(['what is spondylodiscitis']);
  });

  // Each set's sha256 as committed (commit, UTC time), before the round that first tuned after it.
  it.each([
    ['v2', '6f05e8a (2026-11-28T09:43:18Z)', './heldOut2.yaml', '83c46bacd87e614e8d399cf24bab0fd91efd74f53be9ce21e0c0bcdab2994a31', heldOut2Set],
    ['v3', 'ca92485 (2026-11-28T10:21Z)', './heldOut3.yaml', '99d94b5d3781eb9dcdf966798bcbbe1547595072085f800f4c08d1f1aea7bcb5', heldOut3Set],
    ['v4', '929ab94 (2026-11-28T12:25:51Z)', './heldOut4.yaml', '594bf9a86534b7d18ef8dc225d9410970ecb563aa96306392c3b1239f1fe55c5', heldOut4Set],
    ['v5', '5b2fc2e (2026-11-28T13:37:11Z)', './heldOut5.yaml', '2090aaf1b7a6fb8fda6f1f32c8a3165494372fe9002f303537aac2f95ef59bc4', heldOut5Set],
    ['v6', '4a79d70 (2026-11-28T15:16:02Z)', './heldOut6.yaml', 'a404708873a0d5f771f602520cee0d64ff7e9249e39a9e471069c4c4cde6d707', heldOut6Set],
    ['v7', 'c1cc70a (2026-11-28T17:56:25Z)', './heldOut7.yaml', '3f0083c2efb0fb30031cb471db5e02a7cc0a34be7793c82c7865839d6f72923a', heldOut7Set],
    ['v8', 'db97596 (2026-11-28T20:35:09Z)', './heldOut8.yaml', 'bd4bc9cfcc432b20e59a581aa4b188b6c0a78af093dd074599984508728c36b3', heldOut8Set],
    ['v9', 'db97596 (2026-11-28T20:35:09Z)', './heldOut9.yaml', '2180d7d6d77e1f39ce5f9febfd62b6c75071ea07bebe5e42bb2db765e0718234', heldOut9Set],
    ['v10', '5b69df4 (2026-11-28T23:04:50Z)', './heldOut10.yaml', '0a7664cb9e9bd29cab52d3564f62c3617e72823a87c34e42e3fe4ce36dc4d0a2', heldOut10Set],
    ['v11', '5b69df4 (2026-11-28T23:04:50Z)', './heldOut11.yaml', 'eb497f8c8de0122a5fb5b65c5972fc4c7b2950768f9cd20e93d381415344f1c1', heldOut11Set],
    ['v12', 'c1697f9 (2026-11-28T23:07:52Z)', './heldOut12.yaml', 'dfb4ccbd8d213360407c0edb4dba11cb44e4272af1db2514f2a4c19c55c76df8', heldOut12Set],
    ['v13', 'c1697f9 (2026-11-28T23:07:52Z)', './heldOut13.yaml', '241739aacc59465af590491e5f35dded07669f4c34dcb8386052420b1f7578cd', heldOut13Set],
  ] as const)('held-out %s: frozen (unchanged since %s), >= 80 questions, >= 20 to decline, known ids', (_v, _commit, file, pinned, load) => {
    expect(sha256(file)).toBe(pinned);
    const cases = load();
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expect === 'decline').length).toBeGreaterThanOrEqual(20);
    // Only ids are compared, so a failure never prints a held-out question.
    expect(cases.map((c) => c.expect).filter((id) => id !== 'decline' && !ids.includes(id))).toEqual([]);
    expect(cases.flatMap((c) => c.alsoOk ?? []).filter((id) => !ids.includes(id))).toEqual([]);
    expect(cases.filter((c) => c.expect === 'decline' && c.alsoOk !== undefined).length).toBe(0);
  });

  it('scores an answer in alsoOk as right, never for a decline, and still as wrong polarity when it contradicts the state', () => {
    const cases = [
      { q: 'made-up: MRI negative, can it wait', expect: 'urgency-neuro-intact', alsoOk: ['after-mri-negative'] },
      { q: 'made-up: what else could it be', expect: 'differential', alsoOk: ['sclerotic-endplates'] },
      { q: 'made-up: MRI positive, what now', expect: 'after-mri-positive', alsoOk: ['after-mri-negative'] },
      { q: 'made-up: best pizza nearby', expect: 'decline', alsoOk: ['recommendation'] },
    ];
    const f = score('made-up', cases, ['after-mri-negative', 'recommendation', 'after-mri-negative', 'recommendation'], [['after-mri-negative'], ['recommendation'], ['after-mri-negative'], []]);
    expect(f.top1).toBe(1);
    expect(f.top3).toBe(1);
    expect(f.wrong).toBe(1);
    expect(f.wrongPolarity).toBe(1);
    expect(f.offTopicAnswered).toBe(1);
    expect(f.confusion.map((c) => c.kind)).toEqual(['wrong', 'WRONG POLARITY', 'off-topic answered']);
  });

  it('seals v9, v11, v12 and v13 in one list: their names, their files, never among the ranker\'s tuning sets', () => {
    expect([...FROZEN_SETS]).toEqual([SET_NAMES.v9, SET_NAMES.v11, SET_NAMES.v12, SET_NAMES.v13]);
    expect([...FROZEN_FILES]).toEqual(['heldOut9.yaml', 'heldOut11.yaml', 'heldOut12.yaml', 'heldOut13.yaml']);
    expect(frozenSets().map((f) => [f.name, f.cases.length])).toEqual([...FROZEN_SETS].map((name) => [name, 160]));
    expect(rankerTuningSets().filter((t) => FROZEN_SETS.has(t.name))).toEqual([]);
  });

  it('the confusion list never writes the frozen set\'s questions, only its miss counts', () => {
    const miss = (name: string) => ({ ...score(name, [], []), confusion: [{ q: `question of ${name}`, expect: 'recommendation', got: 'decline', kind: 'declined' }] });
    const md = formatConfusion([miss(SET_NAMES.v1), miss(SET_NAMES.v2), miss(SET_NAMES.v3), miss(SET_NAMES.v4), miss(SET_NAMES.v5), miss(SET_NAMES.v6), miss(SET_NAMES.v7), miss(SET_NAMES.v8), miss(SET_NAMES.v9), miss(SET_NAMES.v10), miss(SET_NAMES.v11), miss(SET_NAMES.v12), miss(SET_NAMES.v13)]);
    expect(md).toContain(`question of ${SET_NAMES.v1}`);
    expect(md).toContain(`question of ${SET_NAMES.v2}`);
    expect(md).toContain(`question of ${SET_NAMES.v3}`);
    expect(md).toContain(`question of ${SET_NAMES.v4}`);
    expect(md).toContain(`question of ${SET_NAMES.v5}`);
    expect(md).toContain(`question of ${SET_NAMES.v6}`);
    expect(md).toContain(`question of ${SET_NAMES.v7}`);
    expect(md).toContain(`question of ${SET_NAMES.v8}`);
    expect(md).not.toContain(`question of ${SET_NAMES.v9}`);
    expect(md).toContain(`question of ${SET_NAMES.v10}`);
    expect(md).not.toContain(`question of ${SET_NAMES.v11}`);
    expect(md).not.toContain(`question of ${SET_NAMES.v12}`);
    expect(md).not.toContain(`question of ${SET_NAMES.v13}`);
    expect(md).toContain('Misses by kind: declined: 1.');
    expect(md.split('Frozen set: per-question results are not written.').length).toBe(5);
  });

  it('reports the tuning sets side by side; the tuning data meets its bar and gets no wrong-polarity answer', () => {
    const measure = (name: string, cases: ReturnType<typeof tuningSet>) => {
      const { shown, ranked } = askAll(faq, cases);
      return score(name, cases, shown, ranked);
    };
    const ft = measure(SET_NAMES.tuning, tuningSet());
    const fh = measure(SET_NAMES.v1, heldOutSet());
    const f2 = measure(SET_NAMES.v2, heldOut2Set());
    // Held-out v3 is tuning data since round 4 (measured at 11:26 and 12:20: 81.5% top-1), v4 since
    // round 5 (measured once at 13:35: 88.5%), v5 since round 6 (measured once at 14:13: 86.1%);
    // the frozen v6 is not measured here.
    const f3 = measure(SET_NAMES.v3, heldOut3Set());
    const f4 = measure(SET_NAMES.v4, heldOut4Set());
    const f5 = measure(SET_NAMES.v5, heldOut5Set());
    console.log(`FAQ evaluation:\n${formatFigures([ft, fh, f2, f3, f4, f5])}`);
    expect(ft.top1 / ft.cases).toBeGreaterThanOrEqual(0.93);
    expect(ft.top3 / (ft.cases - ft.toDecline)).toBeGreaterThanOrEqual(0.93);
    expect(ft.wrong / ft.cases).toBeLessThanOrEqual(0.02);
    // Round 3 declined the last known miss (metastatic cord compression is another pathway's).
    expect(ft.confusion.filter((c) => c.kind === 'off-topic answered').map((c) => c.q)).toEqual([]);
    expect(ft.wrongPolarity).toBe(0);
    // Held-out v1 is tuning data now: it is held to the tuning bar too.
    expect(fh.top1 / fh.cases).toBeGreaterThanOrEqual(0.93);
    expect(fh.wrong / fh.cases).toBeLessThanOrEqual(0.02);
    expect(fh.offTopicAnswered).toBe(0);
    expect(fh.wrongPolarity).toBe(0);
    // Held-out v2 has been tuning data since its one measurement (10:05: 1 wrong-polarity answer,
    // 7 other wrong, 1 off-topic answered); round 3 fixed the causes, and it is held to the tuning bar.
    expect(f2.wrongPolarity).toBe(0);
    expect(f2.top1 / f2.cases).toBeGreaterThanOrEqual(0.93);
    expect(f2.wrong / f2.cases).toBeLessThanOrEqual(0.02);
    expect(f2.offTopicAnswered).toBe(0);
    // Held-out v3 has been tuning data since round 4 (measured at 11:26 and 12:20: 81.5% top-1,
    // 8 other wrong, 2 off-topic answered); round 4 fixed the causes, and it is held to the tuning bar.
    expect(f3.wrongPolarity).toBe(0);
    expect(f3.top1 / f3.cases).toBeGreaterThanOrEqual(0.93);
    expect(f3.wrong / f3.cases).toBeLessThanOrEqual(0.02);
    expect(f3.offTopicAnswered).toBe(0);
    // Held-out v4 has been tuning data since round 5 (measured once at 13:35: 88.5% top-1, 8 other
    // wrong, 1 off-topic answered, 0 wrong-polarity); round 5 fixed the causes, and it is held to the tuning bar.
    expect(f4.wrongPolarity).toBe(0);
    expect(f4.top1 / f4.cases).toBeGreaterThanOrEqual(0.93);
    expect(f4.wrong / f4.cases).toBeLessThanOrEqual(0.02);
    expect(f4.offTopicAnswered).toBe(0);
    // Held-out v5 has been tuning data since round 6 (measured once at 14:13: 86.1% top-1, 9 other
    // wrong, 2 off-topic answered, 0 wrong-polarity): never a wrong-polarity answer.
    expect(f5.wrongPolarity).toBe(0);
  });

  it('the blind-written tuning sets t7a to t10c and held-out v6, v7 get no wrong-polarity answer (t7a had 3 at its first measurement, t10c 1)', () => {
    for (const { name, cases } of rankerTuningSets().filter((s) => /^tuning t|v6|v7/.test(s.name))) {
      const { shown, ranked } = askAll(faq, cases);
      const f = score(name, cases, shown, ranked);
      expect(f.confusion.filter((c) => c.kind === 'WRONG POLARITY').map((c) => c.q), name).toEqual([]);
    }
  });
});
