import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isPathwayId } from '../../consult/clickData.js';
import { runPress, type PressHandler } from '../../interaction/pressHandler.js';
import type { ProductInfo } from './productInfo.js';
import { renderHelp } from './renderHelp.js';
import { slackPort, type SlackPortDeps } from './slackPort.js';

/** Said privately when a consult cannot be started (e.g. the store is down). */
export const START_FAILED = 'Sorry, the consult could not be started just now; nothing was saved. Please try /spine-consult again in a moment.';

/** Whether the command's text asks for help (the text itself is never logged or stored). */
export function asksForHelp(text: string | undefined): boolean {
  return /^\s*(help|\?)\s*$/i.test(text ?? '');
}

/** The pathway named after the command (`/spine-consult <pathway>`), lower-cased; undefined when none. */
export function pathwayArgument(text: string | undefined): string | undefined {
  const word = (text ?? '').trim().toLowerCase();
  return isPathwayId(word) ? word : undefined;
}

/** `/spine-consult [help | <pathway>]`: acknowledges first, then starts (or offers the pathways, or answers help privately). */
export function handleCommand(deps: SlackPortDeps & { presses: PressHandler; info: ProductInfo }) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    if (asksForHelp(command.text)) {
      await ack({ response_type: 'ephemeral', ...renderHelp(deps.info) });
      return;
    }
    await ack();
    const port = slackPort(deps, { client, respond, botUserId: context.botUserId });
    const pathwayId = pathwayArgument(command.text);
    try {
      await runPress(deps.presses, port, {
        actor: { channel: 'slack', workspace: command.team_id, userId: command.user_id },
        data: { action: 'start', ...(pathwayId ? { pathwayId } : {}) },
        conversation: command.channel_id,
      });
    } catch {
      // The store could not start the consult: say so privately rather than leave the clinician waiting.
      await respond({ response_type: 'ephemeral', text: START_FAILED }).catch(() => undefined);
    }
  };
}
