import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeActivity, OWNER, startTeamsBot, submitActivity, type TeamsTestBot } from './teamsHarness.js';

/** A button as the bot draws it, for a consult this Teams bot never drew. */
const button = (data: Record<string, unknown>) => ({ type: 'Action.Execute', verb: data.action, data });

describe('Teams presses carrying another channel\'s consult', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  /** A Slack consult whose Slack owner id is the same string as the Teams presser's id. */
  async function slackConsult() {
    const { record } = await bot.server.service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: OWNER.id });
    return record;
  }

  it('an answer with a Slack consult\'s id and its owner\'s user id changes nothing and is audited as refused', async () => {
    const record = await slackConsult();
    const data = { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 };
    const res = await bot.post(executeActivity(button(data), 'x-1'));
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Only the person who started this consult/) });
    expect((await bot.post(submitActivity(data, 'x-1'))).status).toBe(200);
    expect(await bot.server.store.get(record.id)).toEqual(record);
    const audit = (await bot.server.store.auditSince(new Date(0))).filter((a) => a.consultId === record.id);
    expect(audit.map((a) => [a.event, a.channel])).toEqual([['start', 'slack'], ['refused:answer', 'teams'], ['refused:answer', 'teams']]);
  });

  it('"New consult" with a foreign consult\'s id starts the presser\'s own consult and never shows the foreign one', async () => {
    const record = await slackConsult();
    const before = bot.calls.length;
    const res = await bot.post(executeActivity(button({ action: 'new_consult', consultId: record.id, step: 0 }), 'x-2'));
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'A new consult has started in this conversation.' });
    expect(JSON.stringify(res.body)).not.toContain(record.id);
    expect(bot.calls.slice(before).every((c) => !JSON.stringify(c.body).includes(record.id))).toBe(true);
    expect(await bot.server.store.get(record.id)).toEqual(record);
  });
});
