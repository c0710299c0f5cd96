import type { FeedbackState } from '../store/types.js';
import { CHOICE_LABELS, REASON_LABELS } from './feedbackOptions.js';
import { rejectionText, type RejectReason, type ReplyStyle } from './rejections.js';


/** The one-line record shown on the consult, e.g. "Feedback: ordering something else - availability". */
export function feedbackLine(f: Pick<FeedbackState, 'choice' | 'reason'>): string {
  const choice = CHOICE_LABELS[f.choice].toLowerCase();
  return f.reason ? `Feedback: ${choice} - ${REASON_LABELS[f.reason].toLowerCase()}` : `Feedback: ${choice}`;
}

/** Why a follow-up press changed nothing: the consult rules, plus a few of its own. */
export type FollowUpReject = RejectReason | 'already-recorded' | 'already-claimed' | 'no-radiology';

/**
 * A short, polite explanation for the presser; undefined when silence is right (a repeated press).
 * `claimedBy` names whoever took the hand-off, already formatted for the channel.
 */
export function followUpRejectionText(reason: FollowUpReject, ownerId: string, style: ReplyStyle, claimedBy?: string): string | undefined {
  switch (reason) {
    case 'already-recorded':
      return 'Feedback on this consult is already recorded; thank you. Nothing was changed.';
    case 'already-claimed':
      return `${claimedBy ?? 'Someone'} has already taken this one; thank you. Nothing was changed.`;
    case 'no-radiology':
      return 'No radiology channel is set up, so nothing was sent.';
    case 'not-owner':
      return `Only ${style.mention(ownerId)} can use these buttons; start your own consult with ${style.startHint}.`;
    default:
      return rejectionText(reason, ownerId, style);
  }
}
