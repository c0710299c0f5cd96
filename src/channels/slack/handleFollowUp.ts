import type { ClickData } from '../../consult/clickData.js';
import type { ComposedView } from '../../interaction/composeView.js';
import { CLAIM_LABEL, followUpRejectionText } from '../../consult/followUpText.js';
import type { FollowUpResult, FollowUpService } from '../../consult/followUpService.js';
import type { ReplyStyle } from '../../consult/rejections.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { ConsultDelivery, Surface } from './consultDelivery.js';
import { claimNotice, renderRadiologyPost } from './renderFollowUp.js';
import { renderSlack } from './renderSlack.js';
import { slackErrorCode, withRateLimitRetry } from './slackErrors.js';

/** What the follow-up handler needs. */
export interface FollowUpDeps {
  followUp: FollowUpService;
  delivery: ConsultDelivery;
  /** Draws a consult's view (src/interaction/composeView.ts). */
  compose: (record: ConsultRecord) => ComposedView;
  logger: Logger;
  /** How refusals name people and the start command. */
  style: ReplyStyle;
  /** SLACK_RADIOLOGY_CHANNEL; without it "Ask radiology" is neither drawn nor accepted. */
  radiologyChannel?: string;
}

/** Handles one follow-up press (feedback, hand-off, claim). */
export type FollowUpPress = (surface: Surface, data: ClickData, where: PressWhere) => Promise<void>;

/** Where a press came from. */
export interface PressWhere {
  userId: string;
  /** The channel the pressed message is in. */
  channel?: string;
}

const POST_FAILED = 'Slack did not accept the post to the radiology channel, so nothing was sent. If this keeps happening, ask an admin to invite the app to that channel.';

/** Slack `channel:ts` of a radiology post. */
const postRef = (channel: string, ts: string) => `${channel}:${ts}`;
const parseRef = (ref: string | undefined) => {
  const [channel, ts] = (ref ?? '').split(':');
  return channel && ts ? { channel, ts } : undefined;
};

/**
 * Feedback, "Ask radiology" and "I'll take it" presses in Slack. The core (FollowUpService)
 * applies the owner-only, stale and duplicate rules; this posts and updates the messages.
 */
export function createFollowUpHandler(deps: FollowUpDeps): FollowUpPress {
  const { followUp, delivery, compose, logger, style, radiologyChannel } = deps;
  const radiology = !!radiologyChannel;

  const refuse = async (surface: Surface, result: Extract<FollowUpResult, { ok: false }>, where: PressWhere, consultId: string) => {
    const r = result.record;
    // A stale press means the owner's message lags behind: bring it up to date.
    if (result.reason === 'stale' && r && r.ownerId === where.userId && where.channel === r.conversation) {
      await delivery.show(surface, r);
    }
    const claimer = r?.followUp?.handoff?.claimedBy;
    const text = followUpRejectionText(result.reason, r?.ownerId ?? '', style, claimer ? style.mention(claimer) : undefined);
    if (text) await delivery.tellPrivately(surface, text, consultId);
  };

  /** Redraws the consult's own message (never through the presser's response_url: that may be the radiology post). */
  const redrawConsult = async (surface: Surface, record: ConsultRecord) => {
    if (!record.messageRef) return;
    const message = renderSlack(compose(record), record.id);
    await withRateLimitRetry(() => surface.client.chat.update({ channel: record.conversation, ts: record.messageRef!, ...message }));
  };

  const handoff = async (surface: Surface, data: ClickData, where: PressWhere) => {
    const press = { consultId: data.consultId, step: data.step, userId: where.userId };
    const check = await followUp.checkHandoff(press, radiology);
    if (!check.ok) return refuse(surface, check, where, data.consultId);
    const { record } = check;
    const post = renderRadiologyPost({
      consultId: record.id, step: record.step, ownerId: record.ownerId, conversation: record.conversation,
      summary: followUp.summary(record) ?? '', claimLabel: CLAIM_LABEL,
    });
    let ts: string | undefined;
    try {
      ts = (await withRateLimitRetry(() => surface.client.chat.postMessage({ channel: radiologyChannel!, ...post }))).ts;
    } catch (err) {
      logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: posting to the radiology channel failed');
    }
    if (!ts) return delivery.tellPrivately(surface, POST_FAILED, record.id);
    const saved = await followUp.confirmHandoff(press, { postRef: postRef(radiologyChannel!, ts) });
    if (!saved.ok) return refuse(surface, saved, where, data.consultId);
    await delivery.show(surface, saved.record);
  };

  const claim = async (surface: Surface, data: ClickData, where: PressWhere) => {
    // Only the radiology channel's post carries this button; from anywhere else it is not ours.
    if (!radiology || where.channel !== radiologyChannel) {
      return refuse(surface, { ok: false, reason: 'invalid' }, where, data.consultId);
    }
    const result = await followUp.claim({ consultId: data.consultId, userId: where.userId });
    if (!result.ok) return refuse(surface, result, where, data.consultId);
    const { record } = result;
    const h = record.followUp!.handoff!;
    const ref = parseRef(h.postRef);
    if (ref) {
      const post = renderRadiologyPost({
        consultId: record.id, step: record.step, ownerId: record.ownerId, conversation: record.conversation,
        summary: followUp.summary(record) ?? '', claimLabel: CLAIM_LABEL, claimedBy: h.claimedBy,
      });
      // The claim is saved: each message that shows it is updated on its own, so one failure
      // (logged) never hides the others or makes the claim look refused.
      await withRateLimitRetry(() => surface.client.chat.update({ channel: ref.channel, ts: ref.ts, ...post }))
        .catch((err) => logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: updating the radiology post failed'));
    }
    await redrawConsult(surface, record)
      .catch((err) => logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: redrawing the consult after a claim failed'));
    if (record.messageRef) {
      await withRateLimitRetry(() => surface.client.chat.postMessage({
        channel: record.conversation, thread_ts: record.messageRef!, text: claimNotice(h.claimedBy!),
      })).catch((err) => logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: telling the clinician about the claim failed'));
    }
  };

  const feedback = async (surface: Surface, data: ClickData, where: PressWhere) => {
    const result = await followUp.feedback({
      consultId: data.consultId, step: data.step, userId: where.userId, choice: data.choice!,
      ...(data.reason ? { reason: data.reason } : {}),
    });
    if (!result.ok) return refuse(surface, result, where, data.consultId);
    await delivery.show(surface, result.record);
  };

    /** Handles one follow-up press; the caller catches and reports failures. */
  return async (surface: Surface, data: ClickData, where: PressWhere): Promise<void> => {
    switch (data.action) {
      case 'feedback': return data.choice ? feedback(surface, data, where) : refuse(surface, { ok: false, reason: 'invalid' }, where, data.consultId);
      case 'handoff': return handoff(surface, data, where);
      case 'claim': return claim(surface, data, where);
      default: return refuse(surface, { ok: false, reason: 'invalid' }, where, data.consultId);
    }
  };
}

/** Whether a click is a follow-up press (not a flow step). */
export const isFollowUp = (data: ClickData): boolean => data.action === 'feedback' || data.action === 'handoff' || data.action === 'claim';
