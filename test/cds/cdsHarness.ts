/**
 * The real server (startServer) on an ephemeral port with a SQLite store in a fresh DATA_DIR, and
 * plain HTTP calls to its CDS Hooks endpoints, as an EHR makes them.
 */
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';

/** The pathway's CDS service id (the flow id). */
export const SERVICE_ID = 'spine-infection-abnormal-imaging';

/** A running server and a small client for its CDS endpoints. */
export interface CdsHarness {
  server: RunningServer;
  dataDir: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the server with `env` on top of a test configuration (web page on, no chat credentials). */
export async function startCdsServer(env: Record<string, string> = {}): Promise<CdsHarness> {
  const dataDir = tempDataDir();
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', ...env });
  const server = await startServer(config);
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}${path}`, {
      method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    server, dataDir,
    get: (path, headers = {}) => call('GET', path, undefined, headers),
    post: (path, body, headers = {}) => call('POST', path, body, headers),
    close: () => server.close(),
  };
}
