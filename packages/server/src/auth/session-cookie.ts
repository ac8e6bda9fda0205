import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { AppSettings } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * The session cookie. Behind https it takes the `__Host-` prefix, which browsers only
 * accept from a secure origin with `Path=/` and no `Domain`, so no sibling subdomain can
 * plant or overwrite it.
 */
export function sessionCookieName(settings: Pick<AppSettings, 'publicUrl'>): string {
  return isHttps(settings) ? '__Host-onepin_session' : 'onepin_session';
}

function isHttps(settings: Pick<AppSettings, 'publicUrl'>): boolean {
  return settings.publicUrl.startsWith('https:');
}

/** A new session token: 256 bits from the CSPRNG. Only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function readSessionCookie(c: Context<AppEnv>, settings: AppSettings): string | undefined {
  const token = getCookie(c, sessionCookieName(settings));
  // A token we issued is 43 base64url characters; anything else is not worth a lookup.
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** Sets the session cookie on the response: left on the context, where the response's
 * headers are made (`jsonResponse`). */
export function writeSessionCookie(
  c: Context<AppEnv>,
  settings: AppSettings,
  token: string,
  maxAgeSeconds: number,
): void {
  c.set(
    'setCookie',
    generateCookie(sessionCookieName(settings), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(settings),
      maxAge: maxAgeSeconds,
    }),
  );
}

/** Removes the session cookie from the browser, the same way. */
export function clearSessionCookie(c: Context<AppEnv>, settings: AppSettings): void {
  c.set(
    'setCookie',
    generateCookie(sessionCookieName(settings), '', {
      path: '/',
      secure: isHttps(settings),
      maxAge: 0,
    }),
  );
}

/** The `Set-Cookie` value that removes the session cookie, for error responses. */
export function expiredSessionCookie(settings: AppSettings): string {
  const secure = isHttps(settings) ? '; Secure' : '';
  return `${sessionCookieName(settings)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * The CSRF token of a session: an HMAC of the session token. Nothing extra is stored, it
 * cannot be computed without the (HttpOnly) cookie, and it reveals nothing about the cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('onepin:csrf:v1').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, presented: string | null): boolean {
  if (presented === null) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
