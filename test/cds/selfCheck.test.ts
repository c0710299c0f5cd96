/** The start-up check of cds.yaml against the flow: every region and exclusion reaches an outcome with a short summary. */
import { describe, expect, it } from 'vitest';
import { loadCdsRules } from '../../src/channels/cds/cdsRules.js';
import { checkCdsRules } from '../../src/channels/cds/cdsSelfCheck.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';

const engine = createFlowEngine(loadContent());
const rules = loadCdsRules(engine.content);

describe('checkCdsRules', () => {
  it('accepts the shipped cds.yaml', () => {
    expect(() => checkCdsRules(engine, rules)).not.toThrow();
  });

  it('refuses a summary template that reaches 140 characters for some region', () => {
    const long = { ...rules, card: { ...rules.card, summary: `${'x'.repeat(80)} {study} is rated {rating}` } };
    expect(() => checkCdsRules(engine, long)).toThrow(/card\.summary: .* characters for region "cervical"/);
  });

  it('refuses answers that stop short of an outcome', () => {
    const short = { ...rules, answers: rules.answers.filter((a) => a.question !== 'post_op') };
    expect(() => checkCdsRules(engine, short)).toThrow(/does not reach an outcome for region "cervical"/);
  });
});
