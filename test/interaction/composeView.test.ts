import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import type { Content } from '../../src/flow/parseContent.js';
import { composeView, controlButtons } from '../../src/interaction/composeView.js';
import type { Pathway } from '../../src/interaction/pathways.js';
import type { FollowUp } from '../../src/store/types.js';
import { composedOf } from '../support/composed.js';
import { testPathways } from '../store/storeHarness.js';
import { walkAllPaths } from '../flow/flowPaths.js';

const content = loadContent();
const engine = createFlowEngine(content);
const followup = content.rules.followup;
/** One consult standing at each outcome of the shipped flow, and one at each question. */
const at = new Map(walkAllPaths(engine).flatMap((p) => p.states).map((s) => [s.value, s]));
const outcomes = content.rules.outcomes.outcomes.map((o) => ({ outcome: o, consult: at.get(o.id)! }));
const handoff = (extra: Partial<NonNullable<FollowUp['handoff']>> = {}): FollowUp =>
  ({ handoff: { requestedBy: 'U1', requestedAt: '2026-03-01T09:00:00.000Z', outcomeId: 'x', ...extra } });

describe('composeView: the safety parts every channel draws', () => {
  it('reaches every outcome of the shipped flow', () => {
    for (const { outcome, consult } of outcomes) expect(consult, outcome.id).toBeDefined();
  });

  it('says nobody is paged on every emergency outcome, and only there', () => {
    for (const { outcome, consult } of outcomes) {
      const v = composedOf(consult);
      const paging = followup.noPaging.outcomes.includes(outcome.id);
      if (outcome.kind === 'emergency') expect(paging, outcome.id).toBe(true);
      expect(v.kind === 'outcome' && v.safetyNotice, outcome.id).toBe(paging ? followup.noPaging.text : undefined);
    }
  });

  it('asks for feedback on the recommendations it is configured for, and nowhere else', () => {
    for (const { outcome, consult } of outcomes) {
      const v = composedOf(consult);
      if (v.kind !== 'outcome') throw new Error('outcome expected');
      if (!followup.feedback.outcomes.includes(outcome.id)) {
        expect(v.feedback, outcome.id).toBeUndefined();
        continue;
      }
      expect(v.feedback!.choices.map((c) => c.id)).toEqual(['as_recommended', 'something_else', 'not_ordering']);
      expect(v.feedback!.reasons).toEqual([]);
      expect(v.feedback!.recorded).toBeUndefined();
    }
  });

  it('offers the reasons once "something else" is pressed, and only a record line once feedback is final', () => {
    const consult = at.get(followup.feedback.outcomes[0])!;
    const pending = composedOf(consult, { radiology: false }, { feedback: { choice: 'something_else', final: false, by: 'U1', at: '2026-03-01T09:00:00.000Z' } });
    expect(pending.kind === 'outcome' && pending.feedback!.reasons.map((r) => r.id)).toEqual(['contraindication', 'patient_factors', 'availability', 'specialist_advice', 'other']);
    const done = composedOf(consult, { radiology: false }, { feedback: { choice: 'something_else', reason: 'availability', final: true, by: 'U1', at: '2026-03-01T09:00:00.000Z' } });
    expect(done.kind === 'outcome' && done.feedback).toEqual({ choices: [], reasons: [], recorded: 'Feedback: ordering something else - availability' });
  });

  it('offers "Ask radiology" only where a radiology channel exists, prominently where the pathway says', () => {
    for (const { outcome, consult } of outcomes) {
      const none = composedOf(consult, { radiology: false });
      expect(none.kind === 'outcome' && none.handoff, outcome.id).toBeUndefined();
      const offered = composedOf(consult, { radiology: true });
      expect(offered.kind === 'outcome' && offered.handoff, outcome.id).toEqual({
        prominent: followup.askRadiology.prominentOn.includes(outcome.id), state: 'available', label: 'Ask radiology',
      });
    }
  });

  it('keeps showing a request already sent, and who took it, even without a radiology channel now', () => {
    const consult = outcomes[0].consult;
    const requested = composedOf(consult, { radiology: false }, handoff());
    expect(requested.kind === 'outcome' && requested.handoff).toMatchObject({ state: 'requested' });
    expect(requested.kind === 'outcome' && requested.handoff).not.toHaveProperty('claimedBy');
    const claimed = composedOf(consult, { radiology: false }, handoff({ claimedBy: 'R1', claimedByName: 'Dr Ray' }));
    expect(claimed.kind === 'outcome' && claimed.handoff).toMatchObject({ state: 'claimed', claimedBy: 'R1', claimedByName: 'Dr Ray' });
    const claimedNoName = composedOf(consult, { radiology: true }, handoff({ claimedBy: 'R1' }));
    expect(claimedNoName.kind === 'outcome' && claimedNoName.handoff).not.toHaveProperty('claimedByName');
  });

  it('adds none of these parts to a question or a notice, whatever the follow-up state', () => {
    const question = composedOf(engine.start(), { radiology: true }, handoff());
    const cancelled = engine.apply(engine.start(), { type: 'CANCEL' });
    const notice = composedOf((cancelled as { next: PersistedConsult }).next, { radiology: true }, handoff());
    for (const v of [question, notice]) {
      expect(v).not.toHaveProperty('safetyNotice');
      expect(v).not.toHaveProperty('feedback');
      expect(v).not.toHaveProperty('handoff');
    }
  });
});

describe('composeView: control buttons', () => {
  it('labels the controls a view allows, in one order, with the flow\'s own label to reopen a consult', () => {
    const reopen = content.flow.continuations[0];
    const open = composedOf(at.get(reopen.outcome)!);
    expect(open.buttons).toEqual([
      { action: 'record_result', label: reopen.label, emphasis: 'primary' },
      { action: 'back', label: 'Back' },
      { action: 'restart', label: 'Restart' },
      { action: 'cancel', label: 'Cancel', emphasis: 'danger' },
      { action: 'new_consult', label: 'New consult' },
    ]);
    expect(composedOf(engine.start()).buttons.map((b) => b.action)).toEqual(['restart', 'cancel']);
    const finished = outcomes.find(({ outcome }) => !content.flow.continuations.some((c) => c.outcome === outcome.id))!;
    expect(composedOf(finished.consult).buttons).toEqual([{ action: 'new_consult', label: 'New consult' }]);
    const cancelled = engine.apply(engine.start(), { type: 'CANCEL' });
    expect(composedOf((cancelled as { next: PersistedConsult }).next).buttons).toEqual([{ action: 'new_consult', label: 'New consult' }]);
  });

  it('draws only the controls a view allows: a reopen label alone adds no button, nor does the control without one', () => {
    const none = { back: false, restart: false, cancel: false, recordResult: false, newConsult: true };
    expect(controlButtons(none, 'Record MRI result')).toEqual([{ action: 'new_consult', label: 'New consult' }]);
    expect(controlButtons({ ...none, recordResult: true })).toEqual([{ action: 'new_consult', label: 'New consult' }]);
  });

  it('labels the reopen button with the continuation of the outcome shown, when a flow has several', () => {
    const mri = content.flow.continuations[0];
    const other = outcomes.find(({ outcome }) => outcome.id !== mri.outcome && outcome.kind !== 'emergency')!;
    // The shipped flow with a second outcome that records a result, listed first.
    const two: Content = {
      ...content,
      flow: { ...content.flow, continuations: [{ outcome: other.outcome.id, question: mri.question, label: 'Record other result' }, mri] },
      rules: { ...content.rules, outcomes: { ...content.rules.outcomes, outcomes: content.rules.outcomes.outcomes.map((o) => (o.id === other.outcome.id ? { ...o, recordResult: true } : o)) } },
    };
    const pathway: Pathway = { ...testPathways().list()[0], content: two, engine: createFlowEngine(two) };
    const reopenOf = (consult: PersistedConsult) => composeView(pathway, { snapshot: consult }, { radiology: false }).buttons[0];
    expect(reopenOf(at.get(mri.outcome)!)).toEqual({ action: 'record_result', label: mri.label, emphasis: 'primary' });
    expect(reopenOf(other.consult)).toEqual({ action: 'record_result', label: 'Record other result', emphasis: 'primary' });
  });
});

describe('composeView: feedback labels, topic labels, shared views', () => {
  it('labels the feedback choices for people', () => {
    const v = composedOf(at.get(followup.feedback.outcomes[0])!);
    expect(v.kind === 'outcome' && v.feedback!.choices).toEqual([
      { id: 'as_recommended', label: 'Ordering as recommended' },
      { id: 'something_else', label: 'Ordering something else' },
      { id: 'not_ordering', label: 'Not ordering' },
    ]);
  });

  it('gives related topics the short label written for them, else the FAQ question', () => {
    const pathway = testPathways().list()[0];
    for (const { consult } of outcomes) {
      const flowView = engine.view(consult);
      const v = composedOf(consult);
      if (v.kind !== 'outcome' || flowView.kind !== 'outcome') throw new Error('outcome expected');
      expect(v.related).toEqual(flowView.related.map((t) => ({ faqId: t.faqId, title: pathway.topicLabels[t.faqId] ?? t.title })));
    }
    expect(outcomes.some(({ consult }) => { const v = composedOf(consult); return v.kind === 'outcome' && v.related.some((t) => pathway.topicLabels[t.faqId]); })).toBe(true);
  });

  it('composes a consult without follow-up state once per state and capabilities, frozen; with follow-up state afresh', () => {
    const consult = outcomes[0].consult;
    const once = composedOf(consult, { radiology: true });
    expect(composedOf(structuredClone(consult), { radiology: true })).toBe(once);
    expect(Object.isFrozen(once)).toBe(true);
    expect(composedOf(consult, { radiology: false })).not.toBe(once);
    expect(composedOf(consult, { radiology: true }, handoff())).not.toBe(composedOf(consult, { radiology: true }, handoff()));
  });
});
