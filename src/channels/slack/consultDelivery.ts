import type { WebClient } from '@slack/web-api';
import type { RespondFn } from '@slack/bolt';
import type { ComposedView } from '../../interaction/composeView.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { SlackMessage } from './blockKit.js';
import { SlackMessageMemo, type WireMessage } from './messageMemo.js';
import { renderSlack } from './renderSlack.js';
import { cannotPostHere, slackErrorCode, withRateLimitRetry } from './slackErrors.js';
import { COMMAND } from './productInfo.js';
import { Lru } from '../../flow/lru.js';

/** What a handler knows about where a request came from. */
export interface Surface {
  client: WebClient;
  /** The request's response_url, when Slack sent one. */
  respond?: RespondFn;
  /** The bot's own user id, for "invite me" hints. */
  botUserId?: string;
}

const UPDATE_FAILED = 'Your choice was saved, but Slack did not update the consult message. Press any button on it to refresh it.';
const POST_FAILED = `Slack did not accept the consult message, so nothing is shown. Please try ${COMMAND} again in a moment.`;
/** Said when a Slack call failed after the consult was saved. */
export const FAILED = 'Sorry, something went wrong on my side. Nothing you see was lost; please try again.';

/** The Web API client sends a string argument as it is; its types only know block arrays. */
const wire = (m: WireMessage) => m as unknown as SlackMessage;

function inviteHint(botUserId?: string): string {
  const me = botUserId ? `<@${botUserId}>` : 'the app';
  return `I cannot post in this conversation myself, so this consult runs through Slack's reply link. To let me post here, invite me with \`/invite ${me}\`. In a direct message with someone else I can never post: use a channel I am in, or our own direct message.`;
}

/**
 * Posts and updates consult messages. Decision on failures: the consult service saves each
 * answer before the message is touched, so a Slack failure never un-saves an answer; the
 * message catches up on its next successful update (any button press refreshes it).
 */
export class ConsultDelivery {
  private readonly memo = new SlackMessageMemo();
  /**
   * Conversations where this instance's post or update was refused (the bot is not in them): a
   * consult there may hold the ts its first click carried, but only its response_url can edit it.
   */
  private readonly cannotPost = new Lru<string, true>(1024);

  /** `compose` draws a consult's view with its safety, feedback and hand-off parts (src/interaction/composeView.ts). */
  constructor(
    private readonly logger: Logger,
    private readonly compose: (record: ConsultRecord) => ComposedView,
  ) {}

  /**
   * Posts a consult just started in its conversation, via response_url when the bot cannot post
   * there; returns the message ts to remember (none when it went through response_url or failed).
   */
  async post(surface: Surface, record: ConsultRecord): Promise<string | undefined> {
    const composed = this.compose(record);
    let posted: { ts?: string } | undefined;
    try {
      posted = await withRateLimitRetry(() => surface.client.chat.postMessage({ channel: record.conversation, ...wire(this.memo.render(composed, record.id)) }));
      this.cannotPost.delete(record.conversation);
    } catch (err) {
      if (cannotPostHere(err)) this.cannotPost.set(record.conversation, true);
      else {
        this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: posting a consult failed');
        await this.tellPrivately(surface, POST_FAILED, record.id);
        return undefined;
      }
    }
    // The message is up; clicks work through their response_url even if its ts is not remembered.
    if (posted) return posted.ts;
    if (!surface.respond) {
      this.logger.warn({ consultId: record.id }, 'slack: cannot post here and no response_url to fall back on');
      return undefined;
    }
    const message = renderSlack(composed, record.id);
    try {
      await surface.respond({ response_type: 'in_channel', ...message });
      await surface.respond({ response_type: 'ephemeral', text: inviteHint(surface.botUserId) });
    } catch (err) {
      this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: response_url fallback failed');
    }
    return undefined;
  }

  /** Shows a consult's current view in its message: chat.update, or the click's response_url where the bot cannot post. */
  async show(surface: Surface, record: ConsultRecord): Promise<void> {
    const composed = this.compose(record);
    if (record.messageRef && !this.cannotPost.get(record.conversation)) {
      try {
        await withRateLimitRetry(() => surface.client.chat.update({ channel: record.conversation, ts: record.messageRef!, ...wire(this.memo.render(composed, record.id)) }));
        return;
      } catch (err) {
        if (cannotPostHere(err)) this.cannotPost.set(record.conversation, true);
        if (!cannotPostHere(err) || !surface.respond) {
          this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: updating a consult message failed');
          await this.tellPrivately(surface, UPDATE_FAILED, record.id);
          return;
        }
      }
    }
    if (!surface.respond) {
      this.logger.warn({ consultId: record.id }, 'slack: consult message has no ts and the request no response_url');
      return;
    }
    const message = renderSlack(composed, record.id);
    try {
      await surface.respond({ replace_original: true, ...message });
    } catch (err) {
      this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: response_url update failed');
    }
  }

  /** A short ephemeral note (or message) to the person who acted, via response_url; silently skipped without one. */
  async tellPrivately(surface: Surface, note: string | SlackMessage, consultId?: string): Promise<void> {
    if (!surface.respond) return;
    try {
      await surface.respond({ response_type: 'ephemeral', replace_original: false, ...(typeof note === 'string' ? { text: note } : note) });
    } catch (err) {
      this.logger.warn({ consultId, slackError: slackErrorCode(err) }, 'slack: ephemeral reply failed');
    }
  }
}
