import { describe, expect, it } from 'vitest';
import { readRawContent } from '../../src/content/loadContent.js';
import { ContentError, parseContent, type RawContent } from '../../src/flow/parseContent.js';

// Broken-flow fixtures: the shipped content with one thing broken, found by id so content edits
// elsewhere do not move them. Each must be refused at start-up with a message naming the problem.
const FLOW = 'flows/spine-infection-abnormal-imaging.yaml';
const RULES = 'rules/spine-infection-abnormal-imaging';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Data = any;
const flowOf = (r: RawContent): Data => r.flow.data;
const rulesOf = (r: RawContent, name: keyof RawContent['rules']): Data => r.rules[name].data;
const question = (r: RawContent, id: string): Data => flowOf(r).questions.find((q: Data) => q.id === id);
const outcome = (r: RawContent, id: string): Data => rulesOf(r, 'outcomes').outcomes.find((o: Data) => o.id === id);
const questionIndex = (r: RawContent, id: string) => flowOf(r).questions.findIndex((q: Data) => q.id === id);
const outcomeIndex = (r: RawContent, id: string) => rulesOf(r, 'outcomes').outcomes.findIndex((o: Data) => o.id === id);

/** The shipped content as read from disk, read once (reading parses YAML; each test breaks its own copy). */
const shipped = readRawContent();

/** The problems parseContent reports for the shipped content broken by `mutate`; fails if it is accepted. */
function problemsOf(mutate: (r: RawContent) => string | void): { message: string; at: string } {
  const r = structuredClone(shipped);
  const at = mutate(r) ?? '';
  try {
    parseContent(r);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return { message: (err as Error).message, at };
  }
  throw new Error('expected the broken content to be refused');
}

describe('start-up refuses a flow whose routing is broken, naming the problem', () => {
  it('accepts the shipped content', () => {
    expect(() => parseContent(structuredClone(shipped))).not.toThrow();
  });

  it.each<[string, (r: RawContent) => string | void, (at: string) => string]>([
    ['rules named for another flow', (r) => { flowOf(r).rules = 'other-flow'; },
      () => `${FLOW}: rules: names rules "other-flow" but the flow id is "spine-infection-abnormal-imaging"`],
    ['a question id used twice', (r) => { flowOf(r).questions.push(structuredClone(question(r, 'cord_compression'))); },
      () => `${FLOW}: questions: question id "cord_compression" is used twice`],
    ['an outcome id used twice', (r) => { rulesOf(r, 'outcomes').outcomes.push(structuredClone(outcome(r, 'positive-management'))); },
      () => `${RULES}/outcomes.yaml: outcomes: outcome id "positive-management" is used twice`],
    ['an unknown first question', (r) => { flowOf(r).start = 'suspicions'; },
      () => `${FLOW}: start: unknown question "suspicions"`],
    ['an option id used twice', (r) => { const q = question(r, 'neuro'); q.options.push({ ...q.options[0] }); return String(questionIndex(r, 'neuro')); },
      (at) => `${FLOW}: questions[${at}].options: option id "none" is used twice`],
    ['a route to a name that is both a question and an outcome', (r) => {
      rulesOf(r, 'outcomes').outcomes.push({ ...structuredClone(outcome(r, 'positive-management')), id: 'cord_compression' });
      return String(questionIndex(r, 'mri_result'));
    }, (at) => `${FLOW}: questions[${at}].options[0].next: "cord_compression" is both a question and an outcome`],
    ['a continuation of an unknown outcome', (r) => { flowOf(r).continuations[0].outcome = 'recommend-mra'; },
      () => `${FLOW}: continuations[0].outcome: unknown outcome "recommend-mra"`],
    ['a continuation to an unknown question', (r) => { flowOf(r).continuations[0].question = 'mri_results'; },
      () => `${FLOW}: continuations[0].question: unknown question "mri_results"`],
    ['a continued outcome that does not offer Record result', (r) => {
      flowOf(r).continuations[0].outcome = 'mri-contraindicated-alternatives';
      return String(outcomeIndex(r, 'mri-contraindicated-alternatives'));
    }, (at) => `${RULES}/outcomes.yaml: outcomes[${at}].recordResult: must be true: the flow continues "mri-contraindicated-alternatives" with "mri_result"`],
    ['an outcome offering Record result with nowhere to continue', (r) => { outcome(r, 'negative-revisit-differential').recordResult = true; return String(outcomeIndex(r, 'negative-revisit-differential')); },
      (at) => `${RULES}/outcomes.yaml: outcomes[${at}].recordResult: "negative-revisit-differential" records a result but the flow has no continuation for it`],
    ['an unknown pitfall on an outcome', (r) => { outcome(r, 'recommend-mri').pitfalls.push('pitfall-none'); return `${outcomeIndex(r, 'recommend-mri')}].pitfalls[${outcome(r, 'recommend-mri').pitfalls.length - 1}`; },
      (at) => `${RULES}/outcomes.yaml: outcomes[${at}]: unknown pitfall "pitfall-none"`],
    ['an urgency table keyed by an unknown question', (r) => { rulesOf(r, 'urgency').question = 'neurology'; },
      () => `${RULES}/urgency.yaml: question: unknown question "neurology"`],
    ['an urgency rule for an answer the question does not have', (r) => { rulesOf(r, 'urgency').rules[0].when = 'unknown'; },
      () => `${RULES}/urgency.yaml: rules[0].when: "unknown" is not an option of "neuro"`],
    ['a region for an answer the question does not have', (r) => { rulesOf(r, 'regions').regions[1].when = 'sacral'; },
      () => `${RULES}/regions.yaml: regions[1].when: "sacral" is not an option of "region"`],
    ['a region table keyed by an unknown question', (r) => { rulesOf(r, 'regions').question = 'level'; },
      () => `${RULES}/regions.yaml: question: unknown question "level"`],
    ['{study} on an outcome reached without the region question', (r) => {
      question(r, 'mri_contraindication').options.find((o: Data) => o.id === 'yes').next = 'recommend-mri';
      return String(outcomeIndex(r, 'recommend-mri'));
    }, (at) => `${RULES}/outcomes.yaml: outcomes[${at}]: uses {study} but can be reached without answering "region"`],
  ])('%s', (_name, mutate, expected) => {
    const { message, at } = problemsOf(mutate);
    expect(message).toContain(expected(at));
  });


  it('reports every problem at once', () => {
    const { message } = problemsOf((r) => { flowOf(r).rules = 'other-flow'; flowOf(r).continuations[0].question = 'mri_results'; });
    expect(message).toMatch(/^Invalid flow data \(\d+ problems\):/);
    expect(message).toContain('names rules "other-flow"');
    expect(message).toContain('unknown question "mri_results"');
  });

  it('reports a loop once per way back, not once per path through it', () => {
    const { message } = problemsOf((r) => { question(r, 'post_op').options.find((o: Data) => o.id === 'no').next = 'neuro'; });
    expect(message.match(/routing loops back to "neuro"/g)).toHaveLength(1);
  });
});
