import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ConsultDelivery } from './consultDelivery.js';
import type { ProductInfo } from './productInfo.js';
import { renderHelp } from './renderHelp.js';

/** Said privately when a consult cannot be started (e.g. the store is down). */
export const START_FAILED = 'Sorry, the consult could not be started just now; nothing was saved. Please try /spine-consult again in a moment.';

/** Whether the command's text asks for help (the text itself is never logged or stored). */
export function asksForHelp(text: string | undefined): boolean {
  return /^\s*(help|\?)\s*$/i.test(text ?? '');
}

/** `/spine-consult [help]`: acknowledges first, then posts the first question (or answers help privately). */
export function handleCommand(delivery: ConsultDelivery, info: ProductInfo) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (asksForHelp(command.text)) {
      await ack({ response_type: 'ephemeral', ...renderHelp(info) });
      return;
    }
    await ack();
    try {
      await delivery.start(
        { client, respond, botUserId: context.botUserId },
        { team: command.team_id, channel: command.channel_id, user: command.user_id },
      );
    } catch {
      // The store could not start the consult: say so privately rather than leave the clinician waiting.
      await respond({ response_type: 'ephemeral', text: START_FAILED }).catch(() => undefined);
    }
  };
}
