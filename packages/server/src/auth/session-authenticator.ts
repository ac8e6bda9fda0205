import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { SessionPrincipal } from './principal.js';

/**
 * Resolves a browser session (cookie) to a principal. The dashboard's session module
 * implements it; without one, only API keys authenticate.
 */
export interface SessionAuthenticator {
  /**
   * `null` when the request carries no session cookie; throws `ApiError` for a cookie that
   * names no live session (401) and for CSRF failures. While the address is throttled
   * (`blockedForSeconds` > 0), a cookie this node has not recently seen valid gets the 429
   * before any database work.
   */
  authenticate(c: Context<AppEnv>, blockedForSeconds: number): Promise<SessionPrincipal | null>;
  /** Counts a session this node has just started (sign-in, setup, invitation) as seen valid,
   * so its first request passes an address throttled meanwhile. */
  remember(tokenHash: string): void;
}
