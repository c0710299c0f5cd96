/**
 * A second pathway is data only: the synthetic NOT CLINICAL fixture (test/fixtures/pathways) runs
 * end to end on Slack, Teams, the web page and the terminal, every outcome by the path table the
 * flow generates, with no code change; with two pathways installed, starting offers the choice.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { answersOf, pathTable } from '../flow/pathTable.js';
import { blockIds, SlackHarness } from '../slack/harness.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { TeamsConversation } from '../teams/conversation.js';
import { idsOf, startTeamsBot, type TeamsTestBot } from '../teams/teamsHarness.js';
import { WebClient } from '../web/webClient.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/pathways');
const ID = 'not-clinical-widget';
const pathway = Pathways.load({ roots: [FIXTURES] }).get(ID)!;
const TABLE = pathTable(pathway.engine);

it('the fixture is plainly not clinical, and the path table reaches every one of its outcomes', () => {
  expect(pathway.title).toMatch(/^NOT CLINICAL/);
  expect(pathway.content.rules.criteria.disclaimer).toMatch(/^NOT CLINICAL/);
  expect(Pathways.load().ids()).not.toContain(ID);
  expect(TABLE.map((r) => r.outcome)).toEqual(pathway.content.rules.outcomes.outcomes.map((o) => o.id).sort());
});

describe('on Slack', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ env: { PATHWAY_DIRS: FIXTURES } }); });
  afterAll(async () => { await h.stop(); });

  it('/spine-consult with no pathway offers the installed pathways as buttons', async () => {
    await h.command('');
    const offer = h.slack.hooks.at(-1)!.body;
    expect(offer.response_type).toBe('ephemeral');
    const buttons = offer.blocks.find((b: { block_id?: string }) => b.block_id === 'start').elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([`start:${ID}`, 'start:spine-infection-abnormal-imaging']);
    await h.sendAction(h.actionPayload({ key: 'offer', channel: 'C9', text: '', blocks: offer.blocks }, buttons[0], 'U9'));
    expect(blockIds(h.latest())).toContain('question:colour');
  });

  it.each(TABLE)('/spine-consult not-clinical-widget reaches $outcome', async ({ outcome, steps }) => {
    await h.command(ID);
    const msg = h.latest();
    for (const step of steps) {
      const shown = h.slack.messages.get(msg.key)!;
      await h.press(shown, 'answer' in step ? `answer:${step.answer[0]}:${step.answer[1]}` : 'control:record_result');
    }
    const ids = blockIds(h.slack.messages.get(msg.key)!);
    expect(ids).toContain(`outcome:${outcome}`);
    if (pathway.content.rules.followup.noPaging.outcomes.includes(outcome)) expect(ids[ids.indexOf(`outcome:${outcome}`) + 1]).toBe('safety');
  });
});

describe('on Teams', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot({ PATHWAY_DIRS: FIXTURES }); });
  afterAll(async () => { await bot.close(); });

  it('"consult" offers the installed pathways; a tap starts one', async () => {
    const chat = new TeamsConversation(bot);
    expect(idsOf((await chat.say('consult') as { card: object }).card)).toContain('pathways');
    expect(await chat.tap(pathway.title)).toMatchObject({ main: 'question:colour' });
  });

  it.each(TABLE)('"consult not-clinical-widget" reaches $outcome', async ({ outcome, steps }) => {
    const chat = new TeamsConversation(bot);
    expect(await chat.say(`consult ${ID}`)).toMatchObject({ main: 'question:colour' });
    for (const step of steps) await chat.tap('answer' in step ? `${step.answer[0]}=${step.answer[1]}` : step.reopen);
    expect(idsOf(chat.card!)).toContain(`outcome:${outcome}`);
    if (pathway.content.rules.followup.noPaging.outcomes.includes(outcome)) expect(idsOf(chat.card!)).toContain('safety');
  });
});

describe('on the web page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_UI: 'true', PATHWAY_DIRS: FIXTURES }));
  });
  afterAll(async () => { await server?.close(); });

  it('the start page offers one start button per pathway', async () => {
    const page = await new WebClient(server.url).get('/');
    expect(page.html).toContain(`<input type="hidden" name="pathway" value="${ID}">`);
    expect(page.html).toContain('<input type="hidden" name="pathway" value="spine-infection-abnormal-imaging">');
  });

  it.each(TABLE)('starting not-clinical-widget reaches $outcome', async ({ outcome, steps }) => {
    const web = new WebClient(server.url);
    await web.get('/');
    const started = await web.post('/web/start', { pathway: ID });
    const id = /^\/consult\/([\w-]+)$/.exec(started.location ?? '')![1];
    for (const step of steps) {
      const { step: at } = (await server.store.get(id))!;
      expect((await web.click(id, at, 'answer' in step ? `answer:${step.answer[0]}:${step.answer[1]}` : 'control:record_result')).status).toBe(303);
    }
    const page = await web.get(`/consult/${id}`);
    expect(page.html).toContain(`id="outcome:${outcome}"`);
    expect(page.html).toContain(`<h1>${pathway.title}</h1>`);
    if (pathway.content.rules.followup.noPaging.outcomes.includes(outcome)) expect(page.html).toContain('id="safety"');
  });
});

describe('in the terminal', () => {
  it.each(TABLE)('npm run consult -- --flow not-clinical-widget reaches $outcome', async (row) => {
    const { stdout } = await promisify(execFile)(`${PROJECT_ROOT}/node_modules/.bin/tsx`,
      ['src/channels/cli/consultCli.ts', '--flow', ID, '--answers', answersOf(row), '--json'],
      { cwd: PROJECT_ROOT, env: { ...process.env, PATHWAY_DIRS: FIXTURES } });
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ flow: { id: ID }, outcome: row.outcome });
  });
});
