import type { ReplyStyle } from '../../consult/rejections.js';
import type { ComposedView } from '../../interaction/composeView.js';
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ChannelPort, Delivered, Effect, Press } from '../../interaction/effects.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { SlackMessage } from './blockKit.js';
import type { ConsultDelivery, Surface } from './consultDelivery.js';
import { parseButton } from './buttonValue.js';
import { COMMAND } from './productInfo.js';
import { renderPathwayChoice } from './renderHelp.js';
import { claimNotice, renderRadiologyPost } from './renderFollowUp.js';
import { renderSlack } from './renderSlack.js';
import { slackErrorCode, withRateLimitRetry } from './slackErrors.js';

/** How refusal texts name things in Slack. */
export const SLACK_STYLE: ReplyStyle = { startHint: COMMAND, mention: (id) => `<@${id}>`, mentionStaff: (id) => `<@${id}>` };

/** What the Slack port needs for the life of the app. */
export interface SlackPortDeps {
  delivery: ConsultDelivery;
  compose: (record: ConsultRecord) => ComposedView;
  logger: Logger;
  /** SLACK_RADIOLOGY_CHANNEL; without it "Ask radiology" is neither drawn nor accepted. */
  radiologyChannel?: string;
}

/** A button press as Bolt hands it over (signature already verified). */
export type SlackActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Slack `channel:ts` of a posted message. */
const parseRef = (ref: string | undefined) => {
  const [channel, ts] = (ref ?? '').split(':');
  return channel && ts ? { channel, ts } : undefined;
};

/**
 * Slack's side of one request: decodes a button press into the core's Press (workspace = the team,
 * the press's channel decides whether it is the radiology post), renders composed views as Block
 * Kit and delivers the core's effects.
 */
export function slackPort(deps: SlackPortDeps, surface: Surface): ChannelPort<SlackActionArgs, SlackMessage> {
  const { delivery, compose, logger, radiologyChannel } = deps;
  const client = surface.client;
  const radiologyPost = (record: ConsultRecord, summary: string) => renderRadiologyPost({
    consultId: record.id, step: record.step, ownerId: record.ownerId, conversation: record.conversation, summary,
    ...(record.followUp?.handoff?.claimedBy ? { claimedBy: record.followUp.handoff.claimedBy } : {}),
  });
  const logFailure = (record: ConsultRecord, what: string) => (err: unknown) => { logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, `slack: ${what} failed`); };

  const deliver = async (effect: Effect): Promise<Delivered | void> => {
    switch (effect.kind) {
      case 'show': return delivery.show(surface, effect.record);
      // A repeated press redraws the consult as it is: the message may never have shown the first one
      // (its update failed, or came after Slack gave up), and pressing again is how users retry.
      case 'unchanged': return delivery.show(surface, effect.record);
      case 'tell': return delivery.tellPrivately(surface, effect.text);
      case 'choosePathway': return delivery.tellPrivately(surface, renderPathwayChoice(effect.pathways));
      case 'post': {
        const ts = await delivery.post(surface, effect.record);
        return ts ? { ref: ts } : undefined;
      }
      case 'postToRadiology': {
        const post = radiologyPost(effect.record, effect.summary);
        const sent = await withRateLimitRetry(() => client.chat.postMessage({ channel: radiologyChannel!, ...post }))
          .catch(logFailure(effect.record, 'posting to the radiology channel'));
        return sent?.ts ? { ref: `${radiologyChannel}:${sent.ts}` } : undefined;
      }
      case 'updateRadiologyPost': {
        // The claim is saved: each message that shows it is updated on its own, so one failure
        // (logged) never hides the others or makes the claim look refused.
        const ref = parseRef(effect.record.followUp?.handoff?.postRef);
        if (!ref) return;
        await withRateLimitRetry(() => client.chat.update({ channel: ref.channel, ts: ref.ts, ...radiologyPost(effect.record, effect.summary) }))
          .catch(logFailure(effect.record, 'updating the radiology post'));
        return;
      }
      case 'notifyOrigin': {
        // Never through the presser's response_url: that is the radiology post.
        const { record } = effect;
        if (!record.messageRef) return;
        await withRateLimitRetry(() => client.chat.update({ channel: record.conversation, ts: record.messageRef!, ...renderSlack(compose(record), record.id) }))
          .catch(logFailure(record, 'updating the consult after a claim'));
        await withRateLimitRetry(() => client.chat.postMessage({
          channel: record.conversation, thread_ts: record.messageRef!, text: claimNotice(record.followUp!.handoff!.claimedBy!),
        })).catch(logFailure(record, 'telling the clinician about the claim'));
        return;
      }
    }
  };

  return {
    channel: 'slack',
    style: SLACK_STYLE,
    decode: ({ body, action }) => {
      const parsed = parseButton(action);
      if (parsed.kind !== 'click' && parsed.kind !== 'start') return undefined;
      const channel = body.channel?.id;
      const { container } = body;
      // The pressed message's ts: a click may arrive before the bot has saved the ts of a message it just posted.
      const messageRef = container?.type === 'message' && !container.is_ephemeral && channel && container.channel_id === channel
        && typeof container.message_ts === 'string' ? container.message_ts : undefined;
      return {
        actor: { channel: 'slack', workspace: body.team?.id ?? body.user.team_id ?? 'unknown', userId: body.user.id },
        data: parsed.kind === 'click' ? parsed.data : { action: 'start', ...(parsed.pathwayId ? { pathwayId: parsed.pathwayId } : {}) },
        ...(channel ? { conversation: channel } : {}),
        fromRadiology: !!radiologyChannel && channel === radiologyChannel,
        ...(messageRef ? { messageRef } : {}),
      };
    },
    render: (view, consultId) => renderSlack(view, consultId),
    capabilities: () => ({ radiology: !!radiologyChannel }),
    deliver,
  };
}
