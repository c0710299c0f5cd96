import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ConsultService } from '../../consult/consultService.js';
import { rejectionText, type ReplyStyle } from '../../consult/rejections.js';
import type { Logger } from '../../log/logger.js';
import { parseAction } from './buttonValue.js';
import type { ConsultDelivery, Surface } from './consultDelivery.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { isFollowUp, type FollowUpPress } from './handleFollowUp.js';
import { COMMAND } from './productInfo.js';
import { renderFaq } from './renderFaq.js';
import { slackErrorCode } from './slackErrors.js';

/** How rejection texts name things in Slack. */
export const SLACK_STYLE: ReplyStyle = { startHint: COMMAND, mention: (id) => `<@${id}>` };

const NOT_UNDERSTOOD = 'Sorry, I did not understand that button, so nothing was changed.';
const FAILED = 'Sorry, something went wrong on my side. Nothing you see was lost; please try again.';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Every button press: answers and controls of a consult, "New consult"/"Start a consult", FAQ topics. */
export function handleAction(deps: { service: ConsultService; delivery: ConsultDelivery; logger: Logger; faq: FaqPort; followUp?: FollowUpPress }) {
  const { service, delivery, logger, faq, followUp } = deps;

  const startWhere = async (args: ActionArgs, surface: Surface) => {
    const { body, client } = args;
    const team = body.team?.id ?? body.user.team_id ?? 'unknown';
    let channel = body.channel?.id;
    if (!channel) {
      // App Home has no conversation: run the consult in the user's direct message with the bot.
      const opened = await client.conversations.open({ users: body.user.id });
      channel = opened.channel?.id;
    }
    if (channel) await delivery.start(surface, { team, channel, user: body.user.id });
  };

  const faqTopic = async (args: ActionArgs, faqId: string, surface: Surface) => {
    const view = faq.topic(faqId);
    const channel = args.body.channel?.id;
    if (!view || !channel) return delivery.tellPrivately(surface, NOT_UNDERSTOOD);
    await args.client.chat.postMessage({ channel, ...renderFaq(view) });
  };

  return async (args: ActionArgs): Promise<void> => {
    const { body, action, client, respond, context } = args;
    // A consult click is saved before Slack gets its 200 (docs/ops.md: a 200 means committed);
    // everything else is acknowledged first. Slack allows 3 s; a save takes milliseconds.
    let acked: Promise<void> | undefined;
    const ack = () => (acked ??= args.ack());
    const surface: Surface = { client, respond, botUserId: context.botUserId };
    const parsed = action?.type === 'button' ? parseAction(action.action_id, action.value) : { kind: 'invalid' as const };
    let consultId: string | undefined;
    if (parsed.kind !== 'click' || isFollowUp(parsed.data)) await ack();
    try {
      switch (parsed.kind) {
        case 'invalid':
          return await delivery.tellPrivately(surface, NOT_UNDERSTOOD);
        case 'new-consult':
          return await startWhere(args, surface);
        case 'faq-topic':
          return await faqTopic(args, parsed.faqId, surface);
        case 'click': {
          consultId = parsed.data.consultId;
          if (isFollowUp(parsed.data)) {
            if (!followUp) return await delivery.tellPrivately(surface, NOT_UNDERSTOOD);
            return await followUp(surface, parsed.data, { userId: body.user.id, channel: body.channel?.id });
          }
          const result = await service.click({ userId: body.user.id, data: parsed.data });
          await ack();
          if (result.ok) return await delivery.show(surface, result.record);
          // A stale press means this message lags behind the consult (two quick presses, or an
          // update Slack dropped): bring it up to date, which changes nothing in the consult.
          if (result.reason === 'stale' && result.record && result.record.ownerId === body.user.id) {
            await delivery.show(surface, result.record);
          }
          const text = rejectionText(result.reason, result.record?.ownerId ?? '', SLACK_STYLE);
          if (text) await delivery.tellPrivately(surface, text, consultId);
          return;
        }
      }
    } catch (err) {
      await ack();
      logger.error({ consultId, slackError: slackErrorCode(err), err: (err as Error).message }, 'slack: button handling failed');
      await delivery.tellPrivately(surface, FAILED, consultId);
    }
  };
}
