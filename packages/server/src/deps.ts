import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import { CookieSessions } from './auth/cookie-sessions.js';
import { PasswordWork } from './auth/password-work.js';
import { FailedAuthThrottle, InMemoryRateLimiter, type RateLimiter } from './auth/rate-limiter.js';
import { ServiceTokenCache } from './auth/service-token-auth.js';
import type { SessionAuthenticator } from './auth/session-authenticator.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { UsageRecorder } from './auth/usage-recorder.js';
import { UserCodeThrottle } from './auth/user-code-throttle.js';
import { VerificationCache } from './auth/verification-cache.js';
import type { BlobStore } from './blob-store/blob-store.js';
import { MemoryBlobStore } from './blob-store/memory.js';
import { DEFAULT_UPLOAD_MAX_BYTES } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { GithubPublicKeys } from './secret-scanning/github-public-keys.js';
import { type KeyInvalidation, LocalKeyInvalidation } from './services/key-invalidation.js';
import { VerifyEventsHub } from './services/verify-events.js';
import type { OutboxSignal } from './services/webhook-outbox.js';
import { UploadUrlSigner } from './uploads/upload-url-signer.js';
import { RateLimitEvents } from './webhooks/rate-limit-events.js';
import { SecretBox } from './webhooks/secret-box.js';

/** How many verified keys a node keeps in memory (about 300 bytes each). */
export const KEY_CACHE_MAX_ENTRIES = 100_000;

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
  /** Verified service tokens (the verify API's callers), following `keyCache`'s evictions. */
  serviceTokens: ServiceTokenCache;
  /** Feeds this node's verify event streams (`GET /api/v1/keys/verify/events`). */
  verifyEvents: VerifyEventsHub;
  usage: UsageRecorder;
  rateLimiter: RateLimiter;
  failedAuth: FailedAuthThrottle;
  /** Dashboard sessions (cookie). */
  sessions: SessionAuthenticator;
  /** Where upload bytes live. */
  blobStore: BlobStore;
  /** Signs the one-time upload URLs with a key derived from the server secret. */
  uploadSigner: UploadUrlSigner;
  /** Failed dashboard sign-ins, per email and address (SPEC §5) and per account. */
  signInThrottle: SignInThrottle;
  /** The bounded queue every argon2 computation of a request goes through. */
  passwordWork: PasswordWork;
  /** Encrypts webhook signing secrets at rest (a key derived from the server secret). */
  webhookSecrets: SecretBox;
  /** Wakes this node's webhook worker after a change wrote events (none in plain tests). */
  outbox?: OutboxSignal;
  /** Fires `api_key.rate_limited` (once per key per minute). */
  rateLimitEvents: RateLimitEvents;
  /** GitHub's secret-scanning public keys; without them the partner endpoint verifies nothing
   * and refuses every report. */
  githubPublicKeys?: GithubPublicKeys;
  /** Wrong device-login user codes, per address, per account and for the node. */
  userCodeThrottle: UserCodeThrottle;
  /** Frozen: what the app was built with stays what it serves with. */
  settings: Readonly<AppSettings>;
}

export interface AppSettings {
  publicUrl: string;
  defaultRateLimitPerMin: number;
  trustProxy: boolean;
  /** JSON request bodies above this many bytes get 413. */
  jsonBodyLimitBytes: number;
  /** The largest upload accepted, in bytes (declared and streamed). */
  uploadMaxBytes: number;
  /** Webhook URLs may name private, loopback and link-local addresses (tests, labs). */
  allowPrivateWebhooks: boolean;
  /** What a GitHub leak report does to a live key. */
  secretScanningAction: 'revoke' | 'notify';
  /** Public revocation requests per client address per minute. */
  publicRevocationLimitPerMin: number;
  /** How often a verify events stream sends `: heartbeat` (15 s; tests use less). */
  verifyEventsHeartbeatMs: number;
  /** How often this node reads new key invalidation events while streams are open, besides
   * being woken by the invalidation fan-out: the safety net (≤ 1 s). */
  verifyEventsPollMs: number;
  /** Verify event streams one service token may hold open on one node. */
  verifyEventsStreamsPerToken: number;
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
      maxEntries: KEY_CACHE_MAX_ENTRIES,
      now: () => clock.now(),
    });
  const settings: Readonly<AppSettings> = Object.freeze({
    publicUrl: 'http://127.0.0.1:8000',
    defaultRateLimitPerMin: 600,
    trustProxy: false,
    jsonBodyLimitBytes: 1024 * 1024,
    uploadMaxBytes: DEFAULT_UPLOAD_MAX_BYTES,
    allowPrivateWebhooks: false,
    secretScanningAction: 'revoke',
    publicRevocationLimitPerMin: 10,
    verifyEventsHeartbeatMs: 15_000,
    verifyEventsPollMs: 1_000,
    verifyEventsStreamsPerToken: 16,
    ...options.settings,
  });
  const newId = options.newId ?? randomUUID;
  const keyInvalidation = options.keyInvalidation ?? new LocalKeyInvalidation(keyCache);
  const deps: Omit<AppDeps, 'rateLimitEvents'> & { rateLimitEvents?: RateLimitEvents } = {
    database: options.database,
    clock,
    newId,
    logger,
    keyCache,
    keyInvalidation,
    serviceTokens: options.serviceTokens ?? new ServiceTokenCache(keyCache, () => clock.now()),
    verifyEvents:
      options.verifyEvents ??
      new VerifyEventsHub({ database: options.database, keyCache, logger, settings }),
    usage:
      options.usage ??
      new UsageRecorder(options.database, (error) =>
        logger.error({ err: error }, 'last_used_at flush failed'),
      ),
    rateLimiter: options.rateLimiter ?? new InMemoryRateLimiter(),
    failedAuth: options.failedAuth ?? new FailedAuthThrottle(options.failedAuthLimitPerMin ?? 30),
    // In memory unless given: main.ts passes a LocalDirectoryBlobStore under the data dir.
    blobStore: options.blobStore ?? new MemoryBlobStore(),
    // A per-process secret unless given: main.ts passes the server secret, so URLs survive restarts.
    uploadSigner: options.uploadSigner ?? new UploadUrlSigner(randomBytes(32)),
    sessions:
      options.sessions ?? new CookieSessions({ database: options.database, clock, settings }),
    signInThrottle: options.signInThrottle ?? new SignInThrottle(),
    passwordWork: options.passwordWork ?? new PasswordWork(),
    userCodeThrottle: options.userCodeThrottle ?? new UserCodeThrottle(),
    // A per-process key unless given: main.ts derives one from the server secret.
    webhookSecrets: options.webhookSecrets ?? new SecretBox(randomBytes(32)),
    ...(options.outbox !== undefined && { outbox: options.outbox }),
    ...(options.githubPublicKeys !== undefined && { githubPublicKeys: options.githubPublicKeys }),
    settings,
  };
  // It reads `deps.outbox` when it writes, so a worker attached later (main.ts) is woken too.
  deps.rateLimitEvents = options.rateLimitEvents ?? new RateLimitEvents(deps, logger);
  return deps as AppDeps;
}
