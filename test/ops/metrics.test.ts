import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { SlackHarness } from '../slack/harness.js';
import type { FakeMessage } from '../slack/fakeSlack.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { sample } from './metricsText.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });

const metricsText = async (url = h.server.url) => {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
const firstAnswer = (msg: FakeMessage) =>
  msg.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => String(e.action_id).startsWith('answer:'))?.action_id as string | undefined;
const dm = (text: string) => h.event({ type: 'message', channel: 'DU1', channel_type: 'im', user: 'U1', text, ts: '1700000100.000100', event_ts: '1700000100.000100' });

describe('GET /metrics', () => {
  it('counts consults, outcomes, rejected clicks by reason, step latency and FAQ replies', async () => {
    await h.command('', 'U1', 'C1');
    const msg = h.latest();
    const firstStep = structuredClone(msg);
    await h.press(msg, firstAnswer(msg)!, 'U2'); // not the owner
    let clicks = 0;
    for (let action = firstAnswer(msg); action; action = firstAnswer(h.slack.messages.get(msg.key)!)) {
      await h.press(h.slack.messages.get(msg.key)!, action);
      clicks++;
    }
    await h.press(firstStep, firstAnswer(firstStep)!); // an old button on a finished consult
    const [record] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    expect(record.status).toBe('finished');
    await dm('why not a CT with contrast?');
    await dm('what will the weather be like in Paris tomorrow');

    const text = await metricsText();
    expect(sample(text, 'spine_consults_started_total{channel="slack"}')).toBe(1);
    expect(sample(text, `spine_consults_finished_total{outcome="${record.outcomeId}"}`)).toBe(1);
    expect(sample(text, 'spine_clicks_rejected_total{reason="not-owner"}')).toBe(1);
    expect(sample(text, 'spine_clicks_rejected_total{reason="finished"}') + sample(text, 'spine_clicks_rejected_total{reason="stale"}')).toBe(1);
    expect(sample(text, 'spine_consult_step_seconds_count{result="applied"}')).toBe(clicks);
    expect(sample(text, 'spine_consult_step_seconds_count{result="rejected"}')).toBe(2);
    expect(sample(text, 'spine_faq_questions_total{result="answered"}')).toBe(1);
    expect(sample(text, 'spine_faq_questions_total{result="declined"}')).toBe(1);
    expect(sample(text, 'spine_store_errors_total{operation="get"}')).toBe(0);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('keeps one registry per server, so a second server in the same process starts from zero', async () => {
    const started = 'spine_consults_started_total{channel="slack"}';
    await h.command('', 'U3', 'C1');
    const onFirst = sample(await metricsText(), started);
    expect(onFirst).toBeGreaterThanOrEqual(1);
    const other = new SlackHarness();
    await other.start();
    try {
      expect(sample(await metricsText(other.server.url), started)).toBe(0);
      await other.command('', 'U3', 'C1');
      expect(sample(await metricsText(other.server.url), started)).toBe(1);
      expect(sample(await metricsText(), started)).toBe(onFirst);
    } finally {
      await other.stop();
    }
  });
});

describe('GET /readyz', () => {
  it('answers 503 while the store does not answer, and counts the failure', async () => {
    const store = new SqliteStore(`${tempDataDir()}/ready.sqlite`);
    const other = new SlackHarness();
    await other.start({ overrides: { store } });
    try {
      expect((await fetch(`${other.server.url}/readyz`)).status).toBe(200);
      await store.close();
      const res = await fetch(`${other.server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('store not reachable');
      expect(sample(await metricsText(other.server.url), 'spine_store_errors_total{operation="ping"}')).toBe(1);
    } finally {
      await other.stop();
    }
  });
});
