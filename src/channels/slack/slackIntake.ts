import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import { COMMAND, START_SHORTCUT } from './productInfo.js';

/** The largest body /slack/events reads: Slack's own payloads are a few kilobytes. */
export const SLACK_BODY_LIMIT = 256 * 1024;

const id = z.string().min(1).max(255);
/** The payloads this app handles, just deep enough that Bolt and the handlers never meet a missing field. */
const Interactive = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('block_actions'),
    user: z.object({ id }, { error: 'block_actions without a user' }),
    actions: z.array(z.object({ action_id: z.string(), type: z.string() })).min(1, 'block_actions without an action'),
  }),
  z.object({
    type: z.literal('shortcut'),
    callback_id: z.literal(START_SHORTCUT, { error: `only the ${START_SHORTCUT} shortcut is handled` }),
    user: z.object({ id }, { error: 'shortcut without a user' }),
  }),
], { error: 'only block_actions and shortcut payloads are handled' });
const Command = z.object({ command: z.literal(COMMAND, { error: `only ${COMMAND} is handled` }), user_id: id, team_id: id, channel_id: id });
const Json = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  z.object({ type: z.literal('event_callback'), event_id: id, event: z.object({ type: z.string() }) }),
  z.object({ type: z.literal('app_rate_limited') }),
], { error: 'not an event_callback or url_verification body' });

/** A signed body parsed as Bolt parses it, or what is wrong with it. */
export type ParsedSlackBody = { body: Record<string, any> } | { problem: string };

/** Parses a signed body once (form, form with a JSON `payload`, or JSON) and checks it is one this app handles. */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedSlackBody {
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const payload = onlyPayload(raw);
      if (payload !== undefined) return checked(Interactive, JSON.parse(payload));
      const form = parseQuery(raw);
      if (form.ssl_check !== undefined) return { body: form };
      if (typeof form.payload === 'string') return checked(Interactive, JSON.parse(form.payload));
      return checked(Command, form);
    }
    return checked(Json, JSON.parse(raw));
  } catch {
    return { problem: 'the body is not valid JSON' };
  }
}

/**
 * The `payload` of a form that is nothing else (every interactive request Slack sends), decoded as
 * querystring.parse would decode it, at about a third of its cost on a click's body; undefined for
 * any other form, or an escape decodeURIComponent refuses (querystring.parse then decides).
 */
export function onlyPayload(raw: string): string | undefined {
  if (!raw.startsWith('payload=') || raw.includes('&')) return undefined;
  try {
    return decodeURIComponent(raw.slice('payload='.length).replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

const checked = (schema: z.ZodType, body: unknown): ParsedSlackBody => {
  const r = schema.safeParse(body);
  return r.success ? { body: body as Record<string, any> } : { problem: problem(r) };
};

const problem = (r: { error?: z.ZodError }) =>
  r.error!.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

/** Where a verified, parsed body goes (Bolt, through src/channels/slack/intakeReceiver.ts). */
export type SlackDispatch = (req: Request, res: Response, body: Record<string, any>) => Promise<void>;

/**
 * Guards POST /slack/events and hands what passes to Bolt: a body over SLACK_BODY_LIMIT gets 413
 * (at once when Content-Length says so, without reading it); a body without a valid Slack
 * signature 401; a signed body this app cannot handle (`payload=null`, block_actions without a
 * user, `{}`) 400, rather than Bolt's 500 or its 3-second wait for an ack nobody will send. The
 * body is read, verified and parsed here once; Bolt gets the parsed body (`dispatch`).
 */
export function slackIntake(signingSecret: string, logger: Logger, dispatch: SlackDispatch): Array<RequestHandler | ErrorRequestHandler> {
  const refuse = (res: Response, status: number, text: string) => {
    res.status(status).set('Connection', 'close').type('text/plain').send(text);
  };
  const tooLarge: RequestHandler = (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > SLACK_BODY_LIMIT) return refuse(res, 413, 'request body too large');
    next();
  };
  const check: RequestHandler = (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const signed = isValidSlackRequest({
      signingSecret, body: raw,
      headers: { 'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''), 'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']) },
    });
    if (!signed) return refuse(res, 401, 'invalid Slack signature');
    const parsed = parseSlackBody(raw, req.headers['content-type']);
    if ('problem' in parsed) {
      logger.warn({ problem: parsed.problem }, 'slack: signed request with a malformed body refused');
      return refuse(res, 400, `malformed Slack request: ${parsed.problem}`);
    }
    req.body = parsed.body;
    // dispatch answers Bolt's own errors itself; anything else is logged, never thrown at express.
    dispatch(req, res, parsed.body).catch((err: Error) => logger.error({ err: err.message }, 'slack: dispatching a request to Bolt failed'));
  };
  const readFailed: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, _next) => {
    refuse(res, err.status === 413 ? 413 : 400, err.status === 413 ? 'request body too large' : 'request body could not be read');
  };
  return [tooLarge, express.raw({ type: () => true, limit: SLACK_BODY_LIMIT }), check, readFailed];
}
