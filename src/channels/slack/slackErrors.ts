/** The Slack error code of a Web API failure (`not_in_channel`, `ratelimited`...) or the client's own code. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown };
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (typeof e?.code === 'string') return e.code;
  return 'unknown_error';
}

/** Errors that mean the bot cannot post or edit here, so the response_url must carry the consult. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'restricted_action', 'cant_update_message', 'message_not_found', 'is_archived']);

/** Whether a failed post or update should fall back to the response_url. */
export function cannotPostHere(err: unknown): boolean {
  return CANNOT_POST.has(slackErrorCode(err));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a Web API call, retrying once on a `ratelimited` error in the response body. HTTP 429
 * (with Retry-After) and 5xx are already retried by the WebClient's retryConfig; this covers
 * the body-level variant, which the client treats as final.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, delayMs = 1000): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (slackErrorCode(err) !== 'ratelimited') throw err;
    await sleep(delayMs);
    return call();
  }
}
