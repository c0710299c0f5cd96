import express, { type Express } from 'express';
import type { ConsultStore } from '../store/types.js';

/** Shared HTTP app: health routes here; channels mount their own paths on it. */
export function createHttpApp(store: ConsultStore): Express {
  const app = express();
  app.disable('x-powered-by');
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
  return app;
}
