import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathTable } from '../flow/pathTable.js';
import { testEngine } from '../store/storeHarness.js';
import { TeamsConversation } from './conversation.js';
import { startTeamsBot, type TeamsTestBot } from './teamsHarness.js';

const engine = testEngine();

/**
 * Every outcome of the flow, reached in a Teams personal chat by pressing the card's own
 * Action.Execute buttons, by the path table the flow generates: each tap and what it then shows.
 */
const PATHS: Array<[outcome: string, taps: Array<[label: string, shows: string]>]> = pathTable(engine).map(({ outcome, steps }) => [
  outcome, steps.map((s): [string, string] => ['answer' in s ? `${s.answer[0]}=${s.answer[1]}` : s.reopen, s.shows]),
]);

describe('Teams: every outcome through Action.Execute', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  it('covers all 11 outcome ids of the flow', () => {
    expect(new Set(PATHS.map(([o]) => o)).size).toBe(11);
    expect(PATHS.map(([o]) => o).sort()).toEqual(engine.content.rules.outcomes.outcomes.map((o) => o.id).sort());
  });

  it.each(PATHS)('reaches %s', async (outcome, taps) => {
    const chat = new TeamsConversation(bot);
    const first = await chat.say('consult');
    expect(first).toMatchObject({ main: `question:${engine.content.flow.start}` });
    for (const [label, shows] of taps) expect(await chat.tap(label), label).toMatchObject({ main: shows });
    expect(chat.card && JSON.stringify(chat.card)).toContain(`"outcome:${outcome}"`);

    // The store agrees with the card, and the card lives on the message the bot posted.
    const consultId = (chat.card!.actions as Array<{ data: { consultId: string } }>)[0]!.data.consultId;
    const record = await bot.server.service.get(consultId);
    expect(record).toMatchObject({ channel: 'teams', workspace: 'tenant-1', ownerId: '29:owner', outcomeId: outcome, messageRef: chat.messageId });
  });

  it('answers a related topic tapped on an emergency below it, leaving the emergency card in place', async () => {
    const chat = new TeamsConversation(bot);
    await chat.say('consult');
    for (const label of ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=severe']) await chat.tap(label);
    const emergency = chat.card!;
    const emergencyMessage = chat.messageId;
    const puts = bot.calls.filter((c) => c.method === 'PUT').length;
    const seen = await chat.tap('Spinal epidural abscess');
    expect(seen).toMatchObject({ main: 'faq:ddx-epidural-abscess' });
    expect(chat.messageId).not.toBe(emergencyMessage);
    expect(bot.calls.filter((c) => c.method === 'PUT')).toHaveLength(puts);
    expect(chat.history.at(-1)).toEqual(emergency);
  });
});

describe('Teams: a whole consult through the Action.Submit fallback', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  it('reaches recommend-mri and then positive-management by updating the same message', async () => {
    const chat = new TeamsConversation(bot);
    await chat.say('consult');
    const messageId = chat.messageId;
    let seen;
    for (const label of ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=lumbar']) {
      seen = await chat.submit(label);
    }
    expect(seen).toMatchObject({ main: 'outcome:recommend-mri' });
    for (const label of ['Record MRI result', 'mri_result=positive', 'cord_compression=no']) seen = await chat.submit(label);
    expect(seen).toMatchObject({ main: 'outcome:positive-management' });
    expect(chat.messageId).toBe(messageId);
    expect(bot.calls.filter((c) => c.method === 'PUT').every((c) => c.id === messageId)).toBe(true);
  });
});
