import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, type Router } from 'express';
import { isBound } from '../../consult/binding.js';
import type { ConsultService } from '../../consult/consultService.js';
import { rejectionText, type RejectReason, type ReplyStyle } from '../../consult/rejections.js';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { View } from '../../flow/viewTypes.js';
import { composeView } from '../../interaction/composeView.js';
import type { Pathway, Pathways } from '../../interaction/pathways.js';
import { PRODUCT } from '../../interaction/product.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { buildFlowDiagram } from './flowDiagram.js';
import { renderFaqBox } from './renderFaq.js';
import { renderErrorPage, renderLanding, renderPage, renderRecent } from './renderPage.js';
import { renderWeb } from './renderWeb.js';
import { parseWebClick } from './parseWebClick.js';
import { WEB_SCRIPT, WEB_STYLES } from './webAssets.js';
import { WebSessions, type WebSession } from './webSession.js';

/** What the web channel needs: the same core and store every channel uses, and an optional FAQ. */
export interface WebChannelOptions {
  service: ConsultService;
  /** The installed pathways: a consult is drawn by its own. */
  pathways: Pathways;
  /** Feedback on recommendations; without it the page shows none. */
  followUp?: FollowUpService;
  logger: Logger;
  faq: FaqPort;
  sessions?: WebSessions;
}

/** Web consults live in one workspace: there is no tenant on a local page. */
export const WEB_WORKSPACE = 'local';

const STYLE: ReplyStyle = { startHint: 'the "New consult" button', mention: () => 'the browser that started it' };
const REASONS: ReadonlySet<string> = new Set<RejectReason>(['not-found', 'not-owner', 'expired', 'flow-changed', 'stale', 'finished', 'cancelled', 'invalid']);
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The web page's presser: its session, in the one local workspace. */
const actorOf = (session: WebSession) => ({ channel: 'web', workspace: WEB_WORKSPACE, userId: session.ownerId });

/** A short line for a consult in the recent list. */
function describe(view: View): string {
  if (view.kind === 'outcome') return view.title;
  if (view.kind === 'question') return `Question ${view.number}: ${view.question.label}`;
  return view.text;
}

/** The browser channel: a server-rendered consult page on the shared express app, at `/`. */
export function createWebChannel(opts: WebChannelOptions): Router {
  const { service, pathways, logger, faq, followUp } = opts;
  const sessions = opts.sessions ?? new WebSessions();
  const primary = pathways.primary();
  const { flow } = primary.content;
  const shellOf = ({ content: { flow: f, rules: { criteria: c } } }: Pathway) =>
    ({ flowTitle: f.title, criteria: { name: c.name, variant: c.variant, reviewDate: c.reviewDate }, disclaimer: c.disclaimer });
  const shell = shellOf(primary);
  const diagram = buildFlowDiagram(primary.content);
  const diagramAlt = `Decision flow diagram. Questions in order: ${flow.questions.map((q) => q.label).join(', then ')}. Each answer leads to the next question or to an outcome.`;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 });

  const send = (res: Response, status: number, html: string) => res.status(status).set(SECURITY_HEADERS).type('html').send(html);
  const fail = (res: Response, status: number, heading: string, text: string) => send(res, status, renderErrorPage(heading, text, shell));
  const safe = (handler: (req: Request, res: Response) => Promise<void> | void): RequestHandler => async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      logger.error({ err, path: req.path }, 'web request failed');
      if (!res.headersSent) fail(res, 500, 'Something went wrong', 'Nothing was changed. Reload the page and try again.');
    }
  };
  /** Every POST: a session cookie and its CSRF token, or a clear 403 page. */
  const guard = (req: Request, res: Response): WebSession | undefined => {
    const session = sessions.fromRequest(req);
    if (sessions.checkCsrf(session, (req.body as Record<string, unknown> | undefined)?.csrf)) return session;
    logger.warn({ path: req.path }, 'web post refused: CSRF token missing or wrong');
    fail(res, 403, 'This page has expired', 'The form did not come from your current session (it may be from before a restart or another browser). Nothing was changed. Go back to the start page and try again.');
    return undefined;
  };

  const aside = async (session: WebSession, consultId?: string, answer?: Parameters<typeof renderFaqBox>[1]) => {
    const recent = await service.recent('web', WEB_WORKSPACE, session.ownerId, 5);
    return [
      renderFaqBox({ csrf: session.csrf, consultId }, answer),
      renderRecent(recent.map((r) => ({ id: r.id, title: describe(service.view(r)), status: r.status, updatedAt: r.updatedAt }))),
    ].join('\n');
  };
  const consultPage = async (session: WebSession, record: ConsultRecord, notice?: string, answer?: Parameters<typeof renderFaqBox>[1]) => {
    // The web page has no radiology destination yet, so no "Ask radiology" (a request made elsewhere still shows).
    const pathway = pathways.forConsult(record.flowId);
    const view = composeView(pathway, record, { radiology: false });
    return renderPage({
      ...shellOf(pathway), diagramAlt, title: describe(view),
      main: renderWeb(view, { consultId: record.id, csrf: session.csrf, notice }),
      aside: await aside(session, record.id, answer),
    });
  };
  /** Loads a consult for its owner; otherwise answers with the page that says why, and returns undefined. */
  const ownRecord = async (res: Response, session: WebSession, id: unknown) => {
    const record = typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await service.get(id) : undefined;
    if (!record) return void fail(res, 404, 'Consult not found', rejectionText('not-found', '', STYLE)!);
    if (!isBound(record, actorOf(session))) return void fail(res, 403, 'Not your consult', rejectionText('not-owner', record.ownerId, STYLE)!);
    return record;
  };
  const choices = pathways.list().map((p) => ({ id: p.id, title: p.title }));
  const startNew = async (res: Response, session: WebSession, requested?: unknown) => {
    const pathwayId = typeof requested === 'string' && pathways.get(requested) ? requested : pathways.defaultId;
    // Several pathways and none chosen: the start page offers them.
    if (!pathwayId) return void res.redirect(303, '/');
    const { record } = await service.start({ channel: 'web', workspace: WEB_WORKSPACE, conversation: session.ownerId, ownerId: session.ownerId, pathwayId });
    logger.info({ consultId: record.id, channel: 'web' }, 'consult started');
    res.redirect(303, `/consult/${record.id}`);
  };

  router.get('/', safe(async (req, res) => {
    const session = sessions.ensure(req, res);
    send(res, 200, renderPage({ ...shell, diagramAlt, title: 'Start', main: renderLanding(choices, session.csrf), aside: await aside(session) }));
  }));

  router.get('/consult/:id', safe(async (req, res) => {
    const session = sessions.ensure(req, res);
    const record = await ownRecord(res, session, req.params.id);
    if (!record) return;
    const reason = typeof req.query.notice === 'string' && REASONS.has(req.query.notice) ? (req.query.notice as RejectReason) : undefined;
    send(res, 200, await consultPage(session, record, reason && rejectionText(reason, record.ownerId, STYLE)));
  }));

  router.post('/web/start', form, safe(async (req, res) => {
    const session = guard(req, res);
    if (session) await startNew(res, session, (req.body as Record<string, unknown>).pathway);
  }));

  router.post('/web/click', form, safe(async (req, res) => {
    const session = guard(req, res);
    if (!session) return;
    const data = parseWebClick(req.body);
    if (!data) return void fail(res, 400, 'Unknown button', 'That button is not one this page offers; nothing was changed.');
    if (data.action === 'new_consult') {
      const record = await ownRecord(res, session, data.consultId);
      if (record) await startNew(res, session, record.flowId);
      return;
    }
    const actor = actorOf(session);
    const result = data.action === 'feedback' && followUp && data.choice
      ? await followUp.feedback({ consultId: data.consultId, step: data.step, actor, choice: data.choice, ...(data.reason ? { reason: data.reason } : {}) })
      : await service.click({ actor, data });
    logger.info({ consultId: data.consultId, action: data.action, step: data.step, ok: result.ok, reason: result.ok ? undefined : result.reason }, 'web click');
    if (result.ok) return void res.redirect(303, `/consult/${result.record.id}`);
    if (result.reason === 'not-found') return void fail(res, 404, 'Consult not found', rejectionText('not-found', '', STYLE)!);
    if (result.reason === 'not-owner') return void fail(res, 403, 'Not your consult', rejectionText('not-owner', result.record!.ownerId, STYLE)!);
    // A repeated click (duplicate) just shows the consult as it is; other refusals say why.
    res.redirect(303, `/consult/${data.consultId}${result.reason === 'duplicate' ? '' : `?notice=${result.reason}`}`);
  }));

  router.post('/web/faq', form, safe(async (req, res) => {
    const session = guard(req, res);
    if (!session) return;
    const body = req.body as Record<string, unknown>;
    // The typed text goes to the FAQ search only: it is never logged, stored or echoed back.
    const answer = typeof body.topic === 'string' ? faq.topic(body.topic)
      : typeof body.text === 'string' && body.text.trim() ? faq.ask(body.text.slice(0, 300)).view : undefined;
    if (!answer) return void fail(res, 400, 'No question', 'Type a question or choose a topic; nothing was changed.');
    logger.info({ kind: answer.kind, faqId: answer.kind === 'faq' ? answer.faqId : undefined, channel: 'web' }, 'faq answered');
    const record = typeof body.consultId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(body.consultId) ? await service.get(body.consultId) : undefined;
    if (record && isBound(record, actorOf(session))) return void send(res, 200, await consultPage(session, record, undefined, answer));
    send(res, 200, renderPage({
      ...shell, diagramAlt, title: 'FAQ',
      main: renderLanding(choices, session.csrf),
      aside: await aside(session, undefined, answer),
    }));
  }));

  router.get('/web/flow.svg', (_req, res) => {
    res.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }).type('image/svg+xml').send(diagram);
  });
  // Body-parser refusals (too large, bad encoding) get a plain page, never Express's stack trace.
  const refuse: ErrorRequestHandler = (err: { status?: number }, req, res, _next) => {
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, path: req.path }, 'web request failed');
    fail(res, status, 'Request not accepted', 'The form could not be read; nothing was changed. Go back and try again.');
  };
  router.use(refuse);
  router.get('/web/style.css', (_req, res) => { res.set('Cache-Control', 'no-cache').type('text/css').send(WEB_STYLES); });
  router.get('/web/app.js', (_req, res) => { res.set('Cache-Control', 'no-cache').type('text/javascript').send(WEB_SCRIPT); });
  return router;
}
