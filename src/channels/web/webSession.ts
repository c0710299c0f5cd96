import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** The cookie that names an anonymous browser session. */
export const SESSION_COOKIE = 'spine_consult_session';

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** An anonymous browser session: the cookie value stays in the browser, only its hash is stored. */
export interface WebSession {
  /** The consult owner id: a hash of the session id, so a store dump cannot replay a session. */
  ownerId: string;
  /** The per-session token every POST must echo back. */
  csrf: string;
}

/** Reads one cookie from the Cookie header (no cookie-parser dependency for one value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Session ids, owner ids and CSRF tokens for one running server. */
export class WebSessions {
  // A per-process key: a restart invalidates open pages' tokens, which only costs a reload.
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  /** The session a request carries, or undefined when it has none (or a malformed one). */
  fromRequest(req: Request): WebSession | undefined {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    return id && SESSION_ID.test(id) ? this.forId(id) : undefined;
  }

  /** The request's session, starting a new one (and setting its cookie) when it has none. */
  ensure(req: Request, res: Response): WebSession {
    const existing = this.fromRequest(req);
    if (existing) return existing;
    const id = randomBytes(32).toString('base64url');
    res.append('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${req.secure ? '; Secure' : ''}`);
    return this.forId(id);
  }

  /** Whether `token` is this session's CSRF token (constant-time). */
  checkCsrf(session: WebSession | undefined, token: unknown): boolean {
    if (!session || typeof token !== 'string') return false;
    const a = Buffer.from(session.csrf);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private forId(id: string): WebSession {
    return {
      ownerId: `web-${createHash('sha256').update(id).digest('base64url').slice(0, 32)}`,
      csrf: createHmac('sha256', this.key).update(`csrf:${id}`).digest('base64url'),
    };
  }
}
