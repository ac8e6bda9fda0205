import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import { FailedAuthThrottle, InMemoryRateLimiter, type RateLimiter } from './auth/rate-limiter.js';
import type { SessionAuthenticator } from './auth/session-authenticator.js';
import { UsageRecorder } from './auth/usage-recorder.js';
import { VerificationCache } from './auth/verification-cache.js';
import { createLogger, type Logger } from './logger.js';
import { type KeyInvalidation, LocalKeyInvalidation } from './services/key-invalidation.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Everything the app is built from. `app.ts` never reads the environment: it gets these. */
export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  keyCache: VerificationCache;
  keyInvalidation: KeyInvalidation;
  usage: UsageRecorder;
  rateLimiter: RateLimiter;
  failedAuth: FailedAuthThrottle;
  sessions?: SessionAuthenticator;
  settings: AppSettings;
}

export interface AppSettings {
  publicUrl: string;
  defaultRateLimitPerMin: number;
  trustProxy: boolean;
  /** JSON request bodies above this many bytes get 413. */
  jsonBodyLimitBytes: number;
}

export interface AppDepsOptions extends Partial<Omit<AppDeps, 'settings'>> {
  database: DatabaseHandle;
  settings?: Partial<AppSettings>;
  failedAuthLimitPerMin?: number;
  keyCacheTtlMs?: number;
}

/** Fills in every dependency not given, with the production defaults. */
export function createAppDeps(options: AppDepsOptions): AppDeps {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('silent');
  const keyCache =
    options.keyCache ??
    new VerificationCache({
      ttlMs: options.keyCacheTtlMs ?? 30_000,
      maxEntries: 100_000,
      now: () => clock.now(),
    });
  return {
    database: options.database,
    clock,
    newId: options.newId ?? randomUUID,
    logger,
    keyCache,
    keyInvalidation: options.keyInvalidation ?? new LocalKeyInvalidation(keyCache),
    usage:
      options.usage ??
      new UsageRecorder(options.database, (error) =>
        logger.error({ err: error }, 'last_used_at flush failed'),
      ),
    rateLimiter: options.rateLimiter ?? new InMemoryRateLimiter(),
    failedAuth: options.failedAuth ?? new FailedAuthThrottle(options.failedAuthLimitPerMin ?? 30),
    ...(options.sessions && { sessions: options.sessions }),
    settings: {
      publicUrl: 'http://127.0.0.1:8000',
      defaultRateLimitPerMin: 600,
      trustProxy: false,
      jsonBodyLimitBytes: 1024 * 1024,
      ...options.settings,
    },
  };
}
