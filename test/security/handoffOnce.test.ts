/**
 * Finding (Low): two quick "Ask radiology" presses posted twice to the radiology channel. The
 * hand-off is now reserved with a version-checked save before the post, on one instance or two.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import type { ConsultStore } from '../../src/store/types.js';
import { dropSchema, freshSchema, openPg, skipPgTests } from '../store/pgTestEnv.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { SIGNING_SECRET, signedHeaders, SlackHarness } from '../slack/harness.js';
import { play, START, type Row } from '../slack/transcript.js';

const RADIOLOGY = 'CRAD';
const NO_PRIOR: Row[] = [START, ['press answer:suspicion:yes', 'question:prior_imaging'], ['press answer:prior_imaging:none', 'outcome:out-of-scope-no-prior-imaging']];
const ENV = { SLACK_RADIOLOGY_CHANNEL: RADIOLOGY };

/** Plays a consult to an exclusion outcome on `h`, then presses "Ask radiology" at once on each of `servers` (a server may repeat). */
async function doublePress(h: SlackHarness, servers: RunningServer[]): Promise<number> {
  const msg = await play(h, NO_PRIOR);
  const body = new URLSearchParams({ payload: JSON.stringify(h.actionPayload(msg, h.button(msg, 'handoff:request'), 'U1')) }).toString();
  const statuses = await Promise.all(servers.map((s) => fetch(`${s.url}/slack/events`, {
    method: 'POST', body, headers: signedHeaders(body, 'application/x-www-form-urlencoded'),
  }).then((r) => r.status)));
  expect(statuses).toEqual(servers.map(() => 200));
  await Promise.all(servers.map((s) => s.slack.idle()));
  return h.slack.apiCalls('chat.postMessage').filter((c) => c.args.channel === RADIOLOGY).length;
}

/** A second instance on the same store (same SQLite file, or its own pool on the same PostgreSQL schema). */
const secondInstance = (env: Record<string, string>, store?: ConsultStore) => startServer(loadConfig({
  NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false',
  SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: 'http://slack.test/api/', ...env,
}), store ? { store } : {});

describe('security: "Ask radiology" posts once', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

  it('two simultaneous presses on one instance (SQLite) give one radiology post', async () => {
    const h = await new SlackHarness().start({ env: { ...ENV, DATA_DIR: tempDataDir() } });
    cleanup.push(() => h.stop());
    expect(await doublePress(h, [h.server, h.server])).toBe(1);
  });

  it('two simultaneous presses on two instances sharing one SQLite file give one radiology post', async () => {
    const DATA_DIR = tempDataDir();
    const h = await new SlackHarness().start({ env: { ...ENV, DATA_DIR } });
    cleanup.push(() => h.stop());
    const other = await secondInstance({ ...ENV, DATA_DIR });
    cleanup.push(() => other.close());
    expect(await doublePress(h, [h.server, other, h.server, other])).toBe(1);
  });

  it.skipIf(skipPgTests())('two simultaneous presses on two instances sharing PostgreSQL give one radiology post', async () => {
    const schema = freshSchema();
    cleanup.push(() => dropSchema(schema));
    const h = await new SlackHarness().start({ env: { ...ENV, DATA_DIR: tempDataDir() }, overrides: { store: await openPg(schema) } });
    cleanup.push(() => h.stop());
    const other = await secondInstance({ ...ENV, DATA_DIR: tempDataDir() }, await openPg(schema));
    cleanup.push(() => other.close());
    expect(await doublePress(h, [h.server, other, h.server, other])).toBe(1);
  });
});
