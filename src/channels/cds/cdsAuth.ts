import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ConfigError, type Config } from '../../config/config.js';

/** One trusted CDS client (EHR): its JWT issuer and the JWK Set URL its keys are published at. */
export interface CdsClient {
  iss: string;
  jwksUrl: string;
}

const ClientsSchema = z.array(z.strictObject({ iss: z.string().trim().min(1), jwksUrl: z.url({ protocol: /^https?$/ }) })).min(1);

/** How the CDS endpoints accept callers, from configuration. */
export type CdsAccess =
  | { mode: 'jwt'; clients: CdsClient[]; publicUrl: string }
  /** Development without CDS_CLIENTS: unauthenticated, loopback callers only. */
  | { mode: 'loopback' }
  /** Production without CDS_CLIENTS: every CDS request is refused. */
  | { mode: 'off' };

/** Reads CDS_CLIENTS and PUBLIC_URL; throws ConfigError naming what is wrong. */
export function cdsAccess(config: Config): CdsAccess {
  if (!config.CDS_CLIENTS) return config.NODE_ENV === 'production' ? { mode: 'off' } : { mode: 'loopback' };
  let json: unknown;
  try {
    json = JSON.parse(config.CDS_CLIENTS);
  } catch {
    throw new ConfigError('CDS_CLIENTS: must be JSON, e.g. [{"iss":"https://ehr.example.org","jwksUrl":"https://ehr.example.org/jwks.json"}]');
  }
  const clients = ClientsSchema.safeParse(json);
  if (!clients.success) {
    throw new ConfigError(`CDS_CLIENTS: ${clients.error.issues.map((i) => `${i.path.join('.') || '(list)'}: ${i.message}`).join('; ')}`);
  }
  if (!config.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL: missing: required with CDS_CLIENTS (the JWT audience is this service\'s public URL, e.g. https://cds.example.org)');
  }
  return { mode: 'jwt', clients: clients.data, publicUrl: config.PUBLIC_URL };
}

/** The outcome of a token check: the calling issuer, or the status and reason to refuse with. */
export type TokenCheck = { ok: true; issuer: string } | { ok: false; status: 401 | 503; reason: string };

// The specification forbids `none` and symmetric (HMAC) algorithms; it recommends ES384 and RS384.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const MAX_TOKEN_AGE_S = 300;
const CLOCK_TOLERANCE_S = 30;
const MAX_REMEMBERED = 100_000;

/**
 * Checks CDS clients' JWTs (specification: "Trusting CDS Clients"): an allow-listed `iss`, a
 * signature by a key from that issuer's configured JWK Set (a `jku` header must name that same
 * URL; no other URL is ever fetched), `kid` and `typ: JWT`, `aud` equal to the endpoint called,
 * `exp`, `iat` no older than five minutes, and a `jti` never seen before from that issuer.
 */
export class CdsTokenChecker {
  private readonly keys = new Map<string, JWTVerifyGetKey>();
  /** `iss jti` -> time (ms) after which the token is expired anyway and the entry can go. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly clients: CdsClient[], private readonly now: () => Date = () => new Date()) {
    for (const c of clients) this.keys.set(c.iss, createRemoteJWKSet(new URL(c.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 }));
  }

  /** Checks `Authorization: Bearer <jwt>` for a call to one of `audiences` (the endpoint's URLs). */
  async check(header: string | undefined, audiences: string[]): Promise<TokenCheck> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'missing Authorization: Bearer <JWT>' };
    let iss: string | undefined;
    let jku: unknown;
    let kid: unknown;
    try {
      iss = decodeJwt(token).iss;
      ({ jku, kid } = decodeProtectedHeader(token));
    } catch {
      return { ok: false, status: 401, reason: 'the bearer token is not a JWT' };
    }
    const client = this.clients.find((c) => c.iss === iss);
    if (!client) return { ok: false, status: 401, reason: 'the token issuer is not a trusted CDS client' };
    if (typeof kid !== 'string' || !kid) return { ok: false, status: 401, reason: 'the token header has no kid' };
    if (jku !== undefined && jku !== client.jwksUrl) return { ok: false, status: 401, reason: 'the token jku is not the JWK Set configured for its issuer' };
    try {
      const { payload } = await jwtVerify(token, this.keys.get(client.iss)!, {
        issuer: client.iss, audience: audiences, algorithms: ALGORITHMS, typ: 'JWT',
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'], maxTokenAge: MAX_TOKEN_AGE_S,
        clockTolerance: CLOCK_TOLERANCE_S, currentDate: this.now(),
      });
      if (!this.remember(`${client.iss} ${payload.jti}`, payload.exp!)) return { ok: false, status: 401, reason: 'the token jti was already used (replay)' };
      return { ok: true, issuer: client.iss };
    } catch (err) {
      return refusal(err);
    }
  }

  /** Records a jti until its token expires; false when it was already there. */
  private remember(key: string, exp: number): boolean {
    const now = this.now().getTime();
    if ((this.seen.get(key) ?? 0) > now) return false;
    if (this.seen.size >= MAX_REMEMBERED) for (const [k, until] of this.seen) if (until <= now) this.seen.delete(k);
    const maxAgeEnd = now + (MAX_TOKEN_AGE_S + CLOCK_TOLERANCE_S) * 1000;
    this.seen.set(key, Math.min(exp * 1000 + CLOCK_TOLERANCE_S * 1000, maxAgeEnd));
    return true;
  }
}

/** A token that fails its checks is 401; keys that cannot be fetched right now are 503 (the EHR may retry). */
function refusal(err: unknown): TokenCheck {
  if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError) || err.code === 'ERR_JOSE_GENERIC') {
    return { ok: false, status: 503, reason: 'the CDS client\'s signing keys cannot be fetched right now' };
  }
  if (err instanceof errors.JWTClaimValidationFailed || err instanceof errors.JWTExpired) {
    return { ok: false, status: 401, reason: `token claim "${err.claim}" not accepted: ${err.reason}` };
  }
  return { ok: false, status: 401, reason: `token not accepted: ${err.code}` };
}
