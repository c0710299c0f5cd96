/**
 * CDS feedback lands where chat feedback does: the audit trail (`npm run audit`) and /metrics;
 * and nothing identifying the patient, the user or the hook call is stored as sent.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCdsServer, SERVICE_ID, type CdsHarness } from './cdsHarness.js';
import { imagingOrder, orderSelect, orderSign, reason, study } from './cdsRequests.js';

const run = promisify(execFile);
const AUDIT_CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/store/auditCli.ts');
const SERVICE = `/cds-services/${SERVICE_ID}`;
const now = () => new Date().toISOString();

let h: CdsHarness;
let overridden: { uuid: string; overrideReasons: Array<Record<string, string>> };
let accepted: { uuid: string; suggestions: Array<{ uuid: string }> };
let hookInstances: string[] = [];
const statuses: number[] = [];
let metricsText = '';

beforeAll(async () => {
  h = await startCdsServer({ WEB_UI: 'false' });
  const first = orderSelect([imagingOrder('ct-1', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis])]);
  const second = orderSign([imagingOrder('ct-2', study.ctLumbarWithContrast, [reason.discitisCoded])]);
  hookInstances = [first.hookInstance, second.hookInstance];
  overridden = (await h.post(SERVICE, first)).body.cards[0];
  accepted = (await h.post(SERVICE, second)).body.cards[0];
  const availability = overridden.overrideReasons.find((r) => r.code === 'availability')!;
  const post = async (entry: object) => statuses.push((await h.post(`${SERVICE}/feedback`, { feedback: [entry] })).status);
  await post({ card: overridden.uuid, outcome: 'overridden', overrideReason: { reason: availability, userComment: 'MRI 1288992 booked out' }, outcomeTimestamp: now() });
  await post({ card: accepted.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: accepted.suggestions[0].uuid }], outcomeTimestamp: now() });
  // The specification allows the same feedback to arrive again: it is not counted twice.
  await post({ card: accepted.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: accepted.suggestions[0].uuid }], outcomeTimestamp: now() });
  await post({ card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'overridden', outcomeTimestamp: now() });
  await post({ card: accepted.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }], outcomeTimestamp: now() });
  metricsText = await (await fetch(`${h.server.url}/metrics`)).text();
  await h.close();
});
afterAll(async () => { await h.close().catch(() => undefined); });

/** Runs `npm run audit` as an operator would, against the server's DATA_DIR. */
const audit = async (...args: string[]) =>
  (await run(process.execPath, ['--import', 'tsx', AUDIT_CLI, '--since', '2000-01-01', ...args], { env: { ...process.env, DATA_DIR: h.dataDir, DATABASE_URL: '' } })).stdout;

describe('CDS feedback', () => {
  it('answers 200 for recorded (and repeated) feedback, 404 for a card or suggestion it never issued', () => {
    expect(statuses).toEqual([200, 200, 200, 404, 404]);
  });

  it('appears in the audit export: the card\'s consult starting on the outcome, then the feedback', async () => {
    const rows = (await audit('--format', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const pick = (r: Record<string, unknown>) => [r.consult_id, r.event, r.outcome_id, r.channel];
    expect(rows.map(pick)).toEqual([
      [overridden.uuid, 'start', 'recommend-mri', 'cds'],
      [accepted.uuid, 'start', 'recommend-mri', 'cds'],
      [overridden.uuid, 'feedback:something_else:availability', 'recommend-mri', 'cds'],
      [accepted.uuid, 'feedback:as_recommended', 'recommend-mri', 'cds'],
    ]);
    const summary = await audit('--summary');
    expect(summary).toContain('feedback,as_recommended,1\r\n');
    expect(summary).toContain('feedback,something_else:availability,1\r\n');
  });

  it('is counted in /metrics like chat feedback, with the cards by hook and indicator', () => {
    expect(metricsText).toContain('spine_follow_ups_total{event="feedback:something_else:availability"} 1');
    expect(metricsText).toContain('spine_follow_ups_total{event="feedback:as_recommended"} 1');
    expect(metricsText).toContain('spine_cds_cards_total{hook="order-select",indicator="warning"} 1');
    expect(metricsText).toContain('spine_cds_cards_total{hook="order-sign",indicator="warning"} 1');
    expect(metricsText).toContain('spine_consults_started_total{channel="cds"} 2');
    expect(metricsText).toContain('spine_consults_finished_total{outcome="recommend-mri"} 2');
  });

  it('stores no patient id, user id, hookInstance, reason or comment as sent', async () => {
    const stored = readdirSync(h.dataDir).map((f) => readFileSync(join(h.dataDir, f)).toString('latin1')).join('\n');
    const exported = await audit();
    for (const secret of ['1288992', 'PractitionerRole/123', 'Practitioner/example', 'vertebral osteomyelitis', 'booked out', ...hookInstances]) {
      expect(stored).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
    expect(stored.length).toBeGreaterThan(0);
  });
});
