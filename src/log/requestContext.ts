import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What every log line written while handling one request carries. */
export interface RequestContext {
  reqId: string;
  /** Set once the request names a consult (the service sets it on start and click). */
  consultId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being handled, if any (follow-up work after the ack keeps it). */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records which consult the current request is about, so later log lines name it. */
export function setConsultId(consultId: string): void {
  const ctx = storage.getStore();
  if (ctx) ctx.consultId = consultId;
}

/** Runs `fn` inside an existing request context (or none), e.g. from a callback that lost it. */
export function runInContext<T>(ctx: RequestContext | undefined, fn: () => T): T {
  return ctx ? storage.run(ctx, fn) : storage.exit(fn);
}

/** Runs `fn` inside a fresh request context (for work that does not arrive over HTTP, e.g. Socket Mode). */
export function runWithContext<T>(fn: () => T, reqId: string = randomUUID()): T {
  return storage.run({ reqId }, fn);
}

/**
 * Express middleware, mounted first: gives the request an id (a caller's X-Request-Id when it is
 * a sane token, else a new UUID), echoes it in the response, and runs the rest of the request in
 * its context.
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const reqId = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', reqId);
  storage.run({ reqId }, next);
}
