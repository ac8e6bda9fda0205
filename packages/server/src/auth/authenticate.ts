import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, invalidApiKey, tooManyFailedAuthentications } from '../api-error.js';
import type { AppDeps, AppSettings } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from './client-address.js';
import { principalOfKey, type SessionPrincipal } from './principal.js';
import type { FailedAuthThrottle } from './rate-limiter.js';
import type { SessionAuthenticator } from './session-authenticator.js';
import type { VerifiedKey } from './verified-key.js';
import { verifyCachedApiKey, verifyUncachedApiKey } from './verify-api-key.js';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Resolves the caller to a `principal` or answers 401/403/429 (SPEC §4). The order matters:
 * a key in the verification cache is served at once, without a promise or an allocation;
 * anything else from an address the failed-authentication throttle blocks is refused before
 * any lookup (valid sessions this node has seen recently excepted: see RecentSessions), every
 * bad key gets the same 401, and the rate limit counts every authenticated request.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { clock, failedAuth, keyCache, rateLimiter, usage, sessions, settings, rateLimitEvents } =
    deps;

  /** Everything but a cache hit: the throttle, then the checksum and the database. */
  async function verifyOffCache(
    c: Context<AppEnv>,
    token: string | undefined,
    hash: string | null,
    now: number,
  ): Promise<VerifiedKey> {
    const address = clientAddress(c, settings.trustProxy);
    const blockedFor = failedAuth.blockedFor(address, now);
    if (blockedFor > 0) throw tooManyFailedAuthentications(blockedFor);
    const key =
      token === undefined || hash === null
        ? null
        : await verifyUncachedApiKey(token, hash, now, deps);
    if (key === null) {
      failedAuth.recordFailure(address, now);
      throw invalidApiKey();
    }
    return key;
  }

  return async (c, next) => {
    const now = clock.now();
    const headers = c.req.raw.headers;
    const authorization = headers.get('authorization');
    if (authorization === null) {
      c.set('principal', await authenticateSession(c, sessions, failedAuth, settings, now));
      return next();
    }

    const token = BEARER.exec(authorization)?.[1];
    const cached = token === undefined ? null : verifyCachedApiKey(token, now, keyCache);
    // A cached key is answered synchronously: awaiting it anyway would cost a microtask.
    const key =
      typeof cached === 'object' && cached !== null
        ? cached
        : await verifyOffCache(c, token, cached, now);

    const limit = key.rateLimitPerMin ?? settings.defaultRateLimitPerMin;
    // Counted per lineage, not per key id: a rotated key inherits its predecessor's count.
    // Counting in process answers at once, with no await; a shared counter (Redis) cannot.
    const decision = rateLimiter.synchronous
      ? rateLimiter.consume(key.lineageId, limit, now)
      : await rateLimiter.consume(key.lineageId, limit, now);
    // Every response from here on carries the X-RateLimit-* headers (see jsonResponse).
    c.set('rateLimit', decision);
    if (!decision.allowed) {
      // In the background, at most once per key per minute: the 429 does not wait for it.
      rateLimitEvents.announce(key, limit, now);
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
    c.set('principal', principalOfKey(key));
    return next();
  };
}

/**
 * The session of a request without an `Authorization` header, or a 401. A cookie that names no
 * live session is a failed authentication like a bad key: it counts towards the address's
 * throttle. A throttled address keeps only the sessions this node has recently seen valid.
 */
async function authenticateSession(
  c: Context<AppEnv>,
  sessions: SessionAuthenticator,
  failedAuth: FailedAuthThrottle,
  settings: AppSettings,
  now: number,
): Promise<SessionPrincipal> {
  const address = clientAddress(c, settings.trustProxy);
  const blockedFor = failedAuth.blockedFor(address, now);
  let session: SessionPrincipal | null = null;
  try {
    session = await sessions.authenticate(c, blockedFor);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) failedAuth.recordFailure(address, now);
    throw error;
  }
  if (session !== null) return session;
  if (blockedFor > 0) throw tooManyFailedAuthentications(blockedFor);
  throw invalidApiKey();
}
