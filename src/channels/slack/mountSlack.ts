import { App, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Express } from 'express';
import type { Config } from '../../config/config.js';
import type { ConsultService } from '../../consult/consultService.js';
import type { Logger } from '../../log/logger.js';
import { clipWatch } from './blockKit.js';
import { boltLogger } from './boltLogger.js';
import { botIdentity } from './botIdentity.js';
import { slackIntake } from './slackIntake.js';
import { IntakeReceiver } from './intakeReceiver.js';
import { ConsultDelivery } from './consultDelivery.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { handleAction } from './handleAction.js';
import type { PressHandler } from '../../interaction/pressHandler.js';
import { handleCommand } from './handleCommand.js';
import { handleMention, handleStartShortcut } from './handleFirstContact.js';
import { handleDirectMessage, handleHomeOpened } from './handleEvents.js';
import { COMMAND, START_SHORTCUT, type ProductInfo } from './productInfo.js';
import { composeView } from '../../interaction/composeView.js';
import { webApiFetch } from './webApiFetch.js';
import type { Pathways } from '../../interaction/pathways.js';
import type { ConsultRecord } from '../../store/types.js';

/** What the Slack adapter needs from the composition root. */
export interface SlackDeps {
  config: Pick<Config, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL'> & Partial<Pick<Config, 'SLACK_RADIOLOGY_CHANNEL'>>;
  service: ConsultService;
  /** The installed pathways: a consult is drawn by its own. */
  pathways: Pathways;
  /** The core's press handler: every button and command goes through it. */
  presses: PressHandler;
  logger: Logger;
  info: ProductInfo;
  /** FAQ search for DMs; without it a DM gets a short help text. */
  faq: FaqPort;
  /** Records an Events API delivery (event_id) in the store; false when any instance already took it. */
  claimDelivery?: (key: string) => Promise<boolean>;
}

/** How Slack is connected: HTTP on the shared app, Socket Mode, or not at all. */
export type SlackMode = 'http' | 'socket' | 'disabled';

/** The mounted adapter. */
export interface SlackMount {
  mode: SlackMode;
  /** Connects Socket Mode (no-op otherwise). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every request being handled has finished its follow-up work (tests, shutdown). */
  idle(): Promise<void>;
}

/** Picks the connection mode from the environment. */
export function slackMode(config: SlackDeps['config']): SlackMode {
  if (!config.SLACK_BOT_TOKEN) return 'disabled';
  if (config.SLACK_APP_TOKEN) return 'socket';
  return config.SLACK_SIGNING_SECRET ? 'http' : 'disabled';
}

/**
 * Retry policy for interactive use: a user is waiting, so two quick retries (429 honours
 * Retry-After; 5xx and network errors back off to at most ~3 s) and then give up and say so.
 */
export const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000 } as const;

/** Web client options shared by HTTP and Socket Mode: SLACK_API_URL, retries, a timeout. */
export function clientOptions(config: SlackDeps['config']): WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { ...INTERACTIVE_RETRY },
    timeout: 10_000,
    fetch: webApiFetch,
  };
}

/** Mounts Slack on the shared express app at POST /slack/events (or prepares Socket Mode). */
export function mountSlack(app: Express, deps: SlackDeps): SlackMount {
  const { config, logger } = deps;
  const mode = slackMode(config);
  const inFlight = new Set<Promise<unknown>>();
  const idle = async () => { while (inFlight.size) await Promise.allSettled([...inFlight]); };

  if (mode === 'disabled') {
    logger.info('Slack disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for HTTP (POST /slack/events), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode');
    app.post('/slack/events', (_req, res) => { res.status(503).type('text/plain').send('Slack is not configured on this server'); });
    return { mode, start: async () => {}, stop: async () => {}, idle };
  }

  const botToken = config.SLACK_BOT_TOKEN!;
  const log = boltLogger(logger);
  const identity = botIdentity(botToken, { ...clientOptions(config), logger: log }, logger);
  // HTTP: the intake reads, verifies and parses each body once and hands it to Bolt's receiver.
  const receiver = mode === 'http'
    ? new IntakeReceiver({
        logger: log,
        // A body Bolt cannot classify never gets an ack; answer 400 rather than Bolt's 404.
        unhandledRequestHandler: ({ response }) => {
          if (!response.headersSent) response.writeHead(400).end();
        },
      })
    : undefined;
  if (receiver) app.post('/slack/events', ...slackIntake(config.SLACK_SIGNING_SECRET!, logger, (req, res, body) => receiver.dispatch(req, res, body)));
  const bolt: App = new App({
    logger: log,
    clientOptions: clientOptions(config),
    // The consult lives in our store, not in Bolt's conversation state. Bolt's default in-memory
    // store rejects every lookup with a new Error (a stack trace per request) when it is unused.
    convoStore: false,
    // One workspace, one token; the bot's ids come from a background auth.test, never awaited here.
    authorize: async () => ({ botToken, ...identity.current() }),
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.SLACK_APP_TOKEN }),
  });

  // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num), and may deliver one twice.
  // The store decides, across instances: the first copy to arrive is handled, any later one is
  // not, so a retry of a delivery that never got through is still answered. (Clicks carry their
  // own idempotency key, checked by the consult service.)
  const { claimDelivery } = deps;
  if (claimDelivery) {
    bolt.use(async ({ body, next }) => {
      const b = body as { type?: string; event_id?: string; team_id?: string };
      if (b.type === 'event_callback' && b.event_id) {
        const first = await claimDelivery(`slack:event:${b.team_id ?? ''}:${b.event_id}`).catch((err: Error) => {
          logger.warn({ err: err.message }, 'slack: could not record the event delivery; handling it anyway');
          return true;
        });
        if (!first) return;
      }
      await next();
    });
  }
  bolt.error(async (err) => { logger.error({ slackError: err.code }, 'slack: unhandled listener error'); });

  const tracked = <A extends AnyMiddlewareArgs>(fn: Middleware<A>): Middleware<A> => (args) => {
    const p = Promise.resolve(fn(args));
    inFlight.add(p);
    return p.finally(() => inFlight.delete(p));
  };
  const radiologyChannel = config.SLACK_RADIOLOGY_CHANNEL;
  const compose = (record: ConsultRecord) =>
    composeView(deps.pathways.forConsult(record.flowId), record, { radiology: !!radiologyChannel });
  const port = { delivery: new ConsultDelivery(logger, compose), compose, logger, ...(radiologyChannel ? { radiologyChannel } : {}) };
  // One middleware picks the handler, by the rules Bolt's listener matchers apply (payload kind,
  // then command name, body type, callback_id or event type): Bolt runs every request through the
  // matchers of every listener, which cost ~6 us of CPU per listener per request (measured), and a
  // click would pay for six. Nothing matched goes on to Bolt (no listeners: unacknowledged, 400).
  const onCommand = tracked(handleCommand({ ...port, presses: deps.presses, info: deps.info }));
  const onAction = tracked(handleAction({ ...port, presses: deps.presses, faq: deps.faq }));
  const onShortcut = tracked(handleStartShortcut({ ...port, presses: deps.presses }));
  const onEvent: Record<string, Middleware<any>> = {
    app_home_opened: tracked(handleHomeOpened({ service: deps.service, info: deps.info, logger })),
    app_mention: tracked(handleMention({ info: deps.info, logger })),
    message: tracked(handleDirectMessage({ info: deps.info, logger, faq: deps.faq })),
  };
  const handlerFor = (args: Record<string, any>): Middleware<any> | undefined => {
    if (args.command) return args.command.command === COMMAND ? onCommand : undefined;
    if (args.action) return args.body.type === 'block_actions' ? onAction : undefined;
    if (args.shortcut) return args.body.callback_id === START_SHORTCUT ? onShortcut : undefined;
    return args.event && Object.hasOwn(onEvent, args.event.type) ? onEvent[args.event.type] : undefined;
  };
  bolt.use(async (args) => {
    const handler = handlerFor(args);
    if (handler) await handler(args);
    else await args.next();
  });

  clipWatch.onClip = (length, max) => logger.warn({ length, max }, 'slack: a text was cut to fit Block Kit; give it a shorter label in rules/');
  logger.info({ mode }, mode === 'http' ? 'Slack enabled on POST /slack/events' : 'Slack enabled in Socket Mode');
  return {
    mode,
    start: async () => {
      identity.start();
      if (mode === 'socket') await bolt.start();
    },
    stop: async () => {
      // Close the socket first so no new event starts while the ones in flight finish.
      if (mode === 'socket') await bolt.stop();
      await idle();
    },
    idle,
  };
}
