/**
 * What buildView makes of a consult, stated from the content files: a question with its number,
 * trail and controls; an outcome with the answered region's study and the neurologic answer's
 * urgency filled in, its ratings, pitfalls, sources, related topics and chart note; the notices.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { chartNote, fillTemplate, type OutcomeView, type QuestionView } from '../../src/flow/buildView.js';
import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';

const content = loadContent();
const engine = createFlowEngine(content);
const { flow, rules } = content;

const run = (events: ConsultEvent[], from = engine.start()): PersistedConsult =>
  events.reduce((c, e) => {
    const r = engine.apply(c, e);
    if (!r.ok) throw new Error(`${JSON.stringify(e)}: ${r.reason}`);
    return r.next;
  }, from);
const answers = (...pairs: Array<[string, string]>): ConsultEvent[] => pairs.map(([questionId, optionId]) => ({ type: 'ANSWER', questionId, optionId }));
const question = (id: string) => flow.questions.find((q) => q.id === id)!;
const label = (questionId: string, optionId: string) => question(questionId).options.find((o) => o.id === optionId)!.label;
const TO_MRI = answers(['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'thoracic']);
const CLOSED = { back: false, restart: false, cancel: false, recordResult: false, newConsult: true };

describe('fillTemplate', () => {
  it('fills every {study} and {urgency}, naming the spine area generically when no region was asked', () => {
    expect(fillTemplate('{study} now; {study} again. Priority: {urgency}.', { study: 'MRI lumbar spine', urgency: 'Emergent' }))
      .toBe('MRI lumbar spine now; MRI lumbar spine again. Priority: Emergent.');
    expect(fillTemplate('Order {study}.', {})).toBe('Order MRI of the spine area of interest.');
    expect(fillTemplate('No placeholders.', {})).toBe('No placeholders.');
  });

  it('refuses to guess an urgency that was never answered', () => {
    expect(() => fillTemplate('Priority: {urgency}.', { study: 'MRI lumbar spine' })).toThrow('no urgency answer to fill "Priority: {urgency}."');
  });
});

describe('a question', () => {
  it('is numbered by the answers before it, shows them with their labels, and allows Back only after an answer', () => {
    const first = engine.view(engine.start()) as QuestionView;
    expect(first).toMatchObject({ kind: 'question', number: 1, trail: [], controls: { back: false, restart: true, cancel: true, recordResult: false, newConsult: false } });
    const start = question(flow.start);
    expect(first.question).toEqual({ id: start.id, label: start.label, prompt: start.prompt, help: start.help, options: start.options.map((o) => ({ id: o.id, label: o.label })) });

    const third = engine.view(run(answers(['suspicion', 'yes'], ['prior_imaging', 'abnormal']))) as QuestionView;
    expect(third).toMatchObject({
      kind: 'question', number: 3, step: 2, flowId: flow.id, flowVersion: flow.version,
      criteria: { name: rules.criteria.name, variant: rules.criteria.variant, reviewDate: rules.criteria.reviewDate },
      controls: { back: true, restart: true, cancel: true, recordResult: false, newConsult: false },
    });
    expect(third.trail).toEqual([
      { questionId: 'suspicion', question: question('suspicion').label, optionId: 'yes', answer: label('suspicion', 'yes'), canChange: true },
      { questionId: 'prior_imaging', question: question('prior_imaging').label, optionId: 'abnormal', answer: label('prior_imaging', 'abnormal'), canChange: true },
    ]);
  });
});

describe('an outcome', () => {
  const consult = run(TO_MRI);
  const view = engine.view(consult) as OutcomeView;
  const outcome = rules.outcomes.outcomes.find((o) => o.id === 'recommend-mri')!;
  const study = rules.regions.regions.find((r) => r.when === 'thoracic')!.study;
  const urgency = rules.urgency.rules.find((r) => r.when === 'none')!;
  const fill = (t: string) => t.replaceAll('{study}', study).replaceAll('{urgency}', urgency.label);

  it('fills the answered region\'s study and the neurologic answer\'s urgency into its text', () => {
    expect(view).toMatchObject({ kind: 'outcome', outcomeId: outcome.id, outcomeKind: outcome.kind, step: 6 });
    expect(view.title).toBe(fill(outcome.title));
    expect(view.statement).toBe(fill(outcome.statement.text));
    expect(view.details).toEqual(outcome.details.map((d) => fill(d.text)));
    expect(view.orderLine).toBe(fill(outcome.orderLine!));
    expect(view.urgency).toEqual({ level: urgency.level, label: urgency.label, text: [urgency.text, ...urgency.also.map((a) => a.text)].join(' ') });
  });

  it('rates each of its procedures in order, and names its pitfalls, related topics and source sections', () => {
    expect(view.ratings).toEqual(outcome.procedures.map((id) => {
      const p = rules.procedures.procedures.find((x) => x.id === id)!;
      return { procedureId: id, study: fill(p.name), rating: p.rating, radiation: p.radiation, ...(p.note ? { note: p.note } : {}) };
    }));
    expect(view.pitfalls).toEqual(outcome.pitfalls.map((id) => rules.pitfalls.pitfalls.find((p) => p.id === id)!.text));
    expect(view.related).toEqual(outcome.related.map((id) => ({ faqId: id, title: rules.faq.entries.find((e) => e.id === id)!.question })));
    const sections = [outcome.statement.source.section, ...outcome.details.map((d) => d.source.section)].map((s) => s.replace(/:\s*$/, ''));
    expect(view.sources).toEqual([...new Set(sections)]);
    expect(view.sources.every((s) => !s.endsWith(':'))).toBe(true);
  });

  it('strips a heading\'s trailing colon from its sources, and lists a section once', () => {
    const excluded = engine.view(run(answers(['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'yes']))) as OutcomeView;
    const o = rules.outcomes.outcomes.find((x) => x.id === excluded.outcomeId)!;
    const raw = [o.statement.source.section, ...o.details.map((d) => d.source.section)];
    expect(raw.some((s) => /:\s*$/.test(s))).toBe(true);
    expect(excluded.sources).toEqual([...new Set(raw.map((s) => s.replace(/:\s*$/, '')))]);
    expect(excluded.parentGuide).toBe(rules.criteria.parentGuide);
  });

  it('names the article, reviewer and review date, and says the ratings are the ACR\'s', () => {
    const { title, reviewed, reviewer } = rules.criteria.article;
    expect(view.attribution).toBe(`"${title}", reviewed ${reviewed} by ${reviewer}: a summary of the ${rules.criteria.name} (${rules.criteria.variant}). The appropriateness ratings are the ACR's.`);
    expect(view.disclaimer).toBe(rules.criteria.disclaimer);
    expect(view).not.toHaveProperty('parentGuide');
  });

  it('stays open for a result (answers changeable, Back, Restart, Cancel, Record result) where the flow continues, and is closed where it ends', () => {
    expect(view.controls).toEqual({ back: true, restart: true, cancel: true, recordResult: true, newConsult: true });
    expect(view.trail.every((t) => t.canChange)).toBe(true);
    const ended = engine.view(run(answers(['suspicion', 'no']))) as OutcomeView;
    expect(ended.controls).toEqual(CLOSED);
    expect(ended.trail).toEqual([{ questionId: 'suspicion', question: question('suspicion').label, optionId: 'no', answer: label('suspicion', 'no'), canChange: false }]);
  });

  it('carries a chart note of source, outcome, every rating, urgency and answers, then the disclaimer', () => {
    expect(view.chartNote).toBe([
      `Imaging decision support. Source: ${view.attribution}`,
      `Recommendation: ${view.statement}`,
      `Ratings (ACR): ${view.ratings.map((r) => `${r.study} - ${r.rating}, radiation ${r.radiation}`).join('; ')}.`,
      `Urgency: ${urgency.label}.`,
      `Answers: ${view.trail.map((t) => `${t.question}: ${t.answer}`).join('; ')}.`,
      rules.criteria.disclaimer,
    ].join('\n'));
  });
});

describe('chartNote', () => {
  it('calls anything but a recommendation an outcome, and leaves out ratings and urgency it does not have', () => {
    const ended = engine.view(run(answers(['suspicion', 'no']))) as OutcomeView;
    const { chartNote: _note, ...rest } = ended;
    expect(chartNote({ ...rest, ratings: [], trail: [] })).toBe([
      `Imaging decision support. Source: ${ended.attribution}`,
      `Outcome: ${ended.statement}`,
      'Answers: .',
      rules.criteria.disclaimer,
    ].join('\n'));
  });
});

describe('notices', () => {
  it('says a cancelled consult is cancelled, with only New consult', () => {
    const cancelled = run([{ type: 'CANCEL' }]);
    expect(engine.view(cancelled)).toEqual({ kind: 'notice', notice: 'cancelled', step: 1, controls: CLOSED, text: 'Consult cancelled.' });
  });

  it('says a consult of another flow or version cannot continue, with only New consult', () => {
    for (const foreign of [{ ...engine.start(), flowVersion: 'older' }, { ...engine.start(), flowId: 'another-flow' }]) {
      expect(engine.view(foreign)).toEqual({
        kind: 'notice', notice: 'flow-changed', step: 0, controls: CLOSED,
        text: 'The guidance behind this consult has been updated since it started, so it cannot continue. Start a new consult to use the current guidance.',
      });
    }
  });
});
