/**
 * Who may call the CDS endpoints: EHRs with a JWT signed by a key from their configured JWK Set
 * (served here by a real HTTP server), loopback callers in development without CDS_CLIENTS,
 * and nobody in production without it.
 */
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { startCdsServer, SERVICE_ID, type CdsHarness } from './cdsHarness.js';
import { imagingOrder, orderSelect, reason, study } from './cdsRequests.js';

const PUBLIC_URL = 'https://cds.example.org';
const SERVICE = `/cds-services/${SERVICE_ID}`;
const ISS_A = 'https://ehr-a.example.com/';
const ISS_B = 'https://ehr-b.example.com/';
const ctForDiscitis = () => orderSelect([imagingOrder('ct-1', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis])]);

/** A JWK Set served over HTTP, as an EHR publishes its public keys. */
async function serveJwks(keys: JWK[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/jwks.json`, server };
}

interface Signer { privateKey: CryptoKey; jwk: JWK }
async function signer(kid: string): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' } };
}

/** A client JWT as the specification's example has it; `over` changes claims or header fields. */
async function token(key: Signer, aud: string, over: { iss?: string; exp?: number; iat?: number; jti?: string; kid?: string; jku?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant: '2ddd6c3a-8e9a-44c6-a305-52111ad302a2' })
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: over.kid ?? key.jwk.kid!, ...(over.jku ? { jku: over.jku } : {}) })
    .setIssuer(over.iss ?? ISS_A).setAudience(aud).setIssuedAt(over.iat ?? now).setExpirationTime(over.exp ?? now + 300)
    .setJti(over.jti ?? randomUUID())
    .sign(key.privateKey);
}
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe('with CDS_CLIENTS: client JWTs', () => {
  let h: CdsHarness;
  let a: Signer;
  let b: Signer;
  let jwksA: { url: string; server: Server };
  let jwksB: { url: string; server: Server };
  beforeAll(async () => {
    [a, b] = [await signer('ehr-a-key'), await signer('ehr-b-key')];
    [jwksA, jwksB] = [await serveJwks([a.jwk]), await serveJwks([b.jwk])];
    h = await startCdsServer({
      PUBLIC_URL, WEB_UI: 'false',
      CDS_CLIENTS: JSON.stringify([{ iss: ISS_A, jwksUrl: jwksA.url }, { iss: ISS_B, jwksUrl: jwksB.url }]),
    });
  });
  afterAll(async () => {
    await h.close();
    jwksA.server.close();
    jwksB.server.close();
  });

  it('a valid token for the endpoint called is accepted (discovery, service)', async () => {
    expect((await h.get('/cds-services', bearer(await token(a, `${PUBLIC_URL}/cds-services`)))).status).toBe(200);
    const res = await h.post(SERVICE, ctForDiscitis(), bearer(await token(a, `${PUBLIC_URL}${SERVICE}`)));
    expect(res.status).toBe(200);
    expect(res.body.cards.map((c: { indicator: string }) => c.indicator)).toEqual(['warning']);
  });

  it('a forged token (same kid, signed by another key) is 401', async () => {
    const forger = await signer('ehr-a-key');
    const res = await h.post(SERVICE, ctForDiscitis(), bearer(await token(forger, `${PUBLIC_URL}${SERVICE}`)));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it.each([
    ['no token', /missing Authorization/, async () => ({})],
    ['a token for another endpoint (aud)', /"aud"/, async () => bearer(await token(a, `${PUBLIC_URL}/cds-services`))],
    ['an expired token', /"exp"/, async () => bearer(await token(a, `${PUBLIC_URL}${SERVICE}`, { iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) - 60 }))],
    ['an untrusted issuer', /issuer is not a trusted/, async () => bearer(await token(a, `${PUBLIC_URL}${SERVICE}`, { iss: 'https://evil.example.com/' }))],
    ['a jku other than the configured JWK Set', /jku/, async () => bearer(await token(a, `${PUBLIC_URL}${SERVICE}`, { jku: 'https://evil.example.com/jwks.json' }))],
    ['issuer A signed with issuer B\'s key', /ERR_JWKS_NO_MATCHING_KEY|SIGNATURE/, async () => bearer(await token(b, `${PUBLIC_URL}${SERVICE}`, { iss: ISS_A }))],
    ['an HMAC (symmetric) token', /ERR_JOSE_ALG_NOT_ALLOWED/, async () => bearer(await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'ehr-a-key' }).setIssuer(ISS_A)
      .setAudience(`${PUBLIC_URL}${SERVICE}`).setIssuedAt().setExpirationTime('5m').setJti(randomUUID()).sign(new TextEncoder().encode('a'.repeat(32))))],
    ['not a JWT', /not a JWT/, async () => ({ authorization: 'Bearer not-a-jwt' })],
  ])('%s is 401, saying why', async (_name, why, headers) => {
    const res = await h.post(SERVICE, ctForDiscitis(), await headers());
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(why);
  });

  it('a replayed token (same jti) is refused the second time', async () => {
    const jwt = await token(a, `${PUBLIC_URL}${SERVICE}`);
    expect((await h.post(SERVICE, ctForDiscitis(), bearer(jwt))).status).toBe(200);
    const again = await h.post(SERVICE, ctForDiscitis(), bearer(jwt));
    expect(again.status).toBe(401);
    expect(again.body.error).toMatch(/jti/);
  });

  it('feedback is bound to the client the card was issued to', async () => {
    const card = (await h.post(SERVICE, ctForDiscitis(), bearer(await token(a, `${PUBLIC_URL}${SERVICE}`)))).body.cards[0];
    const feedback = { feedback: [{ card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() }] };
    const fromB = await h.post(`${SERVICE}/feedback`, feedback, bearer(await token(b, `${PUBLIC_URL}${SERVICE}/feedback`, { iss: ISS_B })));
    expect(fromB.status).toBe(404);
    const fromA = await h.post(`${SERVICE}/feedback`, feedback, bearer(await token(a, `${PUBLIC_URL}${SERVICE}/feedback`)));
    expect(fromA.status).toBe(200);
  });
});

describe('configuration', () => {
  const start = (env: Record<string, string>) =>
    startServer(loadConfig({ DATA_DIR: tempDataDir(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ENABLED: 'false', ...env }));

  it('CDS_CLIENTS without PUBLIC_URL refuses to start (the audience could not be checked)', async () => {
    await expect(start({ CDS_CLIENTS: JSON.stringify([{ iss: ISS_A, jwksUrl: 'https://ehr-a.example.com/jwks' }]) })).rejects.toThrow(/PUBLIC_URL: missing/);
  });

  it('malformed CDS_CLIENTS refuses to start, naming the field', async () => {
    await expect(start({ PUBLIC_URL, CDS_CLIENTS: '[{"iss":"x"}]' })).rejects.toThrow(/CDS_CLIENTS: 0\.jwksUrl/);
    await expect(start({ PUBLIC_URL, CDS_CLIENTS: 'not json' })).rejects.toThrow(/CDS_CLIENTS: must be JSON/);
  });
});

describe('NODE_ENV=production without CDS_CLIENTS', () => {
  let h: CdsHarness;
  beforeAll(async () => { h = await startCdsServer({ NODE_ENV: 'production', WEB_UI: 'false' }); });
  afterAll(async () => { await h.close(); });

  it('refuses discovery, service calls and feedback, even from this machine', async () => {
    const refused = [
      await h.get('/cds-services'),
      await h.post(SERVICE, ctForDiscitis()),
      await h.post(`${SERVICE}/feedback`, { feedback: [] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(refused[0].body.error).toMatch(/CDS_CLIENTS/);
  });
});

const externalAddress = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;

describe('development without CDS_CLIENTS: loopback only', () => {
  let h: CdsHarness;
  beforeAll(async () => { h = await startCdsServer({ HOST: '0.0.0.0', WEB_UI: 'false' }); });
  afterAll(async () => { await h.close(); });

  it('answers this machine', async () => {
    expect((await h.post(SERVICE, ctForDiscitis())).status).toBe(200);
  });

  it('refuses a request relayed by a proxy (X-Forwarded-For)', async () => {
    expect((await h.post(SERVICE, ctForDiscitis(), { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
  });

  it.skipIf(!externalAddress)('refuses a caller on another address', async () => {
    const res = await fetch(`http://${externalAddress}:${h.server.port}${SERVICE}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ctForDiscitis()),
    });
    expect(res.status).toBe(403);
  });
});
