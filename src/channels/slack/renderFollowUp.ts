import type { FeedbackView, HandoffView, OutcomeView } from '../../flow/viewTypes.js';
import { HANDOFF_TEXT } from '../../interaction/handoffText.js';
import { LABELS } from '../../interaction/product.js';
import { actions, button, context, esc, section, type Block, type SlackMessage } from './blockKit.js';
import { consultValue } from './buttonValue.js';

const TEXT = HANDOFF_TEXT;
const mention = (id: string) => `<@${id}>`;

/** The safety sentence on urgent outcomes (block_id `safety`), drawn right under the outcome statement. */
export function renderSafety(view: OutcomeView): Block[] {
  return view.safetyNotice ? [section(`:warning: *${esc(view.safetyNotice)}*`, { blockId: 'safety' })] : [];
}

/** "Ask radiology" while available (block_id `handoff`), else where the request stands. */
export function renderHandoff(h: HandoffView | undefined, consultId: string, step: number): Block[] {
  if (!h) return [];
  if (h.state === 'available') return [actions('handoff', [button(h.label, 'handoff:request', consultValue(consultId, step), h.prominent ? 'primary' : undefined)])];
  return [context([h.state === 'claimed' && h.claimedBy ? TEXT.claimed(mention(h.claimedBy)) : TEXT.requested], 'handoff')];
}

/** Feedback buttons (block_id `feedback`, reasons in `feedback-reason`) or the one-line record. */
export function renderFeedback(f: FeedbackView | undefined, consultId: string, step: number): Block[] {
  if (!f) return [];
  if (f.recorded) return [context([esc(f.recorded)], 'feedback')];
  const value = consultValue(consultId, step);
  return [
    actions('feedback', f.choices.map((c) => button(c.label, `feedback:${c.id}`, value))),
    ...(f.reasons.length ? [actions('feedback-reason', f.reasons.map((r) => button(r.label, `feedback_reason:${r.id}`, value)))] : []),
  ];
}

/** What the radiology channel sees: who asks from where, the consult's summary, and "I'll take it" until someone does. */
export function renderRadiologyPost(
  post: { consultId: string; step: number; ownerId: string; conversation: string; summary: string; claimedBy?: string },
): SlackMessage {
  const title = `*${TEXT.postTitle}* from ${mention(post.ownerId)} in <#${post.conversation}>`;
  return {
    text: `Radiology question from <@${post.ownerId}>`,
    blocks: [
      section(`${title}\n\`\`\`${post.summary.replaceAll('`', 'ʼ')}\`\`\``, { blockId: 'handoff:summary' }),
      post.claimedBy
        ? context([TEXT.postTaken(mention(post.claimedBy))], 'handoff:claim')
        : actions('handoff:claim', [button(LABELS.claim, 'handoff:claim', consultValue(post.consultId, post.step), 'primary')]),
    ],
  };
}

/** The reply in the consult's thread telling the clinician who took it. */
export function claimNotice(claimedBy: string): string {
  return TEXT.told(mention(claimedBy));
}
