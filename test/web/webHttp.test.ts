import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { phrasingFaq } from './phrasingFaq.js';
import { WebClient } from './webClient.js';
import { tempDataDir } from '../support/tempDataDir.js';

describe('web channel over HTTP (no browser)', () => {
  let server: RunningServer;
  const logLines: string[] = [];
  const faqCalls: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1' }), {
      logger: pino({ level: 'info' }, sink),
      faq: phrasingFaq(faqCalls),
    });
  });
  afterAll(async () => { await server?.close(); });

  it('serves the page with an httpOnly SameSite=Lax session cookie, a CSP and no outside resources', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^spine_consult_session=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html.match(/(?:src|href)="([^"]+)"/g)!.filter((a) => !/="(\/|#)/.test(a))).toEqual([]);
    for (const asset of ['/web/style.css', '/web/app.js', '/web/flow.svg']) expect((await fetch(`${server.url}${asset}`)).status).toBe(200);
  });

  it('starts a consult in the web channel, workspace local, owned by a hash of the session', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const record = await server.store.get(id);
    expect(record).toMatchObject({ channel: 'web', workspace: 'local', step: 0, status: 'active', version: 0 });
    expect(record!.ownerId).toMatch(/^web-[\w-]{32}$/);
    expect(record!.ownerId).not.toContain(a.cookie.split('=')[1]);
    expect(record!.conversation).toBe(record!.ownerId);
  });

  it('refuses a POST without the session CSRF token with a clear 403 page and changes nothing', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const before = await server.store.get(id);
    const forged = await a.post('/web/click', { consultId: id, step: '0', click: 'answer:suspicion:yes', csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('This page has expired');
    expect(forged.html).not.toMatch(/at .*\.ts:\d+/);
    const missing = await a.post('/web/click', { consultId: id, step: '0', click: 'answer:suspicion:yes', csrf: '' });
    expect(missing.status).toBe(403);
    // Another session's valid token is still the wrong token for this session.
    const b = new WebClient(server.url);
    await b.get('/');
    expect((await a.post('/web/click', { consultId: id, step: '0', click: 'answer:suspicion:yes', csrf: b.csrf })).status).toBe(403);
    // No cookie at all: the same refusal, and no consult is started.
    const anonymous = new WebClient(server.url);
    anonymous.csrf = a.csrf;
    expect((await anonymous.post('/web/start', {})).status).toBe(403);
    expect(await server.store.get(id)).toEqual(before);
  });

  it('tells another browser session the consult is not theirs, on view and on click, and changes nothing', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const b = new WebClient(server.url);
    await b.get('/');
    const view = await b.get(`/consult/${id}`);
    expect(view.status).toBe(403);
    expect(view.html).toContain('Only the browser that started it can answer this one; start your own with the &quot;New consult&quot; button.');
    expect(view.html).not.toContain('question:suspicion');
    const before = await server.store.get(id);
    const click = await b.click(id, 0, 'answer:suspicion:yes');
    expect(click.status).toBe(403);
    expect(click.html).toContain('Only the browser that started it can answer this one');
    expect((await b.click(id, 0, 'control:new_consult')).status).toBe(403);
    expect(await server.store.get(id)).toEqual(before);
  });

  it('ignores a stale click with a notice and a repeated click silently, leaving the stored consult as it was', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const first = await a.click(id, 0, 'answer:suspicion:yes');
    expect(first).toMatchObject({ status: 303, location: `/consult/${id}` });
    const after = await server.store.get(id);
    expect(after).toMatchObject({ step: 1, version: 1, lastEventKey: `0:answer:suspicion:yes:${after!.ownerId}` });

    const repeated = await a.click(id, 0, 'answer:suspicion:yes');
    expect(repeated).toMatchObject({ status: 303, location: `/consult/${id}` });
    const stale = await a.click(id, 0, 'answer:suspicion:no');
    expect(stale).toMatchObject({ status: 303, location: `/consult/${id}?notice=stale` });
    expect(await server.store.get(id)).toEqual(after);

    const page = await a.get(`/consult/${id}?notice=stale`);
    expect(page.html).toContain('<p class="flash" role="alert">That button is from an earlier step; the consult has moved on. Use the buttons on its current step.</p>');
    expect(page.html).toContain('id="question:prior_imaging"');
    // An unknown notice name is not echoed.
    expect((await a.get(`/consult/${id}?notice=%3Cscript%3E`)).html).not.toContain('class="flash"');
  });

  it('answers malformed clicks and unknown consults with 4xx pages, never a crash', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const before = await server.store.get(id);
    for (const click of ['answer:suspicion', 'control:explode', 'answer:a:b:c', '']) {
      const res = await a.click(id, 0, click);
      expect(res.status, click).toBe(400);
      expect(res.html).toContain('Unknown button');
    }
    expect((await a.post('/web/click', { consultId: id, step: 'x', click: 'answer:suspicion:yes' })).status).toBe(400);
    expect((await a.click('no-such-consult', 0, 'answer:suspicion:yes')).status).toBe(404);
    expect((await a.get('/consult/no-such-consult')).status).toBe(404);
    expect((await a.get('/consult/..%2F..%2Fetc')).status).toBe(404);
    const huge = await a.post('/web/click', { consultId: id, step: '0', click: 'x'.repeat(10_000) });
    expect(huge.status).toBe(413);
    expect(huge.html).toContain('Request not accepted');
    expect(huge.html).not.toMatch(/node_modules|at \w+ \(/);
    // An option the question does not have is refused by the service: shown as a notice, nothing saved.
    expect(await a.click(id, 0, 'answer:suspicion:maybe')).toMatchObject({ status: 303, location: `/consult/${id}?notice=invalid` });
    expect(await server.store.get(id)).toEqual(before);
  });

  it('starts a new consult from a finished one for its owner', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    await a.click(id, 0, 'answer:suspicion:no');
    const res = await a.click(id, 1, 'control:new_consult');
    expect(res.status).toBe(303);
    const next = res.location!.split('/').pop()!;
    expect(next).not.toBe(id);
    expect(await server.store.get(next)).toMatchObject({ channel: 'web', step: 0, ownerId: (await server.store.get(id))!.ownerId });
  });

  it('answers FAQ questions and topics through the FAQ port without logging or echoing the typed text', async () => {
    const a = new WebClient(server.url);
    const id = await a.start();
    const typed = 'why not CT with contrast';
    const res = await a.post('/web/faq', { text: typed, consultId: id });
    expect(res.status).toBe(200);
    expect(res.html).toContain('<article id="faq:ct-with-contrast" class="faq-answer">');
    expect(res.html).toContain('id="question:suspicion"');
    expect(res.html).not.toContain(typed);
    expect(faqCalls).toEqual([typed]);
    expect(logLines.join('')).not.toContain(typed);
    const topic = await a.post('/web/faq', { topic: 'spine-level' });
    expect(topic.html).toContain('<article id="faq:spine-level" class="faq-answer">');
    expect((await a.post('/web/faq', { text: '   ' })).status).toBe(400);
    expect((await a.post('/web/faq', { text: typed, csrf: 'forged' })).status).toBe(403);
  });
});

describe('web channel switches', () => {
  it('is off when chat credentials are set and WEB_UI is unset; WEB_UI=true turns it on with the built-in FAQ', async () => {
    const slack = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }));
    try {
      expect((await fetch(`${slack.url}/`)).status).toBe(404);
      expect(slack.banner).toContain('Web:   off (set WEB_UI=true to enable)');
    } finally { await slack.close(); }
    const forced = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', WEB_UI: 'true' }));
    try {
      const a = new WebClient(forced.url);
      const page = await a.get('/');
      expect(page.status).toBe(200);
      const faq = await a.post('/web/faq', { text: 'why not a CT with contrast' });
      expect(faq.status).toBe(200);
      expect(faq.html).toContain('id="faq:ct-with-contrast"');
    } finally { await forced.close(); }
    const off = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_UI: 'false' }));
    try {
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
    } finally { await off.close(); }
  });
});
