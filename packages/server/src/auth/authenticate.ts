import type { MiddlewareHandler } from 'hono';
import { ApiError, invalidApiKey } from '../api-error.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from './client-address.js';
import type { ApiKeyPrincipal } from './principal.js';
import { verifyApiKey } from './verify-api-key.js';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Resolves the caller to a `principal` or answers 401/403/429 (SPEC §4). The order matters:
 * throttled addresses are refused before any lookup, every bad key gets the same 401, and
 * the rate limit counts every authenticated request.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { clock, failedAuth, rateLimiter, usage, sessions, settings } = deps;

  return async (c, next) => {
    const now = clock.now();
    const headers = c.req.raw.headers;
    const authorization = headers.get('authorization');

    if (authorization === null && sessions) {
      const session = await sessions.authenticate(c);
      if (session) {
        c.set('principal', session);
        return next();
      }
    }

    const address = clientAddress(c, settings.trustProxy);
    const blockedFor = failedAuth.blockedFor(address, now);
    if (blockedFor > 0) {
      throw new ApiError('RATE_LIMITED', 'Too many failed authentication attempts.', {
        headers: { 'Retry-After': String(blockedFor) },
      });
    }
    if (authorization === null) throw invalidApiKey();

    const token = BEARER.exec(authorization)?.[1];
    const key = token === undefined ? null : await verifyApiKey(token, now, deps);
    if (key === null) {
      failedAuth.recordFailure(address, now);
      throw invalidApiKey();
    }

    const limit = key.rateLimitPerMin ?? settings.defaultRateLimitPerMin;
    const decision = await rateLimiter.consume(key.id, limit, now);
    const resetSeconds = Math.ceil(decision.resetAtMs / 1000);
    c.header('X-RateLimit-Limit', String(decision.limit));
    c.header('X-RateLimit-Remaining', String(decision.remaining));
    c.header('X-RateLimit-Reset', String(resetSeconds));
    if (!decision.allowed) {
      throw new ApiError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded.`, {
        headers: { 'Retry-After': String(Math.max(1, resetSeconds - Math.floor(now / 1000))) },
      });
    }

    const workspaceHeader = headers.get('x-workspace-id');
    if (workspaceHeader !== null && workspaceHeader !== key.workspaceId) {
      throw new ApiError('WORKSPACE_MISMATCH');
    }

    usage.record(key.id, now);
    const principal: ApiKeyPrincipal = {
      kind: 'api_key',
      key,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName,
      environment: key.keyType,
      scopes: key.scopes,
      userId: key.createdBy,
    };
    c.set('principal', principal);
    return next();
  };
}
