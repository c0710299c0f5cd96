import type { Logger } from '../../log/logger.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { isFollowUp } from '../../consult/clickData.js';
import { runPress, type PressHandler } from '../../interaction/pressHandler.js';
import { parseButton } from './buttonValue.js';
import { FAILED, type Surface } from './consultDelivery.js';
import { renderFaq } from './renderFaq.js';
import { slackErrorCode } from './slackErrors.js';
import { slackPort, type SlackActionArgs, type SlackPortDeps } from './slackPort.js';

const NOT_UNDERSTOOD = 'Sorry, I did not understand that button, so nothing was changed.';

/** Every button press: consult buttons go to the core's press handler; FAQ topic buttons get their answer. */
export function handleAction(deps: SlackPortDeps & { presses: PressHandler; faq: FaqPort }) {
  const { presses, logger, faq } = deps;

  const faqTopic = async (args: SlackActionArgs, faqId: string, surface: Surface, port: ReturnType<typeof slackPort>) => {
    const view = faq.topic(faqId);
    const channel = args.body.channel?.id;
    if (!view || !channel) return void await port.deliver({ kind: 'tell', text: NOT_UNDERSTOOD });
    await args.client.chat.postMessage({ channel, ...renderFaq(view) });
  };

  return async (args: SlackActionArgs): Promise<void> => {
    const { action, client, respond, context } = args;
    // A consult step is saved before Slack gets its 200 (docs/ops.md: a 200 means committed);
    // everything else is acknowledged first. Slack allows 3 s; a save takes milliseconds. A save
    // slower than that has been answered already (Bolt's receiver gives up at 3 s): the late ack
    // fails, and the saved step must still reach the message, so its failure only is logged.
    let acked: Promise<void> | undefined;
    const ack = () => (acked ??= args.ack().catch((err: unknown) => {
      logger.warn({ err: (err as Error).message }, 'slack: a click was saved after Slack stopped waiting (3 s); the message is updated anyway');
    }));
    const surface: Surface = { client, respond, botUserId: context.botUserId };
    const port = slackPort(deps, surface);
    const parsed = parseButton(action);
    if (parsed.kind !== 'click' || isFollowUp(parsed.data)) await ack();
    let consultId: string | undefined;
    try {
      if (parsed.kind === 'faq-topic') return await faqTopic(args, parsed.faqId, surface, port);
      const press = port.decode(args) as Awaited<ReturnType<typeof port.decode>>;
      if (!press) return void await port.deliver({ kind: 'tell', text: NOT_UNDERSTOOD });
      if ('consultId' in press.data) consultId = press.data.consultId;
      if (!press.conversation && press.data.action === 'start') {
        // App Home has no conversation: run the consult in the user's direct message with the bot.
        const opened = await client.conversations.open({ users: press.actor.userId });
        if (!opened.channel?.id) return;
        press.conversation = opened.channel.id;
      }
      await runPress(presses, port, press, ack);
    } catch (err) {
      await ack();
      logger.error({ consultId, slackError: slackErrorCode(err), err: (err as Error).message }, 'slack: button handling failed');
      await port.deliver({ kind: 'tell', text: FAILED });
    }
  };
}
