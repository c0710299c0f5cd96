import type { FeedbackChoice, FeedbackReason, FeedbackState } from '../store/types.js';
import type { Actor } from './binding.js';
import { checkOutcomePress, saveFollowUp, withRetry, type FollowUpDeps, type FollowUpResult } from './followUpGuard.js';

/** One press of a feedback button: "Ordering ..." (choice) or a reason for "something else". */
export interface FeedbackPress {
  consultId: string;
  step: number;
  actor: Actor;
  choice: FeedbackChoice;
  reason?: FeedbackReason;
}

/** The audit event for a final feedback, e.g. `feedback:something_else:availability`. */
export function feedbackEvent(f: Pick<FeedbackState, 'choice' | 'reason'>): string {
  return f.reason ? `feedback:${f.choice}:${f.reason}` : `feedback:${f.choice}`;
}

/**
 * Records the owner's feedback on a recommendation. "Ordering something else" without a reason
 * only opens the reason choice (saved, not audited); every final answer is audited once and then
 * fixed: the same press again is a silent duplicate, a different one is refused politely.
 */
export function recordFeedback(deps: FollowUpDeps, press: FeedbackPress): Promise<FollowUpResult> {
  return withRetry(async () => {
    const check = await checkOutcomePress(deps, press, 'feedback');
    if (!check.ok) return check;
    const { record, outcome } = check.checked;
    const outcomes = deps.pathways.engine(record.flowId)?.content.rules.followup.feedback.outcomes ?? [];
    if (!outcomes.includes(outcome.outcomeId)) return { ok: false, reason: 'invalid', record };
    if (press.reason && press.choice !== 'something_else') return { ok: false, reason: 'invalid', record };
    const current = record.followUp?.feedback;
    if (current?.final) {
      const same = current.choice === press.choice && (current.reason === press.reason || !press.reason);
      return { ok: false, reason: same ? 'duplicate' : 'already-recorded', record };
    }
    const final = press.choice !== 'something_else' || !!press.reason;
    if (!final && current?.choice === 'something_else') return { ok: false, reason: 'duplicate', record };
    const feedback: FeedbackState = {
      choice: press.choice, ...(press.reason ? { reason: press.reason } : {}), final, by: press.actor.userId, at: deps.now().toISOString(),
    };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, feedback }, final ? feedbackEvent(feedback) : null, press.actor.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}
