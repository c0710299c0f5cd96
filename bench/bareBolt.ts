/**
 * The baseline: a bare @slack/bolt app on the same express/ExpressReceiver stack and Web API
 * client settings as the bot, that only acknowledges and makes the same Web API call per
 * request (chat.postMessage for the command, chat.update for a click), with no consult work.
 * Its Web API calls go through Bolt's default transport (`fetch` on npm undici's Agent, the pool
 * loading Bolt claims), not the bot's node:http one, unless BENCH_BARE_TRANSPORT=bot (to tell the
 * transport's share of the ratio from the bot's own work).
 * Run as a child process by bench/run.ts: PORT, SLACK_API_URL, BENCH_FIRST_BLOCKS (a JSON file).
 */
import { readFileSync } from 'node:fs';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import express from 'express';
import { clientOptions } from '../src/channels/slack/mountSlack.js';
import { undiciFetch, webApiFetch } from '../src/channels/slack/webApiFetch.js';
import { BENCH_SECRET } from './slackTraffic.js';

const firstBlocks = JSON.parse(readFileSync(process.env.BENCH_FIRST_BLOCKS!, 'utf8')) as any[];
const app = express();
const botToken = 'xoxb-bench-token';
let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
const bolt: App = new App({
  logLevel: LogLevel.ERROR,
  clientOptions: { ...clientOptions({ SLACK_API_URL: process.env.SLACK_API_URL }), fetch: process.env.BENCH_BARE_TRANSPORT === 'bot' ? webApiFetch : undiciFetch },
  authorize: async () => {
    identity ??= bolt.client.auth.test({ token: botToken }).then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    return { botToken, ...(await identity) };
  },
  receiver: new ExpressReceiver({ signingSecret: BENCH_SECRET, app, processBeforeResponse: false, logLevel: LogLevel.ERROR }),
});
bolt.command('/spine-consult', async ({ ack, client, command }) => {
  await ack();
  await client.chat.postMessage({ channel: command.channel_id, text: 'consult', blocks: firstBlocks });
});
bolt.action({ type: 'block_actions' }, async ({ ack, client, body }) => {
  await ack();
  const b = body as any;
  await client.chat.update({ channel: b.channel.id, ts: b.container.message_ts, text: 'consult', blocks: b.message.blocks });
});
app.get('/healthz', (_req, res) => { res.send('ok'); });
app.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, so that --cpu-prof (BENCH_PROFILE) gets written.
process.on('SIGTERM', () => process.exit(0));
