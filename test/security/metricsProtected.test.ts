/** Finding (Low): /metrics was public on the service's port. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';

const start = (env: Record<string, string>) => startServer(loadConfig({
  DATA_DIR: tempDataDir(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', ...env,
}));

describe('security: /metrics can be protected', () => {
  it('with METRICS_TOKEN, /metrics answers 401 without the bearer token or with a wrong one, and 200 with it', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const server = await start({ METRICS_TOKEN: token });
    try {
      const get = (authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect((await get()).status).toBe(401);
      expect((await get('Bearer wrong-token-0123456789abcd')).status).toBe(401);
      expect((await get(token)).status).toBe(401);
      const ok = await get(`Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('spine_consults_started_total');
    } finally {
      await server.close();
    }
  });

  it('with METRICS_PORT, /metrics is served on 127.0.0.1 at that port and not on the public port', async () => {
    const server = await start({ METRICS_PORT: '0' });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(server.metricsUrl).not.toBe(`${server.url}/metrics`);
      const res = await fetch(server.metricsUrl);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('spine_consults_started_total');
    } finally {
      await server.close();
    }
  });
});
