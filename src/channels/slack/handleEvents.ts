import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ConsultService } from '../../consult/consultService.js';
import type { Logger } from '../../log/logger.js';
import type { FaqPort } from '../../faq/faqPort.js';
import type { ProductInfo } from './productInfo.js';
import { renderFaq } from './renderFaq.js';
import { renderHome, type HomeItem } from './renderHome.js';
import { slackErrorCode } from './slackErrors.js';

/** app_home_opened: publishes App Home with the user's five most recent consults. */
export function handleHomeOpened(deps: { service: ConsultService; info: ProductInfo; logger: Logger }) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const records = await deps.service.recent('slack', body.team_id, event.user, 5);
      const items: HomeItem[] = records.map((r) => {
        const view = deps.service.view(r);
        return { status: r.status, createdAt: r.createdAt, ...(view.kind === 'outcome' ? { outcomeTitle: view.title } : {}) };
      });
      await client.views.publish({ user_id: event.user, view: renderHome(deps.info, items) });
    } catch (err) {
      deps.logger.error({ slackError: slackErrorCode(err) }, 'slack: publishing App Home failed');
    }
  };
}

/** Free text in a DM with the bot: an FAQ answer, or a short help when no FAQ is configured. */
export function handleDirectMessage(deps: { info: ProductInfo; logger: Logger; faq: FaqPort }) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Edits, joins, bot posts (our own included) and other subtypes are not questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event && event.bot_id) return;
    const text = typeof event.text === 'string' ? event.text : '';
    if (!text.trim()) return;
    try {
      const reply = renderFaq(deps.faq.ask(text).view);
      await client.chat.postMessage({ channel: event.channel, ...reply });
    } catch (err) {
      // Never log the question itself: it may hold patient details.
      deps.logger.error({ slackError: slackErrorCode(err) }, 'slack: answering a direct message failed');
    }
  };
}
