import { HTTPModuleFunctions, HTTPResponseAck, type App, type Receiver, type ReceiverUnhandledRequestHandlerArgs } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/logger';
import type { Request, Response } from 'express';

/**
 * Bolt's receiver for POST /slack/events behind the Slack intake (src/channels/slack/slackIntake.ts):
 * the intake has checked the signature and parsed the body once, and hands the parsed body here, so
 * Bolt neither reads, verifies nor parses it again. What happens after is ExpressReceiver's
 * requestHandler with its own ack (Bolt's HTTPResponseAck): url_verification and ssl_check answered
 * here, retry headers passed on, the HTTP response sent when a listener acks (processBeforeResponse
 * false), and a body nobody acknowledges handed to `unhandledRequestHandler` after 3 s.
 */
export class IntakeReceiver implements Receiver {
  private bolt?: App;

  constructor(private readonly opts: { logger: BoltLogger; unhandledRequestHandler: (args: ReceiverUnhandledRequestHandlerArgs) => void }) {}

  /** Called by Bolt's App constructor. */
  init(bolt: App): void {
    this.bolt = bolt;
  }

  /** The shared express app serves the endpoint: nothing to listen on. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing to close: the shared HTTP server is closed by the composition root. */
  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Hands a verified, parsed body to Bolt and answers as ExpressReceiver would. */
  async dispatch(req: Request, res: Response, body: Record<string, any>): Promise<void> {
    if (body.ssl_check !== undefined) return void res.send();
    if (body.type === 'url_verification') return void res.json({ challenge: body.challenge });
    const { logger, unhandledRequestHandler } = this.opts;
    const ack = new HTTPResponseAck({
      logger, processBeforeResponse: false, unhandledRequestHandler,
      httpRequest: req, httpRequestBody: body, httpResponse: res,
    });
    try {
      await this.bolt?.processEvent({
        body, ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      const handled = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error, logger, request: req, response: res, storedResponse: ack.storedResponse,
      });
      if (handled) ack.ack();
    }
  }
}
