import { Agent } from 'undici';

/**
 * The Web API client's connection pool: undici's own Agent (the npm package @slack/socket-mode
 * already brings), handed to each call. Without it the bot's calls went through whichever pool
 * first claimed the process-wide default: here Node 20's bundled undici, whose socket writes cost
 * the bot ~0.27 ms more per click than bare Bolt's (which gets the npm Agent by loading Bolt first).
 */
const dispatcher = new Agent();

/** `fetch` for @slack/web-api's WebClient, on the pool above. */
// Node's fetch takes undici's `dispatcher` option; its types (undici-types) and the npm package's differ only in name.
export const webApiFetch: typeof fetch = (input, init) => fetch(input, { ...init, dispatcher } as unknown as RequestInit);
