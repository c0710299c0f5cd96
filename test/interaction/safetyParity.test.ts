import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { WebClient } from '../web/webClient.js';
import { testEngine } from '../store/storeHarness.js';

const run = promisify(execFile);
const NO_PAGING = testEngine().content.rules.followup.noPaging;
const TO_SEVERE = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'severe']] as const;
const TO_MRI = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']] as const;

describe('safety parts on the web page (composed once, for every channel)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_UI: 'true' }));
  });
  afterAll(async () => { await server?.close(); });

  async function walk(answers: ReadonlyArray<readonly [string, string]>) {
    const web = new WebClient(server.url);
    const id = await web.start();
    for (const [i, [q, o]] of answers.entries()) expect((await web.click(id, i, `answer:${q}:${o}`)).status).toBe(303);
    return { web, id, page: await web.get(`/consult/${id}`) };
  }

  it('shows "nobody is paged" right under an emergency outcome', async () => {
    expect(NO_PAGING.outcomes).toContain('emergent-neuro-deficit');
    const { page } = await walk(TO_SEVERE);
    expect(page.html).toContain(`<p class="statement">`);
    expect(page.html).toMatch(/<p class="statement">[^\n]*<\/p>\n<p id="safety" class="safety" role="alert"><strong>This bot does not page anyone\. Call the on-call team now\.<\/strong><\/p>/);
  });

  it('offers feedback on a recommendation and records the press once, for the owner only', async () => {
    const { web, id, page } = await walk(TO_MRI);
    expect(page.html).toContain('<button type="submit" name="click" value="feedback:as_recommended" class="btn-secondary">Ordering as recommended</button>');
    expect(page.html).not.toContain('id="safety"');
    const stranger = new WebClient(server.url);
    await stranger.get('/');
    expect((await stranger.click(id, 6, 'feedback:as_recommended')).status).toBe(403);
    expect((await server.store.get(id))!.followUp).toBeUndefined();
    expect((await web.click(id, 6, 'feedback:as_recommended')).status).toBe(303);
    expect((await server.store.get(id))!.followUp?.feedback).toMatchObject({ choice: 'as_recommended', final: true });
    expect((await web.get(`/consult/${id}`)).html).toContain('<p id="feedback" class="feedback muted">Feedback: ordering as recommended</p>');
    const audit = await server.store.auditSince(new Date(0));
    expect(audit.filter((a) => a.consultId === id).map((a) => a.event)).toContain('feedback:as_recommended');
  });
});

describe('safety parts in the terminal', () => {
  const consult = (...args: string[]) => run(`${PROJECT_ROOT}/node_modules/.bin/tsx`, ['src/channels/cli/consultCli.ts', ...args], { cwd: PROJECT_ROOT });
  const answers = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([q, o]) => `${q}=${o}`).join(',');

  it('prints "nobody is paged" under an emergency outcome, as text and in the JSON view', async () => {
    const text = await consult('--answers', answers(TO_SEVERE));
    expect(text.stdout).toMatch(/ESCALATE NOW - EMERGENT EVALUATION NEEDED !!!\n-+\n[^\n]+\n\n!! This bot does not page anyone\. Call the on-call team now\.\n/);
    const json = JSON.parse((await consult('--answers', answers(TO_SEVERE), '--json')).stdout);
    expect(json.view.safetyNotice).toBe(NO_PAGING.text);
  });

  it('lists the feedback choices on a recommendation', async () => {
    const { stdout } = await consult('--answers', answers(TO_MRI));
    expect(stdout).toContain('What are you ordering?\n  f1) Ordering as recommended\n  f2) Ordering something else\n  f3) Not ordering');
    expect(stdout).not.toContain('does not page anyone');
  });
});
