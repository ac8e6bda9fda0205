import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../deps.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { completeHeaders } from './response-headers.js';
import type { RouteGuards } from './route-guards.js';
import type { SecurityHeaders } from './security-headers.js';

export interface RequestContextOptions {
  clock: Clock;
  logger: Logger;
  /** Left on the context for the response's headers. */
  securityHeaders: SecurityHeaders;
  /** Left on the context for the routes' guards. */
  routeGuards: RouteGuards;
}

/** The public API's one path that carries a secret: `/workspaces/invites/{token}/accept`. */
const TOKEN_IN_PATH = /(\/workspaces\/+invites\/+)[^/]+/i;

/**
 * The path as the access log writes it: an invitation token in the path (the public API's
 * accept route, or a near miss of it) is replaced, since the link stays usable until accepted.
 */
export function loggablePath(path: string): string {
  return path.replace(TOKEN_IN_PATH, '$1[redacted]');
}

/**
 * Gives every request an id (on the context, in `X-Request-Id` and in the log line), sees that
 * every response carries it and the security headers, and logs one line when it ends. JSON
 * responses come with all their headers already (`jsonResponse`), and `completeHeaders` knows
 * them without reading their `headers`, which would build a `Headers` object for nothing; any
 * other response gets what it lacks after the route.
 *
 * The path is logged without its query string: keys never travel in URLs, but nothing
 * guarantees a caller knows that (and the logger redacts anything key-shaped anyway).
 */
export function requestContext(options: RequestContextOptions): MiddlewareHandler<AppEnv> {
  const { clock, logger, securityHeaders, routeGuards } = options;
  // The access line holds the fields below and nothing else, none of them a credential by
  // name, so it skips the logger's redaction by field path: with wildcard paths every field
  // went through the redactor, 5 µs a line (npm run bench). Anything key-shaped, a key pasted
  // into a path say, is still hidden by the logger's hook on every line it writes.
  const accessLog = logger.child({}, { redact: [] });
  return async (c, next) => {
    const started = clock.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('securityHeaders', securityHeaders);
    c.set('routeGuards', routeGuards);
    await next();
    completeHeaders(c);
    if (accessLog.isLevelEnabled('info')) {
      const principal = c.get('principal');
      accessLog.info({
        request_id: requestId,
        method: c.req.method,
        path: loggablePath(c.req.path),
        status: c.res.status,
        ms: clock.now() - started,
        ...(principal && { workspace_id: principal.workspaceId }),
        ...(principal?.kind === 'api_key' && { api_key_id: principal.key.id }),
      });
    }
  };
}
