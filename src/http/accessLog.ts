import { AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../log/logger.js';

/** Probes and scrapes would drown the log; they are visible in the orchestrator instead. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per finished request: method, path (never the query string, which may carry what a
 * user typed), status and duration. Request and consult ids come from the request context.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (QUIET.has(req.path)) return next();
    const t0 = performance.now();
    const path = req.path;
    // Bound to this request's context: 'finish' may fire from the socket's own callback.
    res.once('finish', AsyncResource.bind(() => {
      logger.info({ method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - t0) * 10) / 10 }, 'request');
    }));
    next();
  };
}
