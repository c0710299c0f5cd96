import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness } from '../slack/harness.js';
import { startTeamsBot, type TeamsTestBot } from '../teams/teamsHarness.js';
import { TeamsConversation } from '../teams/conversation.js';
import { OFF_TOPIC, ON_TOPIC } from './evalSet.js';

/** Scores what a channel showed: the id of the answer block, or faq:none / help. */
function score(name: string, shown: Array<{ expected?: string; got: string }>) {
  const onTopic = shown.filter((s) => s.expected);
  const correct = onTopic.filter((s) => s.got === `faq:${s.expected}`).length;
  const offTopic = shown.filter((s) => !s.expected);
  const clinical = offTopic.filter((s) => /^faq:(?!none)/.test(s.got));
  console.log(`${name} DM: top-1 ${(100 * correct / onTopic.length).toFixed(1)}% (${correct}/${onTopic.length}); off-topic answered with clinical content: ${clinical.length}/${offTopic.length}`);
  expect(correct / onTopic.length).toBeGreaterThanOrEqual(0.9);
  expect(clinical).toEqual([]);
}

describe('the FAQ evaluation set over real direct messages', () => {
  describe('Slack message.im events', () => {
    const h = new SlackHarness();
    beforeAll(async () => { await h.start(); });
    afterAll(async () => { await h.stop(); });

    it('answers the on-topic questions and declines every off-topic one', async () => {
      const cases = [...ON_TOPIC.map((c) => ({ q: c.q, expected: c.id })), ...OFF_TOPIC.map((q) => ({ q, expected: undefined }))];
      const shown: Array<{ expected?: string; got: string }> = [];
      let ts = 1700001000;
      for (const c of cases) {
        const res = await h.event({ type: 'message', channel: 'DU9', channel_type: 'im', user: 'U9', text: c.q, ts: `${ts++}.000100` });
        expect(res.status).toBe(200);
        shown.push({ expected: c.expected, got: h.latest().blocks[0].block_id });
      }
      score('Slack', shown);
      for (const c of cases) expect(h.logLines.join('\n')).not.toContain(c.q);
    }, 120_000);
  });

  describe('Teams personal chat activities', () => {
    let bot: TeamsTestBot;
    beforeAll(async () => { bot = await startTeamsBot(); });
    afterAll(async () => { await bot.close(); });

    it('answers the on-topic questions and declines every off-topic one', async () => {
      const chat = new TeamsConversation(bot, 'personal');
      const shown: Array<{ expected?: string; got: string }> = [];
      for (const c of [...ON_TOPIC.map((x) => ({ q: x.q, expected: x.id as string | undefined })), ...OFF_TOPIC.map((q) => ({ q, expected: undefined }))]) {
        const seen = await chat.say(c.q);
        shown.push({ expected: c.expected, got: 'main' in seen ? String(seen.main) : 'message' });
      }
      score('Teams', shown);
    }, 120_000);
  });
});
