import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT, CONVERSATIONS, OWNER, SERVICE_URL, TENANT, idsOf, findAction, startTeamsBot, type ConversationKind, type TeamsTestBot } from './teamsHarness.js';

/** What Teams sends when the app is installed: installationUpdate "add" and a conversationUpdate adding the bot. */
function installActivities(kind: ConversationKind, conversationId: string = CONVERSATIONS[kind].id) {
  const common = {
    serviceUrl: SERVICE_URL, channelId: 'msteams', from: OWNER, recipient: BOT, locale: 'en-US',
    conversation: { ...CONVERSATIONS[kind], id: conversationId }, channelData: { tenant: { id: TENANT } }, timestamp: new Date().toISOString(),
  };
  return [
    { ...common, id: `inst-${conversationId}`, type: 'installationUpdate', action: 'add' },
    { ...common, id: `conv-${conversationId}`, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] },
  ];
}

describe('Teams first contact', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  /** Welcome cards the bot posted into one conversation. */
  const welcomes = (conversationId: string) => bot.calls
    .filter((c) => c.method === 'POST' && c.path.includes(conversationId) && idsOf(c.body.attachments?.[0]?.content ?? {}).includes('welcome'));

  it.each(['personal', 'groupChat', 'channel'] as ConversationKind[])('installing into a %s conversation posts exactly one welcome card, even with both activities at once', async (kind) => {
    const id = `${CONVERSATIONS[kind].id}-${kind}-install`;
    const [installation, update] = installActivities(kind, id);
    const results = await Promise.all([bot.post(installation), bot.post(update)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const sent = welcomes(id);
    expect(sent).toHaveLength(1);
    const card = sent[0]!.body.attachments![0]!.content;
    const textOf = JSON.stringify(card);
    expect(textOf).toContain('Welcome to Spine consult');
    expect(textOf).toContain('patient identifiers');
    expect(textOf).toContain('\\"help\\"');
    expect(findAction(card, 'Start a consult')).toMatchObject({ type: 'Action.Execute', verb: 'start_consult' });

    // Installed again later (or the same events redelivered): no second welcome.
    for (const a of installActivities(kind, id)) await bot.post({ ...a, id: `${a.id}-again` });
    expect(welcomes(id)).toHaveLength(1);
  });

  it('a conversationUpdate that adds someone else sends nothing', async () => {
    const before = bot.calls.length;
    const [, update] = installActivities('groupChat', '19:other-member@thread.v2');
    const res = await bot.post({ ...update, membersAdded: [{ id: '29:new-colleague' }] });
    expect(res.status).toBe(200);
    expect(bot.calls.slice(before)).toEqual([]);
  });

  it('"Start a consult" on the welcome card starts a consult', async () => {
    const id = 'a:welcome-start';
    const [installation] = installActivities('personal', id);
    await bot.post(installation);
    const card = welcomes(id)[0]!.body.attachments![0]!.content;
    const action = findAction(card, 'Start a consult');
    const res = await bot.post({
      ...installation, id: 'press-start', type: 'invoke', name: 'adaptiveCard/action', replyToId: welcomes(id)[0]!.id,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
    });
    expect(res.status).toBe(200);
    const started = bot.calls.filter((c) => c.method === 'POST' && c.path.includes(id)).map((c) => idsOf(c.body.attachments?.[0]?.content ?? {}));
    expect(started.some((ids) => ids.includes('question:suspicion'))).toBe(true);
  });
});
