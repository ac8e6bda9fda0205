import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import { Redis } from 'ioredis';
import type { ServerConfig } from '../config.js';
import type { KeyInvalidation } from '../services/key-invalidation.js';
import { notifyKeyChanges } from './postgres-key-invalidation.js';
import {
  PUBLISH_FAILED,
  publishKeyChanges,
  redisInvalidationChannel,
} from './redis-key-invalidation.js';

/** A key invalidation for a process that serves nothing, and what it holds open. */
export interface AdminKeyInvalidation {
  readonly keyInvalidation: KeyInvalidation;
  close(): Promise<void>;
}

/**
 * How an admin command (`onepin-server admin …`) tells the running servers that keys changed.
 * It runs in a process of its own with no cache, so there is nothing to evict here, only
 * nodes to tell, the way the nodes tell each other:
 *
 * - with `ONEPIN_REDIS_URL`, the nodes listen on Redis: publish there after the commit (a
 *   connection is opened only when keys changed);
 * - on PostgreSQL, the nodes LISTEN: `NOTIFY` inside the transaction, delivered on commit;
 * - on SQLite there is one node, in another process, that nothing here can reach. Its cache
 *   holds only keys it verified, so a key made now (`create-key`) is in no cache and needs no
 *   message, and no admin command changes an existing key. Were one to (revoke, say), that
 *   node would serve the old key from memory until the entry's TTL ends
 *   (`ONEPIN_KEY_CACHE_TTL_SECONDS`, 30 s): the bound every node already lives with while its
 *   invalidation channel is down.
 */
export function adminKeyInvalidation(
  config: Pick<ServerConfig, 'redisUrl' | 'redisPrefix'>,
  database: DatabaseHandle,
  warn: (line: string) => void = (line) => console.error(line),
): AdminKeyInvalidation {
  const source = `admin-${randomUUID()}`;
  const redisUrl = config.redisUrl;
  if (redisUrl) {
    let redis: Redis | undefined;
    return {
      keyInvalidation: {
        async invalidate(hashes) {
          if (hashes.length === 0) return;
          redis ??= connectOnce(redisUrl);
          await publishKeyChanges(
            redis,
            redisInvalidationChannel(config.redisPrefix),
            source,
            hashes,
            () => warn(`onepin-server: ${PUBLISH_FAILED}`),
          );
        },
      },
      async close() {
        redis?.disconnect();
      },
    };
  }
  if (database.dialect === 'postgres') {
    return {
      keyInvalidation: {
        announce: (trx, hashes) => notifyKeyChanges(trx, source, hashes),
        invalidate: async () => {},
      },
      close: async () => {},
    };
  }
  return { keyInvalidation: { invalidate: async () => {} }, close: async () => {} };
}

/** A connection for a few PUBLISHes, which gives up rather than reconnect in the background. */
function connectOnce(url: string): Redis {
  const redis = new Redis(url, {
    connectionName: 'onepin-admin',
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  // ioredis also reports a refused connection as an event; the failed publish says it.
  redis.on('error', () => {});
  return redis;
}
