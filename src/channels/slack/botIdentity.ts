import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../../log/logger.js';
import { slackErrorCode } from './slackErrors.js';

/** The bot's own ids from auth.test; empty until (and unless) it answers. */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** How long one auth.test may take, and how long to wait before trying again after a failure. */
const TIMEOUT_MS = 3000;
const RETRY_AFTER_MS = 60_000;

/**
 * auth.test kept off the request path: asked once in the background at start-up with a short
 * timeout and no retries, cached, and asked again (still in the background) at most once a
 * minute while it has not answered. A request never waits for it: without the ids Bolt only
 * cannot tell the bot's own messages apart, and the DM handler already ignores bot messages.
 */
export function botIdentity(token: string, options: WebClientOptions, logger: Logger) {
  const client = new WebClient(token, { ...options, timeout: TIMEOUT_MS, retryConfig: { retries: 0 } });
  let known: BotIdentity = {};
  let pending: Promise<void> | undefined;
  let lastTry = -Infinity;
  const refresh = () => {
    if (known.botUserId || pending || Date.now() - lastTry < RETRY_AFTER_MS) return;
    lastTry = Date.now();
    pending = client.auth.test()
      .then((r) => { known = { botId: r.bot_id, botUserId: r.user_id }; })
      .catch((err) => { logger.warn({ slackError: slackErrorCode(err) }, 'slack: auth.test failed; will try again in the background'); })
      .finally(() => { pending = undefined; });
  };
  return {
    /** Starts the background lookup (start-up). */
    start: refresh,
    /** The ids known now, never waiting; nudges a background retry when they are missing. */
    current(): BotIdentity {
      refresh();
      return known;
    },
    /** Resolves when a lookup in flight has finished (shutdown, tests). */
    settled: async () => { await pending; },
  };
}
