import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOT, CONVERSATIONS, OWNER, SERVICE_URL, startTeamsBot, type TeamsTestBot } from './teamsHarness.js';

const APP_ID = '00000000-0000-4000-8000-000000000001';
const KID = 'test-signing-key';
const OPENID = 'https://login.botframework.com';

/** A Bot Framework channel token, signed the way the Bot Connector signs them (RS256, kid, serviceurl claim). */
function channelToken(key: KeyObject, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: KID });
  const body = b64({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...claims });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}

// A conversationUpdate needs no reply, so only the inbound token check is exercised.
const installed = () => ({
  type: 'conversationUpdate', id: 'f:1', serviceUrl: SERVICE_URL, channelId: 'msteams', from: OWNER,
  recipient: BOT, conversation: CONVERSATIONS.personal, membersAdded: [BOT], channelData: { tenant: { id: 'tenant-1' } },
});

describe('Bot Framework tokens with MicrosoftAppId set', () => {
  let bot: TeamsTestBot;
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  beforeAll(async () => {
    bot = await startTeamsBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret' });
    // The Bot Connector's published signing keys, endorsed for the msteams channel.
    const jwk = signing.publicKey.export({ format: 'jwk' });
    nock(OPENID).persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: `${OPENID}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
  });
  afterAll(async () => { await bot.close(); });

  it('accepts a correctly signed request', async () => {
    const res = await bot.post(installed(), { authorization: `Bearer ${channelToken(signing.privateKey)}` });
    expect(res.status).toBe(200);
  });

  it.each([
    ['signed with another key', () => channelToken(stranger.privateKey)],
    ['for another app id', () => channelToken(signing.privateKey, { aud: '11111111-0000-4000-8000-000000000002' })],
    ['from another issuer', () => channelToken(signing.privateKey, { iss: 'https://evil.example' })],
    ['for another serviceUrl', () => channelToken(signing.privateKey, { serviceurl: 'http://attacker.test/' })],
    ['expired', () => channelToken(signing.privateKey, { exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('rejects a token %s with 401', async (_name, token) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await bot.post(installed(), { authorization: `Bearer ${token()}` });
      expect(res.status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
  });
});
