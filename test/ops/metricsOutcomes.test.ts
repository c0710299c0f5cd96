import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness } from '../slack/harness.js';
import { play, TO_MRI } from '../slack/transcript.js';
import { sample } from './metricsText.js';

const h = new SlackHarness();
beforeAll(async () => { await h.start(); });
afterAll(async () => { await h.stop(); });

describe('spine_consults_finished_total', () => {
  it('counts recommend-mri, which stays open for the MRI result, once, as an outcome reached', async () => {
    const msg = await play(h, TO_MRI);
    await h.press(msg, 'control:record_result');
    await h.press(h.latest(), 'control:back'); // back to the outcome: not a second arrival
    const text = await (await fetch(`${h.server.url}/metrics`)).text();
    expect(sample(text, 'spine_consults_finished_total{outcome="recommend-mri"}')).toBe(1);
  });
});
