/**
 * Measures the FAQ search on the evaluation set (test/faq/evalSet.ts), prints the figures and
 * holds them to the bar: top-1 >= 90%, top-3 >= 97%, and no off-topic question answered.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { OFF_TOPIC, ON_TOPIC } from './evalSet.js';

const content = loadContent();
const faq = createFaqIndex(content);
const ids = content.rules.faq.entries.map((e) => e.id);
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;

describe('FAQ evaluation set', () => {
  it('is big enough and covers every FAQ entry', () => {
    expect(ON_TOPIC.length).toBeGreaterThanOrEqual(80);
    expect(OFF_TOPIC.length).toBeGreaterThanOrEqual(15);
    const expected = new Set(ON_TOPIC.map((c) => c.id));
    for (const id of ids) expect(expected, `no eval question for ${id}`).toContain(id);
    for (const id of expected) expect(ids, `eval expects unknown id ${id}`).toContain(id);
  });

  it('keeps eval questions out of the indexed phrasings (measures generalisation)', () => {
    const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const indexed = new Set(content.rules.faq.entries.flatMap((e) => [e.question, ...e.phrasings, ...e.tags].map(fold)));
    const copied = ON_TOPIC.filter((c) => indexed.has(fold(c.q))).map((c) => c.q);
    expect(copied).toEqual([]);
  });

  it('meets the accuracy bar and never answers off-topic questions', () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { q, id } of ON_TOPIC) {
      const { view, match } = faq.ask(q);
      // Top-1: the bot actually answered, with the expected entry (a "not sure" is a miss).
      if (view.kind === 'faq' && view.faqId === id && match?.faqId === id) top1 += 1;
      else misses.push(`${id} <- ${view.kind === 'faq' ? view.faqId : view.kind}`);
      // Top-3: the expected entry is among the three best-ranked entries.
      if (faq.rank(q, 3).some((m) => m.faqId === id)) top3 += 1;
    }
    const answeredOffTopic: string[] = [];
    for (const q of OFF_TOPIC) {
      const { view, match } = faq.ask(q);
      if (view.kind === 'faq' || match) answeredOffTopic.push(q);
    }
    const declined = OFF_TOPIC.length - answeredOffTopic.length;
    console.log(
      [
        'FAQ evaluation:',
        `  top-1 accuracy (answered, correct): ${pct(top1, ON_TOPIC.length)}`,
        `  top-3 accuracy (ranked):            ${pct(top3, ON_TOPIC.length)}`,
        `  off-topic declined:                 ${pct(declined, OFF_TOPIC.length)}`,
        `  misses: ${misses.join('; ') || 'none'}`,
      ].join('\n'),
    );
    expect(top1 / ON_TOPIC.length).toBeGreaterThanOrEqual(0.9);
    expect(top3 / ON_TOPIC.length).toBeGreaterThanOrEqual(0.97);
    expect(answeredOffTopic).toEqual([]);
  });
});
