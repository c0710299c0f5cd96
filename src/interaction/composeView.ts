import { FEEDBACK_CHOICES, FEEDBACK_REASONS, CHOICE_LABELS, REASON_LABELS } from '../consult/feedbackOptions.js';
import { feedbackLine } from '../consult/followUpText.js';
import type { PersistedConsult } from '../flow/engine.js';
import { deepFreeze } from '../flow/viewMemo.js';
import type { Controls, FeedbackView, HandoffView, NoticeView, OutcomeView, QuestionView } from '../flow/viewTypes.js';
import type { FollowUp } from '../store/types.js';
import type { Pathway } from './pathways.js';
import { LABELS } from './product.js';

/** A control button as every channel draws it: the click it sends, its label, its emphasis. */
export interface ControlButton {
  action: 'record_result' | 'back' | 'restart' | 'cancel' | 'new_consult';
  label: string;
  emphasis?: 'primary' | 'danger';
}

/** A view ready for a renderer: the flow's view plus its labelled controls and, on outcomes, the safety, feedback and hand-off parts. */
export type Composed<V> = V & { buttons: ControlButton[] };
/** What renderers take: only composeView makes one, so no channel can skip the safety parts. */
export type ComposedView = Composed<QuestionView> | Composed<OutcomeView> | Composed<NoticeView>;

/** What the channel can do for this consult. */
export interface Capabilities {
  /** Whether a radiology destination exists; without one there is no "Ask radiology". */
  radiology: boolean;
}

/** The parts of a consult a view is composed from. */
export interface ConsultParts {
  snapshot: PersistedConsult;
  followUp?: FollowUp;
}

function feedbackView(followUp: FollowUp | undefined): FeedbackView {
  const f = followUp?.feedback;
  if (f?.final) return { choices: [], reasons: [], recorded: feedbackLine(f) };
  return {
    choices: FEEDBACK_CHOICES.map((id) => ({ id, label: CHOICE_LABELS[id] })),
    // Reasons appear once "Ordering something else" was pressed (stored as a pending choice).
    reasons: f?.choice === 'something_else' ? FEEDBACK_REASONS.map((id) => ({ id, label: REASON_LABELS[id] })) : [],
  };
}

function handoffView(followUp: FollowUp | undefined, prominent: boolean): HandoffView {
  const h = followUp?.handoff;
  const state = !h ? 'available' : h.claimedBy ? 'claimed' : 'requested';
  return {
    prominent, state, label: LABELS.askRadiology,
    ...(h?.claimedBy ? { claimedBy: h.claimedBy } : {}),
    ...(h?.claimedByName ? { claimedByName: h.claimedByName } : {}),
  };
}

/** The labelled controls a view allows, in one order for every channel; `reopenLabel` is the flow's continuation label. */
export function controlButtons(c: Controls, reopenLabel?: string): ControlButton[] {
  const out: ControlButton[] = [];
  if (c.recordResult && reopenLabel) out.push({ action: 'record_result', label: reopenLabel, emphasis: 'primary' });
  if (c.back) out.push({ action: 'back', label: LABELS.back });
  if (c.restart) out.push({ action: 'restart', label: LABELS.restart });
  if (c.cancel) out.push({ action: 'cancel', label: LABELS.cancel, emphasis: 'danger' });
  if (c.newConsult) out.push({ action: 'new_consult', label: LABELS.newConsult });
  return out;
}

/**
 * The one place a consult's view is made for any channel: the flow's view, its labelled controls,
 * and on outcomes the safety notice, feedback and "Ask radiology" the pathway's followup.yaml asks
 * for. Pure; the flow machine never sees any of it, so answers and `step` mean what they did.
 */
export function composeView(pathway: Pathway, consult: ConsultParts, capabilities: Capabilities): ComposedView {
  // Without follow-up state the composed view depends only on the flow's view (one frozen object
  // per flow version, state, answers and step) and the capabilities: compose each pair once.
  const view = pathway.engine.view(consult.snapshot);
  if (consult.followUp || !Object.isFrozen(view)) return compose(pathway, consult, capabilities);
  const key = JSON.stringify(capabilities);
  let byView = composedOnce.get(key);
  if (!byView) composedOnce.set(key, (byView = new WeakMap()));
  let composed = byView.get(view);
  if (!composed) byView.set(view, (composed = deepFreeze(compose(pathway, consult, capabilities))));
  return composed;
}

const composedOnce = new Map<string, WeakMap<object, ComposedView>>();

function compose(pathway: Pathway, consult: ConsultParts, capabilities: Capabilities): ComposedView {
  const view = pathway.engine.view(consult.snapshot);
  if (view.kind !== 'outcome') return { ...view, buttons: controlButtons(view.controls) };
  const reopen = pathway.content.flow.continuations.find((x) => x.outcome === view.outcomeId);
  const buttons = controlButtons(view.controls, reopen?.label);
  const rules = pathway.content.rules.followup;
  const { followUp } = consult;
  // A request already sent stays visible even if the channel setting is later removed.
  const showHandoff = capabilities.radiology || !!followUp?.handoff;
  return {
    ...view,
    buttons,
    // Topic buttons show the short label written for them in rules/, never a cut question.
    related: view.related.map((t) => ({ ...t, title: pathway.topicLabels[t.faqId] ?? t.title })),
    ...(rules.noPaging.outcomes.includes(view.outcomeId) ? { safetyNotice: rules.noPaging.text } : {}),
    ...(rules.feedback.outcomes.includes(view.outcomeId) ? { feedback: feedbackView(followUp) } : {}),
    ...(showHandoff ? { handoff: handoffView(followUp, rules.askRadiology.prominentOn.includes(view.outcomeId)) } : {}),
  };
}
