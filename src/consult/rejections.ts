/** Why a click changed nothing, as the service reports it. */
export type RejectReason =
  | 'not-found'
  | 'not-owner'
  | 'expired'
  | 'flow-changed'
  | 'duplicate'
  | 'stale'
  | 'finished'
  | 'cancelled'
  | 'invalid';

/** How a channel names things in its replies. */
export interface ReplyStyle {
  /** How to start a consult here, e.g. "/spine-consult" or "type consult". */
  startHint: string;
  /** How to mention a user, e.g. Slack's `<@U123>`. */
  mention: (userId: string) => string;
  /** How to name a colleague who took a hand-off, where the platform can from an id alone (Slack). */
  mentionStaff?: (userId: string) => string;
}

/** A short, polite explanation for the clicker; undefined when silence is right (a retried delivery). */
export function rejectionText(reason: RejectReason, ownerId: string, style: ReplyStyle): string | undefined {
  switch (reason) {
    case 'not-owner':
      return `Only ${style.mention(ownerId)} can answer this one; start your own with ${style.startHint}.`;
    case 'expired':
      return `This consult expired after a long pause without answers. Start a new one with ${style.startHint}.`;
    case 'flow-changed':
      return `The guidance behind this consult was updated since it started, so it cannot continue. Start a new one with ${style.startHint}.`;
    case 'stale':
      return 'That button is from an earlier step; the consult has moved on. Use the buttons on its current step.';
    case 'finished':
      return `This consult is finished. Start a new one with ${style.startHint}.`;
    case 'cancelled':
      return `This consult was cancelled. Start a new one with ${style.startHint}.`;
    case 'not-found':
      return `This consult is no longer available. Start a new one with ${style.startHint}.`;
    case 'invalid':
      return 'That action does not fit this step of the consult; nothing was changed.';
    case 'duplicate':
      return undefined;
  }
}
