import { CloudAdapter } from 'botbuilder';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Config } from '../../config/config.js';
import type { ConsultService } from '../../consult/consultService.js';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { Logger } from '../../log/logger.js';
import type { Pathways } from '../../interaction/pathways.js';
import type { PressHandler } from '../../interaction/pressHandler.js';
import { describeEnvelopeError } from './activityEnvelope.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { errorResponse } from './invokeResponses.js';
import { TEAMS_TEXT } from './replyText.js';
import { fromLoopback } from '../../http/fromLoopback.js';
import { checkToken, createTeamsAuth } from './teamsAuth.js';
import { createTeamsBot } from './teamsBot.js';
import type { FirstContact } from '../../consult/firstContact.js';

/** What the Teams channel needs from the composition root. */
export interface MountTeamsDeps {
  config: Config;
  service: ConsultService;
  /** The installed pathways: a consult is drawn by its own. */
  pathways: Pathways;
  logger: Logger;
  /** Feedback, the radiology hand-off and the tenant's radiology channel. */
  followUp: FollowUpService;
  /** The core's press handler. */
  presses: PressHandler;
  /** Answers personal-chat free text; optional (without it the bot replies with a short help). */
  faq: FaqPort;
  /** Remembers welcomed conversations; without it an install gets no welcome card. */
  firstContact?: FirstContact;
}

/** The Bot Framework messaging endpoint. */
export const TEAMS_PATH = '/api/messages';

/**
 * Mounts POST /api/messages on the shared express app, behind CloudAdapter with Bot Framework
 * authentication. Throws ConfigError when the Teams settings are unsafe (see createTeamsAuth).
 */
export function mountTeams(app: Express, deps: MountTeamsDeps): void {
  const log = deps.logger.child({ channel: 'teams' });
  const auth = createTeamsAuth(deps.config, deps.logger);
  const anonymous = !deps.config.MicrosoftAppId;
  // Refused before the body is read: a closed endpoint never parses, stores or replies to anything.
  app.post(TEAMS_PATH, (req, res, next) => {
    if (auth && (!anonymous || fromLoopback(req.socket.remoteAddress, req.headers))) return next();
    log.warn({ reason: auth ? 'not-loopback' : 'closed' }, 'teams request refused: unauthenticated endpoint');
    res.status(401).json({ error: auth
      ? 'Unauthorized: this bot accepts unauthenticated activities from this machine only.'
      : 'Unauthorized: the Teams endpoint is not configured (MicrosoftAppId is not set).' });
  });
  if (!auth) return;
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // Log the failure, never the activity (it may hold typed text).
    log.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'teams turn failed');
    try {
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 500, body: errorResponse(500, 'InternalError', TEAMS_TEXT.failed) } });
      } else if (context.activity.type === 'message') {
        await context.sendActivity(TEAMS_TEXT.failed);
      }
    } catch {
      // The connector itself may be what failed; the log line above is all we can do.
    }
  };
  const logic = createTeamsBot({
    ...deps, attach: (record, ref) => deps.service.attachMessage(record, ref),
    appId: deps.config.MicrosoftAppId, radiologyAdmins: deps.config.TEAMS_RADIOLOGY_ADMINS,
  });

  app.post(TEAMS_PATH, express.json({ limit: '256kb' }), async (req, res) => {
    const problem = describeEnvelopeError(req.body);
    if (problem) {
      res.status(400).json({ error: problem });
      return;
    }
    const header = req.headers.authorization ?? '';
    const token = await checkToken(auth, req.body, header);
    if (!token.ok) {
      log.warn({ status: token.status, reason: token.reason }, 'teams request refused: Bot Framework token not accepted');
      res.status(token.status).json({ error: token.status === 401 ? 'Unauthorized: no valid Bot Framework token.' : 'Cannot verify the token right now.' });
      return;
    }
    try {
      await adapter.process(req, res, logic);
    } catch (err) {
      log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'teams activity rejected by the adapter');
      if (!res.headersSent) res.status(400).json({ error: 'The activity could not be processed.' });
    }
  });
  const jsonErrors: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'Internal error.' : 'The request body is not valid JSON for an activity.' });
  };
  app.use(TEAMS_PATH, jsonErrors);
}
