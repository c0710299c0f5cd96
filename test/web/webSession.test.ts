import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { readCookie, SESSION_COOKIE, WebSessions } from '../../src/channels/web/webSession.js';

const req = (cookie?: string) => ({ headers: { cookie }, secure: false }) as unknown as Request;

describe('web sessions', () => {
  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; spine_consult_session=abc; b=2', SESSION_COOKIE)).toBe('abc');
    expect(readCookie('xspine_consult_session=abc', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });

  it('issues a random httpOnly SameSite=Lax cookie once, and derives stable owner and CSRF values from it', () => {
    const sessions = new WebSessions(Buffer.alloc(32, 1));
    const set: string[] = [];
    const res = { append: (_name: string, value: string) => set.push(value) } as unknown as Response;
    const created = sessions.ensure(req(), res);
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(/^spine_consult_session=[\w-]{43}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const again = sessions.ensure(req(set[0]!.split(';')[0]), res);
    expect(set).toHaveLength(1);
    expect(again).toEqual(created);
    expect(sessions.checkCsrf(again, created.csrf)).toBe(true);
    expect(sessions.checkCsrf(again, created.csrf.slice(1))).toBe(false);
    expect(sessions.checkCsrf(undefined, created.csrf)).toBe(false);
    // A cookie signed under another secret names no session here: cookies cannot be minted elsewhere.
    expect(new WebSessions(Buffer.alloc(32, 2)).fromRequest(req(set[0]!.split(';')[0]))).toBeUndefined();
    // The same secret (another instance behind the same URL) accepts it with the same owner and token.
    expect(new WebSessions(Buffer.alloc(32, 1)).fromRequest(req(set[0]!.split(';')[0]))).toEqual(created);
  });

  it('ignores malformed session cookies', () => {
    expect(new WebSessions().fromRequest(req(`${SESSION_COOKIE}=short`))).toBeUndefined();
    expect(new WebSessions().fromRequest(req(`${SESSION_COOKIE}=${'a'.repeat(42)}!`))).toBeUndefined();
  });
});
