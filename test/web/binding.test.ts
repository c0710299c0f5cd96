import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { WebClient } from './webClient.js';

describe('web routes and a consult of another channel', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_UI: 'true' }));
  });
  afterAll(async () => { await server?.close(); });

  it('a Slack consult whose owner id equals this browser\'s is neither shown nor changed', async () => {
    const web = new WebClient(server.url);
    const own = await web.start();
    const ownerId = (await server.store.get(own))!.ownerId;
    const { record } = await server.service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId });
    const page = await web.get(`/consult/${record.id}`);
    expect(page.status).toBe(403);
    expect(page.html).not.toContain('question:suspicion');
    expect((await web.click(record.id, 0, 'answer:suspicion:yes')).status).toBe(403);
    expect((await web.post('/web/faq', { consultId: record.id, text: 'why mri' })).html).not.toContain(`value="${record.id}"`);
    expect(await server.store.get(record.id)).toEqual(record);
    const audit = (await server.store.auditSince(new Date(0))).filter((a) => a.consultId === record.id);
    expect(audit.at(-1)).toMatchObject({ event: 'refused:answer', channel: 'web' });
  });
});
