import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { fixedFieldLogger, type Logger } from '../log/logger.js';
import { currentContext, runInContext } from '../log/requestContext.js';

/** Probes and scrapes would drown the log; they are visible in the orchestrator instead. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per finished request: method, path (never the query string, which may carry what a
 * user typed), status and duration. Request and consult ids come from the request context.
 */
export function accessLog(logger: Logger): RequestHandler {
  const lines = fixedFieldLogger(logger); // method, path, status and ms only
  return (req, res, next) => {
    if (QUIET.has(req.path)) return next();
    const t0 = performance.now();
    const path = req.path;
    // 'finish' may fire from the socket's own callback, outside this request's context, so the
    // line is written inside the context captured here (cheaper than AsyncResource.bind, which
    // cost ~1% of the event loop under load).
    const ctx = currentContext();
    res.once('finish', () => runInContext(ctx, () => {
      lines.info({ method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - t0) * 10) / 10 }, 'request');
    }));
    next();
  };
}
