import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, invalidApiKey } from '../api-error.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from './client-address.js';
import type { ApiKeyPrincipal, SessionPrincipal } from './principal.js';
import type { SessionAuthenticator } from './session-authenticator.js';
import type { VerifiedKey } from './verified-key.js';
import { verifyApiKeyFromCache, verifyApiKeyInDatabase } from './verify-api-key.js';

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
    const address = clientAddress(c, settings.trustProxy);
    const blockedFor = failedAuth.blockedFor(address, now);
    if (blockedFor > 0) {
      throw new ApiError('RATE_LIMITED', 'Too many failed authentication attempts.', {
        headers: { 'Retry-After': String(blockedFor) },
      });
    }

    const authorization = headers.get('authorization');
    if (authorization === null) {
      const session = await authenticateSession(sessions, c, () =>
        failedAuth.recordFailure(address, now),
      );
      if (session === null) throw invalidApiKey();
      c.set('principal', session);
      return next();
    }

    const token = BEARER.exec(authorization)?.[1];
    let key: VerifiedKey | null | undefined = null;
    if (token !== undefined) {
      key = verifyApiKeyFromCache(token, now, deps.keyCache);
      // Only a key the cache could not decide costs an await (a cached one, none at all).
      if (key === undefined) key = await verifyApiKeyInDatabase(token, now, deps);
    }
    if (key === null) {
      failedAuth.recordFailure(address, now);
      throw invalidApiKey();
    }

    const limit = key.rateLimitPerMin ?? settings.defaultRateLimitPerMin;
    // Counting in process answers at once, with no await; a shared counter (Redis) cannot.
    const decision = rateLimiter.synchronous
      ? rateLimiter.consume(key.id, limit, now)
      : await rateLimiter.consume(key.id, limit, now);
    // Every response from here on carries the X-RateLimit-* headers (see jsonResponse).
    c.set('rateLimit', decision);
    if (!decision.allowed) {
      const resetSeconds = Math.ceil(decision.resetAtMs / 1000);
      throw new ApiError('RATE_LIMITED', `Rate limit of ${limit} requests per minute exceeded.`, {
        headers: { 'Retry-After': String(Math.max(1, resetSeconds - Math.floor(now / 1000))) },
      });
    }

    const workspaceHeader = headers.get('x-workspace-id');
    if (workspaceHeader !== null && workspaceHeader !== key.workspaceId) {
      throw new ApiError('WORKSPACE_MISMATCH');
    }

    usage.record(key.id, now);
    c.set('principal', principalOf(key));
    return next();
  };
}

/** A session, or `null` without a session cookie. A cookie that names no live session is a
 * failed authentication like a bad key: it counts towards the address's throttle. */
async function authenticateSession(
  sessions: SessionAuthenticator,
  c: Context<AppEnv>,
  recordFailure: () => void,
): Promise<SessionPrincipal | null> {
  try {
    return await sessions.authenticate(c);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) recordFailure();
    throw error;
  }
}

// One principal per verified key, made on first use: a cached key's requests allocate nothing.
const principals = new WeakMap<VerifiedKey, ApiKeyPrincipal>();

function principalOf(key: VerifiedKey): ApiKeyPrincipal {
  let principal = principals.get(key);
  if (principal === undefined) {
    principal = Object.freeze({
      kind: 'api_key',
      key,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName,
      environment: key.keyType,
      scopes: key.scopes,
      userId: key.createdBy,
    });
    principals.set(key, principal);
  }
  return principal;
}
