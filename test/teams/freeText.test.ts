import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaqPort } from '../../src/faq/faqPort.js';
import type { FaqView } from '../../src/flow/viewTypes.js';
import { TeamsConversation } from './conversation.js';
import { executeActivity, startTeamsBot, type TeamsTestBot } from './teamsHarness.js';

const criteria = { name: 'Criteria', variant: 'Variant', reviewDate: '2026-05-29' };
const TOPICS: Record<string, FaqView> = {
  'ct-with-contrast': { kind: 'faq', faqId: 'ct-with-contrast', question: 'Why not CT with contrast?', answer: 'Answer text.', section: 'FAQ', related: [{ faqId: 'spine-level', title: 'Which level?' }], criteria },
  'spine-level': { kind: 'faq', faqId: 'spine-level', question: 'Which level?', answer: 'Level text.', section: 'FAQ', related: [], criteria },
};

/**
 * A small FAQ implementing the port the Teams channel declares (src/faq provides the real one);
 * it records what it was asked so the test can show the text reached it and nowhere else.
 */
function recordingFaq(): FaqPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask(text) {
      asked.push(text);
      if (text === 'help') return { view: { kind: 'help', title: 'Help', paragraphs: ['What I do.'], criteria, disclaimer: 'D.' } };
      if (/contrast/i.test(text)) return { view: TOPICS['ct-with-contrast']!, match: { faqId: 'ct-with-contrast', score: 9.5 } };
      return { view: { kind: 'faq-none', text: 'Not sure.', suggestions: [{ faqId: 'spine-level', title: 'Which level?' }] } };
    },
    topic: (faqId) => TOPICS[faqId],
  };
}

describe('Teams free text with the built-in FAQ index (rules/faq.yaml)', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  it('answers a personal-chat question from the real index', async () => {
    expect(await new TeamsConversation(bot, 'personal').say('why not a CT with contrast?')).toMatchObject({ main: 'faq:ct-with-contrast' });
  });

  it('answers "help" with the help card and declines an off-topic question', async () => {
    expect(await new TeamsConversation(bot, 'personal').say('help')).toMatchObject({ main: 'help' });
    expect(await new TeamsConversation(bot, 'personal').say('how do I reset my password?')).toMatchObject({ main: 'faq:none' });
  });

  it('points a group chat to a personal chat for questions', async () => {
    expect(await new TeamsConversation(bot, 'groupChat').say('what is this?')).toEqual({
      message: 'Mention me with "consult" to start a consult here. For questions in your own words, open a personal chat with me.',
    });
  });
});

describe('Teams free text with an FAQ port', () => {
  let bot: TeamsTestBot;
  const faq = recordingFaq();
  beforeAll(async () => { bot = await startTeamsBot({}, faq); });
  afterAll(async () => { await bot.close(); });

  it('answers a personal-chat question with the FAQ card and never logs the typed words', async () => {
    const typed = 'Why not a CT with contrast for patient Jane Roe?';
    const seen = await new TeamsConversation(bot).say(typed);
    expect(seen).toMatchObject({ main: 'faq:ct-with-contrast' });
    expect(faq.asked).toContain(typed);
    const logs = bot.logs.join('\n');
    expect(logs).toContain('"faqId":"ct-with-contrast"');
    expect(logs).not.toContain('Jane Roe');
    expect(logs).not.toContain('CT with contrast for');
  });

  it('says "not sure" with topics (faq:none), and a tapped topic posts its answer below', async () => {
    const chat = new TeamsConversation(bot);
    expect(await chat.say('how do I reset my password?')).toMatchObject({ main: 'faq:none' });
    expect(await chat.tap('Which level?')).toMatchObject({ main: 'faq:spine-level' });
  });

  it('shows help for the help command, whose "Start a consult" button starts one', async () => {
    const chat = new TeamsConversation(bot);
    expect(await chat.say('help')).toMatchObject({ main: 'help' });
    expect(await chat.tap('Start a consult')).toMatchObject({ main: 'question:suspicion' });
  });

  it('still starts a consult for "consult" and does not send commands to the FAQ', async () => {
    const before = faq.asked.length;
    expect(await new TeamsConversation(bot).say('consult')).toMatchObject({ main: 'question:suspicion' });
    expect(faq.asked.length).toBe(before);
  });

  it('answers an unknown topic id politely', async () => {
    const res = await bot.post(executeActivity({ verb: 'faq_topic', data: { action: 'faq_topic', faqId: 'gone' } }, 'm-1'));
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That topic is not available any more; nothing was changed.' });
  });
});
