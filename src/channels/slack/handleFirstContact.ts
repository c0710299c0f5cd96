import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../log/logger.js';
import { runPress, type PressHandler } from '../../interaction/pressHandler.js';
import { slackPort, type SlackPortDeps } from './slackPort.js';
import type { ProductInfo } from './productInfo.js';
import { renderHelp } from './renderHelp.js';
import { slackErrorCode } from './slackErrors.js';

/**
 * @mention in a channel: what the bot does, its limits and a "Start a consult" button, as a
 * threaded reply so the channel stays quiet. What was typed after the mention is never read or logged.
 */
export function handleMention(deps: { info: ProductInfo; logger: Logger }) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    try {
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...renderHelp(deps.info) });
    } catch (err) {
      deps.logger.error({ slackError: slackErrorCode(err) }, 'slack: answering a mention failed');
    }
  };
}

/** The global shortcut "Start a spine consult": a consult in the user's direct message with the bot, through the core's press handler. */
export function handleStartShortcut(deps: SlackPortDeps & { presses: PressHandler }) {
  return async ({ shortcut, ack, client, context }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      // A global shortcut has no conversation: run the consult where App Home runs it, in the DM.
      const opened = await client.conversations.open({ users: shortcut.user.id });
      const conversation = opened.channel?.id;
      if (!conversation) throw new Error('conversations.open returned no channel');
      const workspace = shortcut.team?.id ?? shortcut.user.team_id ?? 'unknown';
      await runPress(deps.presses, slackPort(deps, { client, botUserId: context.botUserId }), {
        actor: { channel: 'slack', workspace, userId: shortcut.user.id }, data: { action: 'start' }, conversation,
      });
    } catch (err) {
      deps.logger.error({ slackError: slackErrorCode(err), err: (err as Error).message }, 'slack: starting a consult from the shortcut failed');
    }
  };
}
