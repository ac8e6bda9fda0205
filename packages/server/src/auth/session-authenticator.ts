import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { SessionPrincipal } from './principal.js';

/**
 * Resolves a browser session (cookie) to a principal. The dashboard's session module
 * implements it; without one, only API keys authenticate.
 */
export interface SessionAuthenticator {
  /** `null` when the request carries no valid session. Throws `ApiError` for CSRF failures. */
  authenticate(c: Context<AppEnv>): Promise<SessionPrincipal | null>;
}
