import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { mountCds } from './channels/cds/mountCds.js';
import { mountTeams } from './channels/teams/mountTeams.js';
import { loadConfig, type Config } from './config/config.js';
import { ConsultService } from './consult/consultService.js';
import { FollowUpService } from './consult/followUpService.js';
import { Pathways } from './interaction/pathways.js';
import { PressHandler } from './interaction/pressHandler.js';
import { RecordCache } from './consult/recordCache.js';
import { createWebChannel } from './channels/web/createWebChannel.js';
import { WebSessions } from './channels/web/webSession.js';
import { loadSessionSecret } from './config/sessionSecret.js';
import type { FaqPort } from './faq/faqPort.js';
import { createHttpApp } from './http/createHttpApp.js';
import { mountSlack, type SlackMount } from './channels/slack/mountSlack.js';
import { buildStartupBanner, liveChannels, publicUrl } from './http/startupBanner.js';
import { FirstContact } from './consult/firstContact.js';
import { legalRoutes } from './http/legalPages.js';
import { createFaqIndex } from './faq/faqIndex.js';
import { createLogger, type Logger } from './log/logger.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { metricsHandler, startMetricsServer } from './ops/metricsRoute.js';
import { observedFaq } from './ops/observedFaq.js';
import { ObservedConsultService } from './ops/observedService.js';
import { ObservedStore } from './ops/observedStore.js';
import { exitGracefully } from './ops/shutdown.js';
import { startHousekeeping } from './store/housekeeping.js';
import { openStore } from './store/openStore.js';
import type { ConsultStore } from './store/types.js';

/** A running server, for tests and for shutdown. */
export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  service: ConsultService;
  store: ConsultStore;
  /** Feedback and radiology hand-off (counted in /metrics as spine_follow_ups_total). */
  followUp: FollowUpService;
  slack: SlackMount;
  /** This server's Prometheus registry and metrics (GET /metrics). */
  metrics: Metrics;
  /** The start-up banner: live channels and the URL to open. */
  banner: string;
  /** Where GET /metrics answers: the main URL, or 127.0.0.1:METRICS_PORT. */
  metricsUrl: string;
  close(): Promise<void>;
}

/** Optional replacements for tests (a fake clock, a prepared store, a stand-in FAQ). */
export interface Overrides {
  store?: ConsultStore;
  logger?: Logger;
  now?: () => Date;
  /** Answers free text in DMs and on the web page; defaults to the FAQ index over rules/. */
  faq?: FaqPort;
  /** The installed pathways; defaults to flows/ (plus PATHWAY_DIRS). */
  pathways?: Pathways;
}

/** The port is taken by another process: said in one line, since the fix is the operator's. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(port: number) {
    super(`Port ${port} is already in use: stop the other server or set PORT to a free port.`);
  }
}

/** The composition root: config -> content -> engine -> store -> service -> HTTP app and channels. */
export async function startServer(config: Config, overrides: Overrides = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const pathways = overrides.pathways ?? Pathways.load({ roots: config.PATHWAY_DIRS, defaultId: config.DEFAULT_PATHWAY });
  const primary = pathways.primary();
  const metrics = createMetrics();
  const faq = observedFaq(overrides.faq ?? createFaqIndex(primary.content), metrics);
  const store = new ObservedStore(overrides.store ?? (await openStore(config, logger)), metrics);
  let server: Server | undefined;
  let metricsServer: Server | undefined;
  let service: ConsultService;
  let followUp: FollowUpService;
  let slack: SlackMount;
  const channels = liveChannels(config);
  let localUrl = `http://localhost:${config.PORT}`; // set to the bound port once listening
  try {
    service = new ObservedConsultService({ store, pathways, ttlHours: config.CONSULT_TTL_HOURS, now: overrides.now, cache: new RecordCache() }, metrics, logger);
    followUp = new FollowUpService({ store, pathways, now: overrides.now, onEvent: (event) => metrics.followUps.inc({ event }) });
    const presses = new PressHandler({ service, followUp, pathways });
    const metricsRoute = metricsHandler(metrics, config.METRICS_TOKEN);
    const app = createHttpApp(store, { logger, trustProxy: config.TRUST_PROXY, ...(config.METRICS_PORT === undefined ? { metricsRoute } : {}) });
    app.use(legalRoutes({ retentionDays: config.RETENTION_DAYS, ttlHours: config.CONSULT_TTL_HOURS, contact: config.PRIVACY_CONTACT }));
    const { criteria } = primary.content.rules;
    slack = mountSlack(app, {
      config, service, pathways, logger, faq, presses, claimDelivery: (key) => store.claimDelivery(key, new Date()),
      info: { criteria: { name: criteria.name, variant: criteria.variant, reviewDate: criteria.reviewDate }, disclaimer: criteria.disclaimer, ttlHours: config.CONSULT_TTL_HOURS },
    });
    const firstContact = new FirstContact(store, overrides.now);
    if (config.TEAMS_ENABLED) mountTeams(app, { config, service, pathways, logger, faq, followUp, presses, firstContact });
    if (channels.web) app.use(createWebChannel({ service, pathways, logger, faq, followUp, sessions: new WebSessions(loadSessionSecret(config)) }));
    mountCds(app, { config, pathways, store, followUp, logger, metrics, web: channels.web, localUrl: () => localUrl, now: overrides.now });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.PORT, config.HOST, (err?: NodeJS.ErrnoException) => {
        if (err?.code === 'EADDRINUSE') reject(new PortInUseError(config.PORT));
        else if (err) reject(err);
        else resolve(s);
      });
      // Longer than a load balancer's or proxy's idle timeout (60 s on most): otherwise Node's 5 s default
      // can close a kept-alive connection just as the proxy reuses it, and Slack gets a reset or a 502.
      s.keepAliveTimeout = 65_000;
      s.headersTimeout = 66_000;
    });
    if (config.METRICS_PORT !== undefined) metricsServer = await startMetricsServer(config.METRICS_PORT, metricsRoute);
  } catch (err) {
    // A refused configuration or a busy port must not leave the store (or the main port) open behind it.
    server?.close();
    await store.close();
    throw err;
  }
  try {
    await slack.start();
  } catch (err) {
    // Socket Mode refused (e.g. a revoked app token): stop serving rather than half-run.
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    metricsServer?.close();
    await store.close();
    throw err;
  }
  const housekeeping = startHousekeeping({ store, retentionDays: config.RETENTION_DAYS, logger, now: overrides.now });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://127.0.0.1:${port}`;
  localUrl = publicUrl(config.HOST, port);
  const metricsAddress = metricsServer?.address();
  const metricsUrl = typeof metricsAddress === 'object' && metricsAddress ? `http://127.0.0.1:${metricsAddress.port}/metrics` : `${url}/metrics`;
  const banner = buildStartupBanner(channels, publicUrl(config.HOST, port));
  logger.info({ port, pathways: pathways.list().map((p) => `${p.id}@${p.content.flow.version}`), channels }, banner);
  return {
    url, port, server, service, store, followUp, slack, metrics, banner, metricsUrl,
    async close() {
      const sweep = housekeeping.stop(); // a clean-up pass already running finishes before the store closes
      // Stop accepting first, let requests in flight finish (keep-alive sockets close as they go
      // idle), then wait for Slack's follow-up work after its acks, and only then close the store.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
      try {
        await closed;
      } finally {
        clearInterval(idleSweep);
      }
      await slack.stop();
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      await sweep;
      await store.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL);
    const running = await startServer(config, { logger });
    exitGracefully(() => running.close(), logger);
    console.log(`\n${running.banner}\n`);
  } catch (err) {
    // Config and content errors are written for people: print the message, not a stack trace.
    const e = err as Error;
    console.error(['ConfigError', 'ContentError', 'PortInUseError'].includes(e.name) ? e.message : e);
    process.exit(1);
  }
}
