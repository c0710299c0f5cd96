import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { OutcomeView } from '../../src/flow/viewTypes.js';
import { composedOf } from '../support/composed.js';
import { walkAllPaths } from './flowPaths.js';

const OUTCOME_IDS = [
  'not-applicable-no-suspicion', 'out-of-scope-no-prior-imaging', 'out-of-scope-normal-imaging',
  'emergent-neuro-deficit', 'out-of-scope-post-operative', 'recommend-mri', 'mri-contraindicated-alternatives',
  'neurosurgical-emergency', 'positive-management', 'negative-revisit-differential', 'indeterminate-follow-up',
];

const engine = createFlowEngine(loadContent());
const answerOf = (c: { context: { answers: Array<{ questionId: string; optionId: string }> } }, q: string) => c.context.answers.find((a) => a.questionId === q)?.optionId;
const paths = walkAllPaths(engine);
const complete = paths.filter((p) => engine.status(p.end) === 'finished' || engine.outcomeId(p.end));

describe('every path through the flow (enumerated by xstate/graph)', () => {
  it('walks the paths and prints how many', () => {
    console.log(`every-path test: ${paths.length} simple paths from the machine, ${complete.length} ending in an outcome`);
    expect(complete.length).toBeGreaterThan(OUTCOME_IDS.length);
  });

  it('ends every path that cannot go further in one of the outcome ids of FLOW-SPEC.md, and reaches each of them', () => {
    const terminal = paths.filter((p) => engine.status(p.end) === 'finished');
    for (const p of terminal) expect(OUTCOME_IDS).toContain(engine.outcomeId(p.end));
    expect(new Set(complete.map((p) => engine.outcomeId(p.end)))).toEqual(new Set(OUTCOME_IDS));
  });

  it('always words recommend-mri as "without and with IV contrast" and "Usually Appropriate"', () => {
    const mri = complete.filter((p) => engine.outcomeId(p.end) === 'recommend-mri');
    expect(mri.length).toBe(8); // 2 neurologic statuses x 4 regions
    for (const p of mri) {
      const v = engine.view(p.end) as OutcomeView;
      expect(v.statement).toContain('without and with IV contrast');
      expect(v.statement).toContain('Usually Appropriate');
      expect(v.orderLine).toContain('without and with IV contrast');
      expect(v.ratings[0]).toMatchObject({ procedureId: 'mri-wwo', rating: 'Usually Appropriate' });
      expect(v.urgency).toBeDefined();
      expect(v.controls.recordResult).toBe(true);
    }
  });

  it('never shows the MRI recommendation on an exclusion or emergency outcome', () => {
    for (const p of complete) {
      const v = engine.view(p.end) as OutcomeView;
      if (v.outcomeKind !== 'exclusion' && v.outcomeKind !== 'emergency') continue;
      const shown = JSON.stringify([v.title, v.statement, v.details, v.ratings, v.orderLine ?? '']);
      expect(shown).not.toMatch(/Usually Appropriate/);
      expect(shown).not.toMatch(/without and with IV contrast/);
      expect(v.orderLine).toBeUndefined();
    }
  });

  it('shows criteria, review date, disclaimer and the answers on every outcome', () => {
    for (const p of complete) {
      const v = engine.view(p.end) as OutcomeView;
      expect(v.criteria).toEqual({ name: 'ACR Appropriateness Criteria - Suspected Spine Infection', variant: 'Abnormal initial radiographs or CT', reviewDate: '2026-05-29' });
      expect(v.disclaimer).toMatch(/decision support/i);
      expect(v.trail.map((t) => t.questionId)).toEqual(p.end.context.answers.map((a) => a.questionId));
      expect(v.attribution).toContain('reviewed May 29, 2026');
      expect(v.chartNote).toContain(v.attribution);
      for (const t of v.trail) expect(v.chartNote).toContain(`${t.question}: ${t.answer}`);
    }
  });

  it('carries the neurologic answer through: every outcome advising imaging states the urgency it implies', () => {
    let checked = 0;
    for (const p of complete) {
      const v = engine.view(p.end) as OutcomeView;
      const neuro = answerOf(p.end, 'neuro');
      if (v.outcomeKind !== 'recommendation') continue;
      expect(v.urgency, `${v.outcomeId} with neuro=${neuro}`).toBeDefined();
      expect(v.urgency!.level).toBe(neuro === 'mild' ? 'emergent' : 'urgent');
      if (neuro === 'mild') expect(`${v.urgency!.label} ${v.urgency!.text}`).toMatch(/emergent/i);
      if (v.orderLine) expect(v.orderLine).toContain(`Priority: ${v.urgency!.label}.`);
      expect(v.chartNote).toContain(`Urgency: ${v.urgency!.label}.`);
      checked++;
    }
    expect(checked).toBe(10); // recommend-mri: 2 neurologic answers x 4 regions; alternatives: 2 (region not asked)
    for (const p of complete.filter((x) => engine.outcomeId(x.end) === 'out-of-scope-post-operative' && answerOf(x.end, 'neuro') === 'mild')) {
      expect((engine.view(p.end) as OutcomeView).urgency).toMatchObject({ level: 'emergent' });
    }
  });

  it('safety: no emergency without the escalation action first and the safety notice, and nothing to read above it', () => {
    const emergencies = complete.filter((p) => (engine.view(p.end) as OutcomeView).outcomeKind === 'emergency');
    expect(new Set(emergencies.map((p) => engine.outcomeId(p.end)))).toEqual(new Set(['emergent-neuro-deficit', 'neurosurgical-emergency']));
    for (const p of emergencies) {
      const v = engine.view(p.end) as OutcomeView;
      expect(v.title).toMatch(/\bnow\b/);
      expect(v.statement).toMatch(/^Escalate (now|immediately)/);
      expect(v.parentGuide).toBeUndefined();
      expect((composedOf(p.end) as OutcomeView).safetyNotice).toMatch(/does not page anyone/);
    }
  });

  it('safety: no recommendation without an urgency, on any path', () => {
    for (const p of complete) {
      const v = engine.view(p.end) as OutcomeView;
      if (v.outcomeKind === 'recommendation') expect(v.urgency, v.outcomeId).toBeDefined();
    }
  });

  it('safety: no out-of-scope answer leads to an outcome that recommends imaging', () => {
    const studies = engine.content.rules.procedures.procedures.map((pr) => pr.name.replace('{study} ', ''));
    for (const p of complete) {
      const v = engine.view(p.end) as OutcomeView;
      const outOfScope = answerOf(p.end, 'suspicion') === 'no' || ['none', 'normal'].includes(answerOf(p.end, 'prior_imaging') ?? '')
        || answerOf(p.end, 'neuro') === 'severe' || answerOf(p.end, 'post_op') === 'yes';
      if (!outOfScope) continue;
      expect(['exclusion', 'emergency']).toContain(v.outcomeKind);
      expect(v.ratings).toEqual([]);
      expect(v.orderLine).toBeUndefined();
      const shown = [v.title, v.statement, ...v.details, v.urgency?.text ?? ''].join(' ');
      for (const study of studies) expect(shown).not.toContain(study);
      expect(shown).not.toMatch(/Appropriate/);
    }
  });

  it('safety: every outcome after a positive MRI names Infectious Disease and antibiotics', () => {
    const positive = complete.filter((p) => answerOf(p.end, 'mri_result') === 'positive' && engine.status(p.end) === 'finished');
    expect(positive.length).toBeGreaterThanOrEqual(2);
    for (const p of positive) {
      const v = engine.view(p.end) as OutcomeView;
      const text = [v.statement, ...v.details].join(' ');
      expect(text, v.outcomeId).toContain('Infectious Disease');
      expect(text, v.outcomeId).toMatch(/antibiotics/);
    }
  });

  it('safety: every outcome after an MRI result shows that result, and never the opposite polarity', () => {
    const words: Record<string, RegExp> = { positive: /positive|neurosurgical emergency/i, negative: /negative/i, indeterminate: /indeterminate/i };
    let checked = 0;
    for (const p of complete.filter((x) => engine.status(x.end) === 'finished' && answerOf(x.end, 'mri_result'))) {
      const result = answerOf(p.end, 'mri_result')!;
      const v = engine.view(p.end) as OutcomeView;
      expect(v.title, v.outcomeId).toMatch(words[result]);
      for (const [other, word] of Object.entries(words)) if (other !== result) expect(v.title, v.outcomeId).not.toMatch(word);
      const label = engine.content.flow.questions.find((q) => q.id === 'mri_result')!.options.find((o) => o.id === result)!.label;
      expect(v.trail.find((t) => t.questionId === 'mri_result')?.answer).toBe(label);
      expect(v.chartNote).toContain(`MRI result: ${label}`);
      checked++;
    }
    expect(checked).toBe(32); // 8 routes to recommend-mri x 4 result outcomes
  });

  it('safety: the cord compression question mentions the cauda equina', () => {
    const asked = paths.map((p) => engine.view(p.end)).filter((v) => v.kind === 'question' && v.question.id === 'cord_compression');
    expect(asked.length).toBeGreaterThan(0);
    for (const v of asked) if (v.kind === 'question') expect(`${v.question.prompt} ${v.question.help}`).toMatch(/cauda equina/);
  });

  it('takes Back at every question back to the previous one with its answer cleared', () => {
    let checked = 0;
    for (const p of paths) {
      const view = engine.view(p.end);
      if (view.kind !== 'question' || p.end.context.answers.length === 0) continue;
      const r = engine.apply(p.end, { type: 'BACK' });
      if (!r.ok) throw new Error(`back refused at ${p.end.value}`);
      const back = JSON.parse(JSON.stringify(r.next));
      const prev = p.states.at(-2)!;
      if (engine.outcomeId(prev)) {
        expect(back.value).toBe(prev.value); // back from the result question returns to the open outcome
        expect(back.context.answers).toEqual(prev.context.answers);
      } else {
        expect(back.value).toBe(prev.value);
        expect(back.context.answers).toEqual(p.end.context.answers.slice(0, -1));
        expect(back.context.answers.some((a: { questionId: string }) => a.questionId === prev.value)).toBe(false);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets a finished or cancelled consult take no answers', () => {
    for (const p of complete.filter((x) => engine.status(x.end) === 'finished')) {
      expect(engine.apply(p.end, { type: 'ANSWER', questionId: 'suspicion', optionId: 'yes' })).toEqual({ ok: false, reason: 'finished' });
      expect(engine.apply(p.end, { type: 'BACK' })).toEqual({ ok: false, reason: 'finished' });
    }
    for (const p of paths) {
      const r = engine.apply(p.end, { type: 'CANCEL' });
      if (!r.ok) continue;
      const cancelled = JSON.parse(JSON.stringify(r.next));
      expect(engine.status(cancelled)).toBe('cancelled');
      expect(engine.apply(cancelled, { type: 'RESTART' })).toEqual({ ok: false, reason: 'cancelled' });
    }
  });

  it("reports 'finished' exactly where XState's own snapshot is done", () => {
    for (const p of paths) {
      for (const c of p.states) {
        const done = engine.machine.resolveState({ value: c.value, context: c.context }).status === 'done';
        expect(engine.status(c)).toBe(done ? 'finished' : 'active');
      }
    }
  });

  it('keeps every step identical after a JSON round trip of the snapshot', () => {
    for (const p of paths) {
      for (const s of p.states) {
        const copy = JSON.parse(JSON.stringify(s));
        expect(copy).toEqual(s);
        expect(engine.view(copy)).toEqual(engine.view(s));
      }
    }
  });

  it('refuses answers to a question other than the current one and reports a changed flow version', () => {
    const start = engine.start();
    expect(engine.apply(start, { type: 'ANSWER', questionId: 'region', optionId: 'lumbar' })).toEqual({ ok: false, reason: 'not-allowed' });
    expect(engine.apply(start, { type: 'ANSWER', questionId: 'suspicion', optionId: 'maybe' })).toEqual({ ok: false, reason: 'not-allowed' });
    expect(engine.apply({ ...start, flowVersion: 'old' }, { type: 'ANSWER', questionId: 'suspicion', optionId: 'yes' })).toEqual({ ok: false, reason: 'flow-changed' });
    expect(engine.view({ ...start, flowVersion: 'old' })).toMatchObject({ kind: 'notice', notice: 'flow-changed' });
  });

  it('jumps back with Change to an answered question, dropping it and later answers', () => {
    const p = complete.find((x) => engine.outcomeId(x.end) === 'recommend-mri')!;
    const r = engine.apply(p.end, { type: 'CHANGE', questionId: 'neuro' });
    expect(r.ok && r.next.value).toBe('neuro');
    expect(r.ok && r.next.context.answers.map((a) => a.questionId)).toEqual(['suspicion', 'prior_imaging']);
    expect(engine.apply(engine.start(), { type: 'CHANGE', questionId: 'neuro' })).toEqual({ ok: false, reason: 'not-allowed' });
  });
});
