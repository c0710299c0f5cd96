import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from './config/config.js';
import { ConsultService } from './consult/consultService.js';
import { loadContent } from './content/loadContent.js';
import { createFlowEngine } from './flow/engine.js';
import { createWebChannel } from './channels/web/createWebChannel.js';
import type { FaqPort } from './channels/web/faqPort.js';
import { createHttpApp } from './http/createHttpApp.js';
import { buildStartupBanner, liveChannels, publicUrl } from './http/startupBanner.js';
import { createLogger, type Logger } from './log/logger.js';
import { MemoryStore } from './store/memoryStore.js';
import type { ConsultStore } from './store/types.js';

/** A running server, for tests and for shutdown. */
export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  service: ConsultService;
  store: ConsultStore;
  /** The start-up banner: live channels and the URL to open. */
  banner: string;
  close(): Promise<void>;
}

/** Optional replacements for tests (a fake clock, a prepared store). */
export interface Overrides {
  store?: ConsultStore;
  logger?: Logger;
  now?: () => Date;
  /** The FAQ search for the web page's "ask a question" box. */
  faq?: FaqPort;
}

/** The composition root: config -> content -> engine -> store -> service -> HTTP app and channels. */
export async function startServer(config: Config, overrides: Overrides = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const engine = createFlowEngine(loadContent());
  const store = overrides.store ?? new MemoryStore();
  const service = new ConsultService({ store, engine, ttlHours: config.CONSULT_TTL_HOURS, now: overrides.now });
  const app = createHttpApp(store);
  const channels = liveChannels(config);
  if (channels.web) app.use(createWebChannel({ service, engine, logger, faq: overrides.faq }));

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ port, flowVersion: engine.content.flow.version }, 'spine-consult listening');
  const banner = buildStartupBanner(channels, publicUrl(config.HOST, port));
  logger.info({ channels }, banner);
  return {
    url, port, server, service, store, banner,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const running = await startServer(loadConfig());
    console.log(`\n${running.banner}\n`);
  } catch (err) {
    // Config and content errors are written for people: print the message, not a stack trace.
    const e = err as Error;
    console.error(['ConfigError', 'ContentError'].includes(e.name) ? e.message : e);
    process.exit(1);
  }
}
