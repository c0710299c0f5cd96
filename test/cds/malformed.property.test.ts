/**
 * Whatever an EHR (or anyone on this machine) posts, the CDS endpoints answer 200 or a 4xx with a
 * reason - never a 500. Bodies are arbitrary JSON and spec-shaped requests with random parts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCdsServer, SERVICE_ID, type CdsHarness } from './cdsHarness.js';
import { imagingOrder, orderSelect, orderSign, reason, study } from './cdsRequests.js';

let h: CdsHarness;
beforeAll(async () => { h = await startCdsServer({ WEB_UI: 'false' }); });
afterAll(async () => { await h.close(); });

const SERVICE = `/cds-services/${SERVICE_ID}`;
const valid = () => [
  orderSelect([imagingOrder('ct-1', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis])]),
  orderSign([imagingOrder('ct-2', study.ctThoracicTextOnly, [reason.discitisCoded]), imagingOrder('mri-1', study.mriLumbarWwo)]),
];

/** Replaces the value at a random path of `value` with `replacement`. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as unknown as Record<string, unknown> : { ...(value as Record<string, unknown>) };
  copy[key] = mutate(copy[key], path.slice(1), replacement);
  return copy;
}

const answered = (status: number, body: { error?: unknown; cards?: unknown }) =>
  (status === 200 && Array.isArray(body.cards)) || (status === 400 && typeof body.error === 'string' && body.error.length > 0);

describe('malformed hook calls', () => {
  it('arbitrary JSON bodies get 400 with a reason', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (body) => {
      const res = await h.post(SERVICE, body);
      expect(answered(res.status, res.body ?? {})).toBe(true);
    }), { numRuns: 60 });
  });

  it('spec-shaped requests with one part replaced get 200 or 400, never 500', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.jsonValue({ maxDepth: 2 }),
      async (which, path, replacement) => {
        const res = await h.post(SERVICE, mutate(valid()[which], path, replacement));
        expect(answered(res.status, res.body ?? {})).toBe(true);
      },
    ), { numRuns: 150 });
  });

  it('feedback with one part replaced gets 200, 400 or 404, never 500', async () => {
    const body = { feedback: [{ card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'overridden', overrideReason: { reason: { code: 'other', system: 'urn:x' } }, outcomeTimestamp: '2026-01-01T00:00:00Z' }] };
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), async (path, replacement) => {
      const res = await h.post(`${SERVICE}/feedback`, mutate(body, path, replacement));
      expect([200, 400, 404]).toContain(res.status);
    }), { numRuns: 80 });
  });
});
