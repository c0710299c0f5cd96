import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { Metrics } from './metrics.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** GET /metrics: Prometheus text; with a token, only for `Authorization: Bearer <token>` (else 401). */
export function metricsHandler(metrics: Metrics, token?: string): RequestHandler {
  // Hashes have equal length, so the comparison is constant-time whatever the caller sends.
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  return async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need a bearer token');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** Serves only GET /metrics on 127.0.0.1:`port` (METRICS_PORT), away from the public port. */
export async function startMetricsServer(port: number, handler: RequestHandler): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', handler);
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}
