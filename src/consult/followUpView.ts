import type { Rules } from '../flow/schema.js';
import type { FeedbackView, HandoffView, View } from '../flow/viewTypes.js';
import type { FollowUp } from '../store/types.js';
import { FEEDBACK_CHOICES, FEEDBACK_REASONS } from './clickData.js';
import { ASK_RADIOLOGY, CHOICE_LABELS, feedbackLine, REASON_LABELS } from './followUpText.js';

/** What the view decoration needs: the follow-up rules and the consult's stored follow-up state. */
export interface FollowUpViewInput {
  rules: Rules['followup'];
  followUp: FollowUp | undefined;
  /** Whether this channel has a radiology destination; without one there is no "Ask radiology". */
  radiology: boolean;
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
    prominent, state, label: ASK_RADIOLOGY,
    ...(h?.claimedBy ? { claimedBy: h.claimedBy } : {}),
    ...(h?.claimedByName ? { claimedByName: h.claimedByName } : {}),
  };
}

/**
 * Adds feedback, hand-off and safety wording to an outcome view; other views pass through. Pure:
 * the flow machine never sees any of it, so answers and `step` mean exactly what they did.
 */
export function withFollowUp(view: View, input: FollowUpViewInput): View {
  if (view.kind !== 'outcome') return view;
  const { rules, followUp, radiology } = input;
  // A request already sent stays visible even if the channel setting is later removed.
  const showHandoff = radiology || !!followUp?.handoff;
  return {
    ...view,
    ...(rules.noPaging.outcomes.includes(view.outcomeId) ? { safetyNotice: rules.noPaging.text } : {}),
    ...(rules.feedback.outcomes.includes(view.outcomeId) ? { feedback: feedbackView(followUp) } : {}),
    ...(showHandoff ? { handoff: handoffView(followUp, rules.askRadiology.prominentOn.includes(view.outcomeId)) } : {}),
  };
}
