import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../log/logger.js';
import { requestContext } from '../log/requestContext.js';
import type { ConsultStore } from '../store/types.js';
import { PROJECT_ROOT } from '../content/loadContent.js';
import { accessLog } from './accessLog.js';

const FAVICON = readFileSync(join(PROJECT_ROOT, 'manifests/teams/color.png'));

/** What the operator routes need besides the store; both optional so tests can build a bare app. */
export interface OpsDeps {
  logger?: Logger;
  /** Serves GET /metrics here; leave unset when metrics live on their own port (METRICS_PORT). */
  metricsRoute?: RequestHandler;
  /** Express "trust proxy" (TRUST_PROXY), so req.secure reflects the TLS-terminating proxy. */
  trustProxy?: boolean | number | string;
}

/** Shared HTTP app: request ids, access log, health and metrics routes here; channels mount their own paths on it. */
export function createHttpApp(store: ConsultStore, ops: OpsDeps = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (ops.trustProxy !== undefined) app.set('trust proxy', ops.trustProxy);
  app.use(requestContext);
  if (ops.logger) app.use(accessLog(ops.logger));
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.type('text/plain').send('ready');
    } catch {
      res.status(503).type('text/plain').send('store not reachable');
    }
  });
  // Browsers ask for it on every page; the app icon answers instead of a 404.
  app.get('/favicon.ico', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('image/png').send(FAVICON);
  });
  if (ops.metricsRoute) app.get('/metrics', ops.metricsRoute);
  return app;
}
