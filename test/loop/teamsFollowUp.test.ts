import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/channels/teams/cardTypes.js';
import { RADIOLOGY_TEXT } from '../../src/channels/teams/teamsRadiology.js';
import { auditToCsv, summarizeAudit } from '../../src/store/auditExport.js';
import { TeamsConversation } from '../teams/conversation.js';
import {
  CONVERSATIONS, executeActivity, findAction, idsOf, messageActivity, OTHER, OWNER, startTeamsBot, submitActivity, type TeamsTestBot,
} from '../teams/teamsHarness.js';

const THIRD = { id: '29:third', name: 'Dr Third', aadObjectId: 'aad-third' };
const RADIOLOGY_CONVERSATION = CONVERSATIONS.channel.id.split(';')[0];
const TO_NO_PRIOR = ['suspicion=yes', 'prior_imaging=none'];
const TO_MRI = ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=lumbar'];
const dataDir = () => mkdtempSync(join(tmpdir(), 'spine-loop-teams-'));

async function consultTo(bot: TeamsTestBot, answers: string[], kind: 'personal' | 'groupChat' = 'personal') {
  const chat = new TeamsConversation(bot, kind);
  await chat.say('consult');
  for (const a of answers) await chat.tap(a);
  return chat;
}
const consultIdOf = (card: AdaptiveCard) => (card.actions as Array<{ data: { consultId: string } }>)[0].data.consultId;
const trail = async (bot: TeamsTestBot, id: string) => (await bot.server.store.auditSince(new Date(0))).filter((a) => a.consultId === id);

/** Presses an Action.Execute as `who` in `kind`, returning the invoke body and the connector calls it made. */
async function execute(bot: TeamsTestBot, action: Record<string, unknown>, replyToId: string, who = OWNER, kind: keyof typeof CONVERSATIONS = 'personal') {
  const before = bot.calls.length;
  const res = await bot.post(executeActivity(action, replyToId, who, kind));
  expect(res.status).toBe(200);
  return { body: res.body, calls: bot.calls.slice(before) };
}

describe('Teams without a radiology channel', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot({ DATA_DIR: dataDir() }); });
  afterAll(async () => { await bot.close(); });

  it('shows no "Ask radiology" button', async () => {
    for (const answers of [TO_NO_PRIOR, TO_MRI]) {
      const chat = await consultTo(bot, answers);
      expect(idsOf(chat.card!)).not.toContain('handoff');
      expect(JSON.stringify(chat.card)).not.toContain('"handoff"');
    }
  });

  it('explains "set radiology channel" outside a channel, and saves nothing', async () => {
    const chat = new TeamsConversation(bot, 'personal');
    expect(await chat.say('set radiology channel')).toEqual({ message: RADIOLOGY_TEXT.notChannel });
    expect(await bot.server.store.getSetting('teams.radiology_channel.tenant-1')).toBeUndefined();
  });

  it('says on urgent outcomes that the bot pages nobody', async () => {
    const chat = await consultTo(bot, ['suspicion=yes', 'prior_imaging=abnormal', 'neuro=severe']);
    expect(chat.card!.body[1]).toEqual({
      type: 'Container', id: 'safety', style: 'attention',
      items: [{ type: 'TextBlock', text: 'This bot does not page anyone. Call the on-call team now.', wrap: true, weight: 'Bolder' }],
    });
  });
});

describe('Who may set the Teams radiology channel', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot({ DATA_DIR: dataDir(), TEAMS_RADIOLOGY_ADMINS: 'aad-admin' }); });
  afterAll(async () => { await bot.close(); });

  it('refuses someone not on TEAMS_RADIOLOGY_ADMINS, and saves nothing', async () => {
    expect(await new TeamsConversation(bot, 'channel').say('set radiology channel', OTHER)).toEqual({ message: RADIOLOGY_TEXT.notAdmin });
    expect(await bot.server.store.getSetting('teams.radiology_channel.tenant-1')).toBeUndefined();
  });

  it("keeps each tenant's channel apart: another tenant's channel never receives this tenant's consults", async () => {
    const foreign = messageActivity('set radiology channel', { ...OTHER, aadObjectId: 'aad-admin' }, 'channel') as Record<string, any>;
    foreign.conversation = { ...foreign.conversation, tenantId: 'tenant-2' };
    foreign.channelData = { tenant: { id: 'tenant-2' } };
    expect((await bot.post(foreign)).status).toBe(200);
    expect(await bot.server.store.getSetting('teams.radiology_channel.tenant-2')).toBeDefined();
    expect(await bot.server.store.getSetting('teams.radiology_channel.tenant-1')).toBeUndefined();
    const chat = await consultTo(bot, TO_NO_PRIOR);
    expect(idsOf(chat.card!)).not.toContain('handoff');
  });
});

describe('Teams with a radiology channel', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ DATA_DIR: dataDir() });
    const channel = new TeamsConversation(bot, 'channel');
    expect(await channel.say('set radiology channel', OTHER)).toEqual({ message: RADIOLOGY_TEXT.set });
  });
  afterAll(async () => { await bot.close(); });

  it('posts the summary to the radiology channel, the claim updates both messages, and a second claim is refused politely', async () => {
    const chat = await consultTo(bot, TO_NO_PRIOR);
    const ids = idsOf(chat.card!);
    expect(ids.indexOf('handoff')).toBe(ids.indexOf('outcome:out-of-scope-no-prior-imaging') + 1);
    expect(chat.card!.body[1]).toMatchObject({ type: 'ActionSet', id: 'handoff' });
    const consultId = consultIdOf(chat.card!);
    const ask = findAction(chat.card!, 'Ask radiology');
    expect(ask.data).toEqual({ action: 'handoff', consultId, step: 2 });

    // Another user's press changes nothing.
    const refused = await execute(bot, ask, chat.messageId!, OTHER);
    expect(refused.body.value).toBe('Only the person who started this consult can use these buttons; start your own consult with a message saying "consult" to the bot.');
    expect(refused.calls).toEqual([]);

    const { body, calls } = await execute(bot, ask, chat.messageId!);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`/v3/conversations/${RADIOLOGY_CONVERSATION}/activities`);
    const radiologyCard = post.body.attachments![0].content;
    const record = (await bot.server.store.get(consultId))!;
    const chartNote = (bot.server.service.view(record) as { chartNote: string }).chartNote;
    expect(radiologyCard.body).toEqual([{ type: 'Container', id: 'handoff:summary', items: [
      { type: 'TextBlock', text: 'Radiology question', wrap: true, weight: 'Bolder', size: 'Medium' },
      { type: 'TextBlock', text: chartNote, wrap: true, fontType: 'Monospace', size: 'Small' },
    ] }]);
    const claim = findAction(radiologyCard, "I'll take it");
    expect(claim.data).toEqual({ action: 'claim', consultId, step: 2 });
    // The clicker's card and the stored consult message both say it was sent.
    expect(body.value.body[1]).toEqual({ type: 'TextBlock', text: 'Sent to the radiology channel; nobody has taken it yet.', wrap: true, id: 'handoff', isSubtle: true });
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ id: chat.messageId });

    const taken = await execute(bot, claim, post.id, OTHER, 'channel');
    expect(taken.body.value.body[1]).toEqual({ type: 'TextBlock', text: 'Taken by Dr Other.', wrap: true, id: 'handoff:claim', weight: 'Bolder' });
    expect(taken.body.value.actions).toBeUndefined();
    const puts = taken.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual(expect.arrayContaining([
      `/v3/conversations/${CONVERSATIONS.channel.id}/activities/${post.id}`,
      `/v3/conversations/${CONVERSATIONS.personal.id}/activities/${chat.messageId}`,
    ]));
    const consultCard = puts.find((c) => c.id === chat.messageId)!.body.attachments![0].content;
    expect(consultCard.body[1]).toEqual({ type: 'TextBlock', text: 'Radiology: Dr Other has taken this one.', wrap: true, id: 'handoff', isSubtle: true });
    const told = taken.calls.find((c) => c.method === 'POST')!;
    expect(told.path).toBe(`/v3/conversations/${CONVERSATIONS.personal.id}/activities`);
    expect(told.body.text).toBe('Dr Other from radiology has taken your question about this consult.');

    const claimed = await bot.server.store.get(consultId);
    const second = await execute(bot, claim, post.id, THIRD, 'channel');
    expect(second.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Dr Other has already taken this one; thank you. Nothing was changed.' });
    expect(second.calls).toEqual([]);
    expect(await bot.server.store.get(consultId)).toEqual(claimed);
    expect((await trail(bot, consultId)).slice(-2).map((a) => [a.event, a.userId])).toEqual([['handoff:requested', OWNER.id], ['handoff:claimed', OTHER.id]]);
  });

  it('refuses a claim pressed outside the radiology channel', async () => {
    const chat = await consultTo(bot, TO_NO_PRIOR);
    const consultId = consultIdOf(chat.card!);
    const { calls } = await execute(bot, findAction(chat.card!, 'Ask radiology'), chat.messageId!);
    const claim = findAction(calls.find((c) => c.method === 'POST')!.body.attachments![0].content, "I'll take it");
    const before = await bot.server.store.get(consultId);
    const res = await execute(bot, claim, chat.messageId!, THIRD, 'groupChat');
    expect(res.body.value).toBe('That action does not fit this step of the consult; nothing was changed.');
    expect(await bot.server.store.get(consultId)).toEqual(before);
  });

  it('records feedback with its reason, owner only, once, and shows it as one line', async () => {
    const chat = await consultTo(bot, TO_MRI, 'groupChat');
    const consultId = consultIdOf(chat.card!);
    expect(idsOf(chat.card!)).toEqual(expect.arrayContaining(['feedback', 'handoff']));
    const reasons = await chat.tap('Ordering something else');
    expect(reasons).toMatchObject({ main: 'outcome:recommend-mri' });
    expect(idsOf(chat.card!)).toContain('feedback-reason');
    expect(findAction(chat.card!, 'Availability').data).toEqual({ action: 'feedback', choice: 'something_else', reason: 'availability', consultId, step: 6 });

    const pending = await bot.server.store.get(consultId);
    expect(await chat.tap('Availability', OTHER)).toEqual({
      message: 'Only the person who started this consult can use these buttons; start your own consult with a message saying "consult" to the bot.',
    });
    expect(await bot.server.store.get(consultId)).toEqual(pending);

    const withReasons = chat.card!;
    await chat.tap('Availability');
    expect(chat.card!.body.find((b) => b.id === 'feedback')).toEqual({
      type: 'TextBlock', text: 'Feedback: ordering something else - availability', wrap: true, id: 'feedback', isSubtle: true,
    });
    const recorded = await bot.server.store.get(consultId);
    expect(await chat.tap('Not ordering', OWNER, withReasons)).toEqual({ message: 'Feedback on this consult is already recorded; thank you. Nothing was changed.' });
    expect(await bot.server.store.get(consultId)).toEqual(recorded);

    const rows = await trail(bot, consultId);
    expect(rows.at(-1)).toMatchObject({ event: 'feedback:something_else:availability', userId: OWNER.id, outcomeId: 'recommend-mri', channel: 'teams' });
    expect(auditToCsv(rows)).toContain(`,${OWNER.id},feedback:something_else:availability,6,6,recommend-mri,teams,`);
    expect(summarizeAudit(rows).feedback).toEqual({ 'something_else:availability': 1 });
  });

  it('takes feedback through the Action.Submit fallback too', async () => {
    const chat = await consultTo(bot, TO_MRI);
    const consultId = consultIdOf(chat.card!);
    const action = findAction(chat.card!, 'Ordering as recommended');
    const before = bot.calls.length;
    await bot.post(submitActivity((action.fallback as { data: unknown }).data, chat.messageId!));
    const put = bot.calls.slice(before).find((c) => c.method === 'PUT')!;
    expect(put.id).toBe(chat.messageId);
    expect(put.body.attachments![0].content.body.find((b: { id?: string }) => b.id === 'feedback')).toMatchObject({ text: 'Feedback: ordering as recommended' });
    expect((await trail(bot, consultId)).at(-1)!.event).toBe('feedback:as_recommended');
  });
});
