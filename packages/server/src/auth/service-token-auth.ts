import { parseServiceToken, SERVICE_TOKEN_LENGTH } from '@onepin/core';
import { type DatabaseHandle, findLiveServiceTokenByHash } from '@onepin/db';
import type { MiddlewareHandler } from 'hono';
import { ApiError, tooManyFailedAuthentications } from '../api-error.js';
import type { AppSettings, Clock } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from './client-address.js';
import type { FailedAuthThrottle } from './rate-limiter.js';
import { sha256Hex } from './sha256.js';
import type { UsageRecorder } from './usage-recorder.js';
import type { VerificationCache } from './verification-cache.js';

/** The caller of the verify API: one of the operator's own services. */
export interface ServiceTokenPrincipal {
  readonly kind: 'service_token';
  readonly id: string;
  readonly name: string;
}

/** What the verify endpoints answer to anything that is not a live service token. */
export const SERVICE_TOKEN_REQUIRED = 'This endpoint takes a service token (op_svc_…).';

export function serviceTokenRequired(): ApiError {
  return new ApiError('INVALID_API_KEY', SERVICE_TOKEN_REQUIRED, {
    headers: { 'WWW-Authenticate': 'Bearer realm="onepin"' },
  });
}

/**
 * How long a verified service token is served from memory. Revocation evicts it at once on
 * every node (`revokeServiceTokenById` goes through the keys' invalidation fan-out, which this
 * cache follows); the TTL only bounds what a node that missed the fan-out (a listener that was
 * down, an admin command on SQLite, which has no fan-out) can serve after a revocation.
 */
export const SERVICE_TOKEN_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  principal: ServiceTokenPrincipal;
  expiresAt: number;
}

/**
 * Service tokens by SHA-256, like the keys' verification cache: a token seen in the last few
 * seconds costs no database work. It listens to the keys' cache (`onInvalidate`): a revoked
 * token's hash travels the same fan-out as a revoked key's, and a cleared key cache (a
 * listener that reconnected and may have missed messages) clears this one too.
 */
export class ServiceTokenCache {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #ttlMs: number;
  #generation = 0;

  constructor(keyCache: VerificationCache, now: () => number, ttlMs = SERVICE_TOKEN_CACHE_TTL_MS) {
    this.#now = now;
    this.#ttlMs = ttlMs;
    keyCache.onInvalidate((hashes) => {
      if (hashes === null) this.clear();
      else this.evict(hashes);
    });
  }

  get generation(): number {
    return this.#generation;
  }

  get(hash: string): ServiceTokenPrincipal | undefined {
    const entry = this.#entries.get(hash);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.principal;
  }

  /** Stores unless an eviction happened since `generation` was read (a revocation racing the
   * lookup must win). */
  setIfCurrent(hash: string, principal: ServiceTokenPrincipal, generation: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(hash, { principal, expiresAt: this.#now() + this.#ttlMs });
  }

  evict(hashes: Iterable<string>): void {
    this.#generation++;
    for (const hash of hashes) this.#entries.delete(hash);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const BEARER = /^Bearer +(\S+) *$/i;

export interface ServiceTokenAuthDeps {
  database: DatabaseHandle;
  clock: Clock;
  failedAuth: FailedAuthThrottle;
  serviceTokens: ServiceTokenCache;
  usage: UsageRecorder;
  settings: Readonly<Pick<AppSettings, 'trustProxy'>>;
}

/**
 * The credential check of the verify API (`AuthRule` `service-token`): a Bearer `op_svc_…`,
 * from memory when seen recently; anything else — no credential, an API key, a session, a
 * revoked or unknown token — gets 401 `INVALID_API_KEY` with `SERVICE_TOKEN_REQUIRED`. Off the
 * cache, the failed-authentication throttle answers first (429 before any lookup), then the
 * shape and checksum (no lookup for a malformed token), then the database; each miss counts
 * against the address like a bad key. Leaves `serviceToken` on the context.
 */
export function authenticateServiceToken(deps: ServiceTokenAuthDeps): MiddlewareHandler<AppEnv> {
  const { clock, failedAuth, serviceTokens, usage, settings, database } = deps;
  return async (c, next) => {
    const now = clock.now();
    const authorization = c.req.raw.headers.get('authorization');
    const token = authorization === null ? undefined : BEARER.exec(authorization)?.[1];
    const hash = token?.length === SERVICE_TOKEN_LENGTH ? sha256Hex(token) : null;
    let principal = hash === null ? undefined : serviceTokens.get(hash);
    if (principal === undefined) {
      const address = clientAddress(c, settings.trustProxy);
      const blockedFor = failedAuth.blockedFor(address, now);
      if (blockedFor > 0) throw tooManyFailedAuthentications(blockedFor);
      if (token !== undefined && hash !== null && parseServiceToken(token) !== null) {
        const generation = serviceTokens.generation;
        const row = await findLiveServiceTokenByHash(database.db, hash);
        if (row !== undefined) {
          principal = Object.freeze({ kind: 'service_token', id: row.id, name: row.name });
          serviceTokens.setIfCurrent(hash, principal, generation);
        }
      }
      if (principal === undefined) {
        failedAuth.recordFailure(address, now);
        throw serviceTokenRequired();
      }
    }
    usage.recordServiceToken(principal.id, now);
    c.set('serviceToken', principal);
    return next();
  };
}
