import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import { FailedAuthThrottle, InMemoryRateLimiter, type RateLimiter } from '../auth/rate-limiter.js';
import type { VerificationCache } from '../auth/verification-cache.js';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ReadinessCheck } from '../routes/system/health.js';
import { type KeyInvalidation, LocalKeyInvalidation } from '../services/key-invalidation.js';
import { PostgresKeyInvalidation } from './postgres-key-invalidation.js';
import { connectRedis } from './redis-connections.js';
import { RedisKeyInvalidation, redisInvalidationChannel } from './redis-key-invalidation.js';
import { RedisRateLimiter, RedisWindowCounter } from './redis-rate-limiter.js';

/** How this node learns of other nodes' key changes and shares its counters. */
export type ClusterMode = 'redis' | 'postgres' | 'local';

/** What a node shares with the others, chosen from the configuration. */
export interface Cluster {
  readonly mode: ClusterMode;
  readonly nodeId: string;
  readonly keyInvalidation: KeyInvalidation;
  readonly rateLimiter: RateLimiter;
  readonly failedAuth: FailedAuthThrottle;
  /** Reasons this node should get no traffic, for `/ready`. */
  readonly readinessChecks: readonly ReadinessCheck[];
  close(): Promise<void>;
}

export interface ClusterOptions {
  config: Pick<ServerConfig, 'databaseUrl' | 'redisUrl' | 'redisPrefix' | 'failedAuthLimitPerMin'>;
  database: DatabaseHandle;
  keyCache: VerificationCache;
  logger: Logger;
}

const LISTENER_DOWN = 'key invalidation listener disconnected';

/**
 * `ONEPIN_REDIS_URL` set → Redis pub/sub for invalidation, Redis counters for rate limits and
 * failed authentications. Otherwise, on PostgreSQL → LISTEN/NOTIFY, counters per process. On
 * SQLite (one node) → everything local.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const nodeId = randomUUID();
  if (options.config.redisUrl) return startRedisCluster(options, options.config.redisUrl, nodeId);
  if (options.database.dialect === 'postgres') return startPostgresCluster(options, nodeId);
  return {
    mode: 'local',
    nodeId,
    keyInvalidation: new LocalKeyInvalidation(options.keyCache),
    rateLimiter: new InMemoryRateLimiter(),
    failedAuth: new FailedAuthThrottle(options.config.failedAuthLimitPerMin),
    readinessChecks: [],
    close: async () => {},
  };
}

async function startRedisCluster(
  { config, keyCache, logger }: ClusterOptions,
  redisUrl: string,
  nodeId: string,
): Promise<Cluster> {
  const redis = await connectRedis(redisUrl, logger, `onepin-${nodeId}`);
  const invalidation = new RedisKeyInvalidation({
    publisher: redis.commands,
    subscriber: redis.subscriber,
    channel: redisInvalidationChannel(config.redisPrefix),
    cache: keyCache,
    logger,
    nodeId,
  });
  try {
    await invalidation.start();
  } catch (error) {
    await redis.close();
    throw error;
  }
  const counter = (kind: string) =>
    new RedisWindowCounter({
      redis: redis.commands,
      prefix: `${config.redisPrefix}${kind}:`,
      logger,
    });
  return {
    mode: 'redis',
    nodeId,
    keyInvalidation: invalidation,
    rateLimiter: new RedisRateLimiter(counter('rl')),
    failedAuth: new FailedAuthThrottle(config.failedAuthLimitPerMin, counter('fa')),
    readinessChecks: [
      async () => {
        try {
          await redis.commands.ping();
          return null;
        } catch {
          return 'redis unreachable';
        }
      },
      async () => (invalidation.listening ? null : LISTENER_DOWN),
    ],
    async close() {
      await invalidation.close();
      await redis.close();
    },
  };
}

async function startPostgresCluster(
  { config, keyCache, logger }: ClusterOptions,
  nodeId: string,
): Promise<Cluster> {
  const invalidation = new PostgresKeyInvalidation({
    connectionString: config.databaseUrl,
    cache: keyCache,
    logger,
    nodeId,
  });
  await invalidation.start();
  return {
    mode: 'postgres',
    nodeId,
    keyInvalidation: invalidation,
    rateLimiter: new InMemoryRateLimiter(),
    failedAuth: new FailedAuthThrottle(config.failedAuthLimitPerMin),
    readinessChecks: [async () => (invalidation.listening ? null : LISTENER_DOWN)],
    close: () => invalidation.close(),
  };
}
