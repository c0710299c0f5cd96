import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionText } from '../../src/consult/rejections.js';
import { TEAMS_REPLY_STYLE } from '../../src/channels/teams/replyText.js';
import { TeamsConversation, type Seen } from './conversation.js';
import { executeActivity, findAction, idsOf, OTHER, OWNER, startTeamsBot, submitActivity, type ConversationKind, type TeamsTestBot } from './teamsHarness.js';

const NOT_OWNER = rejectionText('not-owner', OWNER.id, TEAMS_REPLY_STYLE)!;

/**
 * Transcript rows: who acts, what they do, what they see.
 * does: `say <text>` | `tap <button>` (current card) | `tap-old <button>` (the card before the last)
 *       | `retap` (the last press again, as a double click or a retried delivery) | `submit <button>`.
 * sees: `card <main element id>` | `message <text>` | `same card` (the card handed back unchanged) | `nothing`.
 */
type Row = [who: 'owner' | 'other', does: string, sees: string];

async function play(chat: TeamsConversation, rows: Row[]) {
  let last: { label: string; on: unknown; who: typeof OWNER } | undefined;
  for (const [whoName, does, sees] of rows) {
    const who = whoName === 'owner' ? OWNER : OTHER;
    const [verb, ...rest] = does.split(' ');
    const arg = rest.join(' ');
    const cardBefore = chat.card;
    const consultBefore = await snapshotOf(chat);
    let seen: Seen;
    if (verb === 'say') seen = await chat.say(arg, who);
    else if (verb === 'tap') { last = { label: arg, on: chat.card, who }; seen = await chat.tap(arg, who); }
    else if (verb === 'tap-old') { const on = chat.history.at(-1)!; last = { label: arg, on, who }; seen = await chat.tap(arg, who, on); }
    else if (verb === 'retap') seen = await chat.tap(last!.label, last!.who, last!.on as never);
    else if (verb === 'submit') seen = await chat.submit(arg, who);
    else throw new Error(`unknown step ${does}`);

    const context = `${whoName} ${does}`;
    if (sees.startsWith('card ')) expect(seen, context).toMatchObject({ main: sees.slice(5) });
    else if (sees.startsWith('message ')) expect(seen, context).toEqual({ message: sees.slice(8) });
    else if (sees === 'same card') expect((seen as { card: unknown }).card, context).toEqual(cardBefore);
    else if (sees === 'nothing') expect(seen, context).toEqual({ nothing: true });
    // A rejected press leaves the stored consult exactly as it was.
    if (!sees.startsWith('card ') && consultBefore) expect(await snapshotOf(chat), context).toEqual(consultBefore);
  }
}

async function snapshotOf(chat: TeamsConversation) {
  const actions = (chat.card?.actions ?? []) as Array<{ data?: { consultId?: string } }>;
  const id = actions.find((a) => a.data?.consultId)?.data?.consultId;
  return id ? chat.bot.server.service.get(id) : undefined;
}

describe('Teams click rules (owner only, stale, duplicate, finished)', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  const group: Array<[ConversationKind, Row[]]> = [
    ['groupChat', [
      ['owner', 'say consult', 'card question:suspicion'],
      ['other', 'tap suspicion=yes', `message ${NOT_OWNER}`],
      ['owner', 'tap suspicion=yes', 'card question:prior_imaging'],
      ['owner', 'retap', 'same card'],
      ['owner', 'tap-old suspicion=no', 'card question:prior_imaging'],
      ['other', 'tap Cancel', `message ${NOT_OWNER}`],
      ['owner', 'tap Back', 'card question:suspicion'],
      ['owner', 'tap suspicion=yes', 'card question:prior_imaging'],
      ['owner', 'tap prior_imaging=none', 'card outcome:out-of-scope-no-prior-imaging'],
      ['owner', 'tap-old prior_imaging=abnormal', 'card outcome:out-of-scope-no-prior-imaging'],
      ['other', 'tap New consult', 'card question:suspicion'],
      ['owner', 'tap suspicion=yes', `message ${NOT_OWNER}`],
    ]],
    ['channel', [
      ['owner', 'say consult', 'card question:suspicion'],
      ['owner', 'tap suspicion=yes', 'card question:prior_imaging'],
      ['owner', 'tap Change', 'card question:suspicion'],
      ['owner', 'tap Cancel', 'card notice:cancelled'],
      ['owner', 'tap-old suspicion=yes', 'card notice:cancelled'],
      ['owner', 'tap New consult', 'card question:suspicion'],
    ]],
    ['personal', [
      ['owner', 'say start', 'card question:suspicion'],
      ['owner', 'tap suspicion=yes', 'card question:prior_imaging'],
      ['owner', 'tap Restart', 'card question:suspicion'],
      ['owner', 'retap', 'same card'],
      ['owner', 'say new consult', 'card question:suspicion'],
    ]],
  ];

  it.each(group)('in a %s', async (kind, rows) => {
    await play(new TeamsConversation(bot, kind), rows);
  });

  it('strips the @mention so "@Spine Consult consult" starts a consult in a channel', async () => {
    const chat = new TeamsConversation(bot, 'channel');
    const seen = await chat.say('consult');
    expect(seen).toMatchObject({ main: 'question:suspicion' });
    // The card is a reply in the channel thread the command was typed in.
    expect(bot.calls.at(-1)!.path).toMatch(/^\/v3\/conversations\/19:general@thread\.tacv2;messageid=1700000000000\/activities\/\d+$/);
  });

  it('via Action.Submit: someone else gets a short reply, a repeat is silent, the consult is unchanged', async () => {
    const chat = new TeamsConversation(bot, 'groupChat');
    await play(chat, [
      ['owner', 'say consult', 'card question:suspicion'],
      ['other', 'submit suspicion=yes', `message ${NOT_OWNER}`],
      ['owner', 'submit suspicion=yes', 'card question:prior_imaging'],
    ]);
    const before = await snapshotOf(chat);
    const old = chat.history.at(-1)!;
    const data = findAction(old, 'suspicion=yes').data;
    const callsBefore = bot.calls.length;
    const res = await bot.post(submitActivity(data, chat.messageId!, OWNER, 'groupChat'));
    expect(res.status).toBe(200);
    expect(bot.calls.length).toBe(callsBefore);
    expect(await snapshotOf(chat)).toEqual(before);
  });

  it('an Action.Submit with unreadable data gets a polite reply and changes nothing', async () => {
    const chat = new TeamsConversation(bot);
    await chat.say('consult');
    const before = await snapshotOf(chat);
    const res = await bot.post(submitActivity({ action: 'answer', consultId: '../etc', step: 'x' }, chat.messageId!));
    expect(res.status).toBe(200);
    expect(bot.calls.at(-1)!.body.text).toBe('That button could not be read; nothing was changed.');
    expect(await snapshotOf(chat)).toEqual(before);
  });

  it('when the connector fails to update the shared message, the clicker still gets the new step and the answer is kept', async () => {
    const chat = new TeamsConversation(bot);
    await chat.say('consult');
    bot.connector.failUpdates = true;
    try {
      const res = await bot.post(executeActivity(findAction(chat.card!, 'suspicion=yes'), chat.messageId!));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(idsOf(res.body.value)).toContain('question:prior_imaging');
      expect(await snapshotOf(chat)).toMatchObject({ step: 1, status: 'active' });
      // The clicker's old card is now behind: pressing it again shows the current step, not a dead end.
      const again = await bot.post(executeActivity(findAction(chat.card!, 'suspicion=no'), chat.messageId!));
      expect(idsOf(again.body.value)).toContain('question:prior_imaging');
      expect(await snapshotOf(chat)).toMatchObject({ step: 1 });
    } finally {
      bot.connector.failUpdates = false;
    }
  });
});
