import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** The cookie that names an anonymous browser session. */
export const SESSION_COOKIE = 'spine_consult_session';

/** `<session id>.<server's MAC of it>`: 43 base64url characters each. */
const SIGNED_SESSION = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** An anonymous browser session: the cookie value stays in the browser, only its hash is stored. */
export interface WebSession {
  /** The consult owner id: a hash of the session id, so a store dump cannot replay a session. */
  ownerId: string;
  /** The per-session token every POST must echo back. */
  csrf: string;
}

/** Reads one cookie from the Cookie header (no cookie-parser dependency for one value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  // Stryker disable next-line ArrayDeclaration: with no header, parts holding no "name=value" give no cookie either
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    // Stryker disable next-line EqualityOperator: at eq 0 the cookie name is empty, and no name we read is empty
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Session cookies and CSRF tokens keyed by SESSION_SECRET: every instance with the same secret
 * accepts the others' cookies and forms. Only cookies this server signed name a session; any
 * other value (made up, or signed under another secret) starts a new one.
 */
export class WebSessions {
  private readonly cookieKey: Buffer;
  private readonly csrfKey: Buffer;

  /** `secret`: SESSION_SECRET (or the development secret kept in DATA_DIR); random keys when omitted (tests). */
  constructor(secret: Buffer = randomBytes(32)) {
    // Separate keys per purpose, so a cookie MAC can never be replayed as a CSRF token.
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'spine-consult', info, 32));
    this.cookieKey = derive('web session cookie');
    this.csrfKey = derive('web csrf token');
  }

  /** The session a request carries, or undefined when it has none (or one this server did not sign). */
  fromRequest(req: Request): WebSession | undefined {
    // Stryker disable next-line StringLiteral: any stand-in for a missing cookie that is not a signed session fails the match alike
    const match = SIGNED_SESSION.exec(readCookie(req.headers.cookie, SESSION_COOKIE) ?? '');
    return match && equal(match[2]!, this.mac(match[1]!)) ? this.forId(match[1]!) : undefined;
  }

  /** The request's session, starting a new one (and setting its cookie) when it has none. */
  ensure(req: Request, res: Response): WebSession {
    const existing = this.fromRequest(req);
    if (existing) return existing;
    const id = randomBytes(32).toString('base64url');
    res.append('Set-Cookie', `${SESSION_COOKIE}=${id}.${this.mac(id)}; Path=/; HttpOnly; SameSite=Lax${req.secure ? '; Secure' : ''}`);
    return this.forId(id);
  }

  /** Whether `token` is this session's CSRF token (constant-time). */
  checkCsrf(session: WebSession | undefined, token: unknown): boolean {
    return !!session && typeof token === 'string' && equal(session.csrf, token);
  }

  private mac(id: string): string {
    return createHmac('sha256', this.cookieKey).update(id).digest('base64url');
  }

  private forId(id: string): WebSession {
    return {
      ownerId: `web-${createHash('sha256').update(id).digest('base64url').slice(0, 32)}`,
      csrf: createHmac('sha256', this.csrfKey).update(`csrf:${id}`).digest('base64url'),
    };
  }
}
