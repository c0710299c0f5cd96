import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamsConversation } from './conversation.js';
import { startTeamsBot, type TeamsTestBot } from './teamsHarness.js';

/**
 * Every outcome of the flow, reached in a Teams personal chat by pressing the card's own
 * Action.Execute buttons. Columns: the outcome, then the buttons pressed in order.
 */
const PATHS: Array<[outcome: string, taps: string[]]> = [
  ['not-applicable-no-suspicion', ['suspicion=no']],
  ['out-of-scope-no-prior-imaging', ['suspicion=yes', 'prior_imaging=none']],
  ['out-of-scope-normal-imaging', ['suspicion=yes', 'prior_imaging=normal']],
  ['emergent-neuro-deficit', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=severe']],
  ['out-of-scope-post-operative', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=yes']],
  ['recommend-mri', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=lumbar']],
  ['mri-contraindicated-alternatives', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=mild', 'post_op=no', 'mri_contraindication=yes']],
  ['neurosurgical-emergency', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=cervical', 'Record MRI result', 'mri_result=positive', 'cord_compression=yes']],
  ['positive-management', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=mild', 'post_op=no', 'mri_contraindication=no', 'region=lumbar', 'Record MRI result', 'mri_result=positive', 'cord_compression=no']],
  ['negative-revisit-differential', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=poorly_localized', 'Record MRI result', 'mri_result=negative']],
  ['indeterminate-follow-up', ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=lumbar', 'Record MRI result', 'mri_result=indeterminate']],
];

describe('Teams: every outcome through Action.Execute', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  it('covers all 11 outcome ids of the flow', () => {
    expect(new Set(PATHS.map(([o]) => o)).size).toBe(11);
  });

  it.each(PATHS)('reaches %s', async (outcome, taps) => {
    const chat = new TeamsConversation(bot);
    const first = await chat.say('consult');
    expect(first).toMatchObject({ main: 'question:suspicion' });
    let seen = first;
    for (const label of taps) seen = await chat.tap(label);
    expect(seen).toMatchObject({ main: `outcome:${outcome}` });

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
    const seen = await chat.tap('What about a spinal epidural abscess?');
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
