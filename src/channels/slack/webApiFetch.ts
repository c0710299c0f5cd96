import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Agent } from 'undici';

/**
 * The Web API client's transport. @slack/web-api posts a form (a string body) and reads status,
 * headers and the text of the reply; through `fetch` that cost ~0.6 ms of CPU per call, through
 * node:http on a keep-alive Agent a fraction of it (docs/performance.md, fifth pass). So those
 * calls go over node:http and come back as a real `Response` with the whole body read; anything
 * else (a FormData upload, a `Request`, redirects other than 'error') goes through `fetch` on
 * undici's own Agent, as before.
 */

// Idle sockets close after 4 s, as undici's do by default: a server may drop a quiet connection.
const agents = { 'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }), 'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }) };
const fallbackDispatcher = new Agent();

// Node's fetch takes undici's `dispatcher` option; its types (undici-types) and the npm package's differ only in name.
/** `fetch` on undici's own Agent: the pool loading Bolt claims anyway, whatever loaded first. */
export const undiciFetch: typeof fetch = (input, init) => fetch(input, { ...init, dispatcher: fallbackDispatcher } as unknown as RequestInit);

// fetch's redirect statuses: with `redirect: 'error'` one of these with a Location rejects.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Statuses a Response may not carry a body with (the constructor throws if given one, even empty).
// 101 is not among them: Node hands an upgrade to its 'upgrade' event, and Response refuses a 1xx status anyway.
const BODYLESS = new Set([204, 205, 304]);

type Body = string | Uint8Array | undefined;

function plainHeaders(h: RequestInit['headers']): OutgoingHttpHeaders {
  if (!h) return {};
  if (h instanceof Headers || Array.isArray(h)) return Object.fromEntries(h);
  return { ...(h as Record<string, string>) };
}

function lightRequest(url: URL, init: RequestInit, body: Body): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const headers = plainHeaders(init.headers);
  if (body !== undefined) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  // Looked up per call, not imported by name: nock (the tests' Slack) replaces the modules' `request`.
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    // fetch's own wording: a failed connection is a TypeError('fetch failed') with the cause.
    const fail = (err: Error) => finish(() => reject(new TypeError('fetch failed', { cause: err })));
    const onAbort = () => { finish(() => reject(signal!.reason)); req.destroy(); };
    const req = send(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location !== undefined) {
        res.resume();
        return fail(new Error(`unexpected redirect to ${res.headers.location}`));
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('aborted', () => fail(new Error('the connection closed before the reply was read')));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        const nullBody = BODYLESS.has(status) || init.method === 'HEAD';
        let response: Response;
        // Built before settling: the constructor throws for a status outside 200-599 (Node's parser
        // takes up to 999), and a throw in this listener would crash the process and never settle.
        try {
          response = new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: pairs });
        } catch (err) {
          return fail(err as Error);
        }
        Object.defineProperty(response, 'url', { value: url.href });
        finish(() => resolve(response));
      });
    });
    req.on('error', fail);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end(body);
  });
}

/**
 * `fetch` for @slack/web-api's WebClient: a POST of a string (or bytes) with `redirect: 'error'`
 * (what every WebClient call is) goes over node:http(s) with keep-alive; the signal aborts it,
 * a redirect or a network error rejects as fetch would. Anything else goes through `fetch`.
 */
export const webApiFetch: typeof fetch = (input, init = {}) => {
  const body = init.body;
  const light = (typeof input === 'string' || input instanceof URL) && init.redirect === 'error'
    && (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array);
  if (!light) return undiciFetch(input, init);
  const url = typeof input === 'string' ? new URL(input) : input;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undiciFetch(input, init);
  return lightRequest(url, init, body ?? undefined);
};
