import type { WebClient } from '@slack/web-api';
import type { RespondFn } from '@slack/bolt';
import type { ConsultService } from '../../consult/consultService.js';
import type { ComposedView } from '../../interaction/composeView.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import { renderSlack } from './renderSlack.js';
import { cannotPostHere, slackErrorCode, withRateLimitRetry } from './slackErrors.js';
import { COMMAND } from './productInfo.js';

/** What a handler knows about where a request came from. */
export interface Surface {
  client: WebClient;
  /** The request's response_url, when Slack sent one. */
  respond?: RespondFn;
  /** The bot's own user id, for "invite me" hints. */
  botUserId?: string;
}

/** Where to start a consult and for whom. */
export interface StartWhere {
  team: string;
  channel: string;
  user: string;
  /** The pathway to run; default: the configured or only one. */
  pathwayId?: string;
}

const UPDATE_FAILED = 'Your choice was saved, but Slack did not update the consult message. Press any button on it to refresh it.';
const POST_FAILED = `Slack did not accept the consult message, so nothing is shown. Please try ${COMMAND} again in a moment.`;

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
  /** `compose` draws a consult's view with its safety, feedback and hand-off parts (src/interaction/composeView.ts). */
  constructor(
    private readonly service: ConsultService,
    private readonly logger: Logger,
    private readonly compose: (record: ConsultRecord) => ComposedView,
  ) {}

  /** Starts a consult and posts its first question where the user is, via response_url when the bot cannot post. */
  async start(surface: Surface, where: StartWhere): Promise<void> {
    const { record } = await this.service.start({
      channel: 'slack', workspace: where.team, conversation: where.channel, ownerId: where.user,
      ...(where.pathwayId ? { pathwayId: where.pathwayId } : {}),
    });
    const message = renderSlack(this.compose(record), record.id);
    let posted: { ts?: string } | undefined;
    try {
      posted = await withRateLimitRetry(() => surface.client.chat.postMessage({ channel: where.channel, ...message }));
    } catch (err) {
      if (!cannotPostHere(err)) {
        this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: posting a consult failed');
        await this.tellPrivately(surface, POST_FAILED, record.id);
        return;
      }
    }
    if (posted) {
      // The message is up; failing to remember it is ours, not Slack's, and clicks still work
      // through their response_url.
      if (posted.ts) {
        await this.service.attachMessage(record, posted.ts)
          .catch((err: Error) => this.logger.error({ consultId: record.id, err: err.message }, 'slack: saving the consult message reference failed'));
      }
      return;
    }
    if (!surface.respond) {
      this.logger.warn({ consultId: record.id }, 'slack: cannot post here and no response_url to fall back on');
      return;
    }
    try {
      await surface.respond({ response_type: 'in_channel', ...message });
      await surface.respond({ response_type: 'ephemeral', text: inviteHint(surface.botUserId) });
    } catch (err) {
      this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: response_url fallback failed');
    }
  }

  /** Shows a consult's current view in its message: chat.update, or the click's response_url where the bot cannot post. */
  async show(surface: Surface, record: ConsultRecord): Promise<void> {
    const message = renderSlack(this.compose(record), record.id);
    if (record.messageRef) {
      try {
        await withRateLimitRetry(() => surface.client.chat.update({ channel: record.conversation, ts: record.messageRef!, ...message }));
        return;
      } catch (err) {
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
    try {
      await surface.respond({ replace_original: true, ...message });
    } catch (err) {
      this.logger.error({ consultId: record.id, slackError: slackErrorCode(err) }, 'slack: response_url update failed');
    }
  }

  /** A short ephemeral note to the person who acted, via response_url; silently skipped without one. */
  async tellPrivately(surface: Surface, text: string, consultId?: string): Promise<void> {
    if (!surface.respond) return;
    try {
      await surface.respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (err) {
      this.logger.warn({ consultId, slackError: slackErrorCode(err) }, 'slack: ephemeral reply failed');
    }
  }
}
