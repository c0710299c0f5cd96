/**
 * Findings (Medium/Low): the web CSRF/session key was random per process, so behind a load
 * balancer one instance refused another's forms; a made-up cookie was accepted as a session;
 * no Secure flag behind a TLS proxy.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { WebClient } from '../web/webClient.js';

const webEnv = (env: Record<string, string>) => loadConfig({
  NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', WEB_UI: 'true', ...env,
});

describe('security: web sessions', () => {
  it('two instances behind one URL serve the same web consult with no 403', async () => {
    const DATA_DIR = tempDataDir();
    const env = { DATA_DIR, SESSION_SECRET: 'shared-session-secret-0123456789-abcdefgh' };
    const [a, b] = await Promise.all([startServer(webEnv(env)), startServer(webEnv(env))]);
    try {
      // One browser; the load balancer sends each request to either instance.
      const onA = new WebClient(a.url);
      await onA.get('/');
      const onB = Object.assign(new WebClient(b.url), { cookie: onA.cookie, csrf: onA.csrf });
      const id = await onB.start();
      expect((await onA.get(`/consult/${id}`)).status).toBe(200);
      Object.assign(onB, { csrf: onA.csrf });
      const click = await onB.click(id, 0, 'answer:suspicion:yes');
      expect(click.status).toBe(303);
      expect(click.location).toBe(`/consult/${id}`);
      const page = await onA.get(`/consult/${id}`);
      expect(page.status).toBe(200);
      expect((await a.store.get(id))?.step).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('without SESSION_SECRET in development, instances on one DATA_DIR share the secret kept there', async () => {
    const DATA_DIR = tempDataDir();
    const a = await startServer(webEnv({ DATA_DIR }));
    const b = await startServer(webEnv({ DATA_DIR }));
    try {
      const onA = new WebClient(a.url);
      await onA.get('/');
      const onB = Object.assign(new WebClient(b.url), { cookie: onA.cookie, csrf: onA.csrf });
      expect((await onB.post('/web/start', {})).status).toBe(303);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a made-up session cookie starts a new, server-signed session', async () => {
    const server = await startServer(webEnv({ DATA_DIR: tempDataDir() }));
    try {
      const madeUp = `spine_consult_session=${'A'.repeat(43)}`;
      const res = await fetch(`${server.url}/`, { headers: { cookie: madeUp } });
      const issued = res.headers.get('set-cookie')?.split(';')[0];
      expect(issued).toMatch(/^spine_consult_session=[\w-]+/);
      expect(issued).not.toBe(madeUp);
    } finally {
      await server.close();
    }
  });

  it('with TRUST_PROXY behind a TLS proxy, the session cookie is Secure', async () => {
    const server = await startServer(webEnv({ DATA_DIR: tempDataDir(), TRUST_PROXY: 'loopback' }));
    try {
      const res = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    } finally {
      await server.close();
    }
  });

  it('refuses to start in production with the web page on and no SESSION_SECRET', async () => {
    await expect(startServer(webEnv({ DATA_DIR: tempDataDir(), NODE_ENV: 'production' })))
      .rejects.toMatchObject({ name: 'ConfigError', message: expect.stringContaining('SESSION_SECRET: missing') });
  });
});
