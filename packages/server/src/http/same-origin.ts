import type { Context } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppSettings } from '../deps.js';
import type { AppEnv } from './app-env.js';

/**
 * Refuses a cross-site request to an operation that has no session yet to carry a CSRF
 * token (sign-in, setup, accepting an invitation), so another site cannot sign a visitor in
 * to an account of its choosing. Browsers send `Origin` with every such POST; it must be
 * the server's public origin or match the `Host` the request was sent to — a host the app has
 * already checked is the server's own (`assertBrowserHost`, against DNS rebinding). Requests
 * without `Origin` (command-line clients) are not browsers and pass.
 */
export function assertSameOrigin(c: Context<AppEnv>, settings: AppSettings): void {
  const origin = c.req.header('origin');
  if (origin === undefined || origin === new URL(settings.publicUrl).origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` and other opaque origins are cross-site.
  }
  if (host === undefined || host !== c.req.header('host')) {
    throw new ApiError('CSRF_FAILED', 'Cross-site request refused.');
  }
}
