import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { Counter } from 'prom-client';
import type { Config } from '../../config/config.js';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { Pathway, Pathways } from '../../interaction/pathways.js';
import type { Logger } from '../../log/logger.js';
import type { Metrics } from '../../ops/metrics.js';
import type { ConsultStore } from '../../store/types.js';
import { fromLoopback } from '../../http/fromLoopback.js';
import { cdsAccess, CdsTokenChecker } from './cdsAuth.js';
import { recordCdsFeedback, type FeedbackResult } from './cdsConsults.js';
import { findCdsRules, type CdsRules } from './cdsRules.js';
import { checkCdsRules } from './cdsSelfCheck.js';
import { describeIssues, DiscoveryResponseSchema, FeedbackRequestSchema, HOOK_CONTEXTS, HookResponseSchema, type DiscoveryResponse } from './cdsSchemas.js';
import { handleHook, type HookDeps } from './handleHook.js';

/** What the CDS Hooks channel needs from the composition root. */
export interface MountCdsDeps {
  config: Config;
  /** Every installed pathway with a rules/<id>/cds.yaml is one CDS service (per hook). */
  pathways: Pathways;
  store: ConsultStore;
  followUp: FollowUpService;
  logger: Logger;
  metrics: Metrics;
  /** Whether the web consult page is served (cards link to it only then). */
  web: boolean;
  /** The base URL links point to when PUBLIC_URL is unset (development). */
  localUrl?: () => string;
  now?: () => Date;
}

/** Where the service lives: discovery at /cds-services, each service below it. */
export const CDS_PATH = '/cds-services';

/** A pathway served over CDS Hooks, with its cds.yaml. */
export interface CdsService {
  pathway: Pathway;
  rules: CdsRules;
}

/** The discovery document: one entry per hook for each pathway, under the pathway's id. */
export function discovery(services: readonly CdsService[]): DiscoveryResponse {
  return {
    services: services.flatMap(({ pathway, rules: { service } }) => Object.keys(HOOK_CONTEXTS).map((hook) => ({
      hook, title: service.title, description: service.description, id: pathway.id,
      prefetch: service.prefetch, usageRequirements: service.usageRequirements,
    }))),
  };
}

/**
 * Mounts CDS Hooks 2.0 (discovery, service, feedback) on the shared app. With CDS_CLIENTS every call
 * needs a trusted client's JWT; without it the endpoints answer only loopback callers in
 * development and refuse everything in production.
 */
export function mountCds(app: Express, deps: MountCdsDeps): { mode: 'jwt' | 'loopback' | 'off' } {
  const log = deps.logger.child({ channel: 'cds' });
  const access = cdsAccess(deps.config);
  const services = new Map<string, CdsService>();
  for (const pathway of deps.pathways.list()) {
    const rules = findCdsRules(pathway.content);
    if (!rules) continue;
    checkCdsRules(pathway.engine, rules);
    services.set(pathway.id, { pathway, rules });
  }
  const tokens = access.mode === 'jwt' ? new CdsTokenChecker(access.clients, deps.now) : undefined;
  const registers = [deps.metrics.registry];
  const requests = new Counter({ name: 'spine_cds_requests_total', help: 'CDS Hooks calls by endpoint and HTTP status', labelNames: ['endpoint', 'status'], registers });
  const cards = new Counter({ name: 'spine_cds_cards_total', help: 'CDS Hooks cards returned, by hook and indicator', labelNames: ['hook', 'indicator'], registers });
  const publicUrl = access.mode === 'jwt' ? access.publicUrl : deps.config.PUBLIC_URL;
  const hookDeps = (service: CdsService): HookDeps => {
    const base = publicUrl ?? deps.localUrl?.();
    return {
      store: deps.store, followUp: deps.followUp, ttlHours: deps.config.CONSULT_TTL_HOURS, now: deps.now ?? (() => new Date()),
      ...service, ...(deps.web && base ? { consultUrl: `${base}/` } : {}),
    };
  };
  if (access.mode === 'off') {
    log.warn({ endpoint: CDS_PATH }, 'CDS Hooks endpoints are off: NODE_ENV=production and CDS_CLIENTS is not set');
  } else if (access.mode === 'loopback') {
    log.warn({ endpoint: CDS_PATH }, 'CDS Hooks endpoints take calls without a client token from this machine only (CDS_CLIENTS is not set: local development); set CDS_CLIENTS and PUBLIC_URL for an EHR');
  } else {
    log.info({ endpoint: CDS_PATH, clients: access.clients.map((c) => c.iss) }, 'CDS Hooks endpoints check client JWTs');
  }

  const reply = (res: Response, endpoint: string, status: number, body: unknown) => {
    requests.inc({ endpoint, status: String(status) });
    res.status(status).json(body);
  };
  /** The caller's workspace (issuer, or "local"), or undefined after refusing the request. */
  const admit = async (req: Request, res: Response, endpoint: string, paths: string[]): Promise<string | undefined> => {
    if (access.mode === 'off') return void reply(res, endpoint, 403, { error: 'CDS Hooks is off on this server: no trusted CDS clients are configured (CDS_CLIENTS).' });
    if (access.mode === 'loopback') {
      if (fromLoopback(req.socket.remoteAddress, req.headers)) return 'local';
      return void reply(res, endpoint, 403, { error: 'CDS Hooks without CDS_CLIENTS answers local callers only.' });
    }
    const check = await tokens!.check(req.headers.authorization, paths.map((p) => `${access.publicUrl}${p}`));
    if (check.ok) return check.issuer;
    log.warn({ endpoint, status: check.status, reason: check.reason }, 'cds request refused');
    reply(res, endpoint, check.status, { error: check.status === 401 ? `Unauthorized: ${check.reason}.` : 'Cannot verify the token right now.' });
    return undefined;
  };
  const known = (res: Response, endpoint: string, id: string): CdsService | undefined => {
    const service = services.get(id);
    if (!service) reply(res, endpoint, 404, { error: `No CDS service "${id.slice(0, 80)}"; GET ${CDS_PATH} lists them.` });
    return service;
  };
  const json = express.json({ limit: '1mb', type: () => true });

  app.get(CDS_PATH, async (req, res) => {
    if (!(await admit(req, res, 'discovery', [CDS_PATH]))) return;
    reply(res, 'discovery', 200, DiscoveryResponseSchema.parse(discovery([...services.values()])));
  });

  app.post(`${CDS_PATH}/:id`, json, async (req, res) => {
    const id = String(req.params.id);
    const workspace = await admit(req, res, 'service', [`${CDS_PATH}/${id}`]);
    const service = workspace && known(res, 'service', id);
    if (!workspace || !service) return;
    const result = await handleHook(hookDeps(service), workspace, req.body);
    if (!result.ok) return void reply(res, 'service', 400, { error: result.reason });
    const response = HookResponseSchema.parse(result.response);
    for (const card of response.cards) cards.inc({ hook: result.hook, indicator: card.indicator });
    // A stored card is a consult that started and reached its outcome at once, counted as chat's are.
    for (const outcome of result.stored) {
      deps.metrics.consultsStarted.inc({ channel: 'cds' });
      deps.metrics.consultsFinished.inc({ outcome });
    }
    log.info({ hook: result.hook, cards: response.cards.map((c) => c.indicator), skipped: result.skipped }, 'cds hook answered');
    reply(res, 'service', 200, response);
  });

  app.post(`${CDS_PATH}/:id/feedback`, json, async (req, res) => {
    const id = String(req.params.id);
    const workspace = await admit(req, res, 'feedback', [`${CDS_PATH}/${id}/feedback`, `${CDS_PATH}/${id}`]);
    const service = workspace && known(res, 'feedback', id);
    if (!workspace || !service) return;
    const parsed = FeedbackRequestSchema.safeParse(req.body);
    if (!parsed.success) return void reply(res, 'feedback', 400, { error: describeIssues(parsed.error) });
    const results: FeedbackResult[] = [];
    for (const entry of parsed.data.feedback) results.push(await recordCdsFeedback(hookDeps(service), { flowId: id, rules: service.rules }, workspace, entry));
    log.info({ results }, 'cds feedback');
    const unknown = results.filter((r) => r === 'unknown-card' || r === 'unknown-suggestion').length;
    if (unknown) return void reply(res, 'feedback', 404, { error: `${unknown} of ${results.length} feedback entries name a card or suggestion this service did not issue to this client.` });
    reply(res, 'feedback', 200, {});
  });

  // Unreadable bodies (bad JSON, too large) are the client's error: a 400 with the reason, never a 500.
  const refuse: ErrorRequestHandler = (err: { status?: number; type?: string }, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err, path: req.path }, 'cds request failed');
    reply(res, 'error', status === 500 ? 500 : 400, { error: status === 500 ? 'Internal error.' : `The request body is not readable JSON (${err.type ?? 'invalid'}).` });
  };
  app.use(CDS_PATH, refuse);
  return { mode: access.mode };
}

