import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../deps.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { applySecurityHeaders, type SecurityHeaders } from './security-headers.js';

/**
 * Gives every request an id (on the context, in `X-Request-Id` and in the log line), adds
 * the security headers to every response, and logs one line when it ends. The path is logged
 * without its query string: keys never travel in URLs, but nothing guarantees a caller knows
 * that (and the logger redacts anything key-shaped anyway).
 */
export function requestContext(
  clock: Clock,
  logger: Logger,
  securityHeaders: SecurityHeaders,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = clock.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    try {
      applySecurityHeaders(c.res.headers, c.req.path, securityHeaders);
    } catch {
      // A response with immutable headers (one passed through from fetch): copy it first.
      c.res = new Response(c.res.body, c.res);
      applySecurityHeaders(c.res.headers, c.req.path, securityHeaders);
    }
    if (logger.isLevelEnabled('info')) {
      const principal = c.get('principal');
      logger.info({
        request_id: requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: clock.now() - started,
        ...(principal && { workspace_id: principal.workspaceId }),
        ...(principal?.kind === 'api_key' && { api_key_id: principal.key.id }),
      });
    }
  };
}
