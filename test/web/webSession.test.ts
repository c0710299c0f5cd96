import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { readCookie, SESSION_COOKIE, WebSessions } from '../../src/channels/web/webSession.js';

const req = (cookie?: string, secure = false) => ({ headers: { cookie }, secure }) as unknown as Request;

/** A response that records the headers appended to it. */
const recorder = () => {
  const headers: Array<[string, string]> = [];
  const res = { append: (name: string, value: string) => headers.push([name, value]) } as unknown as Response;
  return { res, headers };
};

/** A session cookie as the browser sends it back (`name=value`), from the Set-Cookie header. */
const sentBack = (setCookie: string) => setCookie.split(';')[0]!;

describe('web sessions', () => {
  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; spine_consult_session=abc; b=2', SESSION_COOKIE)).toBe('abc');
    expect(readCookie('spine_consult_session = abc ;b=2', SESSION_COOKIE)).toBe('abc');
    expect(readCookie('xspine_consult_session=abc', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });

  it('reads a part without "=" as no cookie at all', () => {
    expect(readCookie('spine_consult_session1', SESSION_COOKIE)).toBeUndefined();
  });

  it('issues a random httpOnly SameSite=Lax cookie once, and derives stable owner and CSRF values from it', () => {
    const sessions = new WebSessions(Buffer.alloc(32, 1));
    const { res, headers } = recorder();
    const created = sessions.ensure(req(), res);
    expect(headers).toHaveLength(1);
    const [name, value] = headers[0]!;
    expect(name).toBe('Set-Cookie');
    expect(value).toMatch(/^spine_consult_session=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const again = sessions.ensure(req(sentBack(value)), res);
    expect(headers).toHaveLength(1);
    expect(again).toEqual(created);
    expect(sessions.checkCsrf(again, created.csrf)).toBe(true);
    expect(sessions.checkCsrf(again, created.csrf.slice(1))).toBe(false);
    expect(sessions.checkCsrf(undefined, created.csrf)).toBe(false);
    // A cookie signed under another secret names no session here: cookies cannot be minted elsewhere.
    expect(new WebSessions(Buffer.alloc(32, 2)).fromRequest(req(sentBack(value)))).toBeUndefined();
    // The same secret (another instance behind the same URL) accepts it with the same owner and token.
    expect(new WebSessions(Buffer.alloc(32, 1)).fromRequest(req(sentBack(value)))).toEqual(created);
  });

  it('marks the cookie Secure when the request came over HTTPS', () => {
    const { res, headers } = recorder();
    new WebSessions().ensure(req(undefined, true), res);
    expect(headers[0]![1]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('keeps accepting cookies across releases: owner id and CSRF token are fixed functions of the secret and session id', () => {
    // Known answer for SESSION_SECRET = 32 bytes of 0x01 and a session id of 43 "A"s. Changing the key
    // derivation would sign everyone out on upgrade and mix consult owners, so it is pinned here.
    const id = 'A'.repeat(43);
    const sessions = new WebSessions(Buffer.alloc(32, 1));
    const cookie = `${SESSION_COOKIE}=${id}.${SIGNED_MAC}`;
    expect(sessions.fromRequest(req(cookie))).toEqual({ ownerId: OWNER_ID, csrf: CSRF_TOKEN });
  });

  it('ignores malformed session cookies, and anything around a signed value', () => {
    const sessions = new WebSessions(Buffer.alloc(32, 1));
    const { res, headers } = recorder();
    sessions.ensure(req(), res);
    const signed = sentBack(headers[0]![1]).slice(SESSION_COOKIE.length + 1);
    expect(sessions.fromRequest(req(`${SESSION_COOKIE}=${signed}`))).toBeDefined();
    expect(sessions.fromRequest(req(`${SESSION_COOKIE}=x${signed}`))).toBeUndefined();
    expect(sessions.fromRequest(req(`${SESSION_COOKIE}=${signed}x`))).toBeUndefined();
    expect(new WebSessions().fromRequest(req(`${SESSION_COOKIE}=short`))).toBeUndefined();
    expect(new WebSessions().fromRequest(req(`${SESSION_COOKIE}=${'a'.repeat(42)}!`))).toBeUndefined();
  });

  it('takes the CSRF token only as a string: the same bytes sent another way are refused', () => {
    const sessions = new WebSessions();
    const session = sessions.ensure(req(), recorder().res);
    expect(sessions.checkCsrf(session, session.csrf)).toBe(true);
    expect(sessions.checkCsrf(session, [...Buffer.from(session.csrf)])).toBe(false);
  });
});

// Computed once with node:crypto from the documented scheme: HKDF-SHA256(secret, salt "spine-consult",
// info "web session cookie" / "web csrf token"), HMAC-SHA256 of the id (CSRF: of "csrf:<id>"), base64url.
const SIGNED_MAC = 'uMFqynjYQLg2TDETu1P9Bmb4ERvLCxd9K-de9gEiCio';
const OWNER_ID = 'web-DwBzhbb51LfusnSGBa_hqYSgo7-j8BTQ';
const CSRF_TOKEN = 'yl1ap2ybsdz12GFFj8VDv_612uUDGsqCW_mR9r4UrQE';
