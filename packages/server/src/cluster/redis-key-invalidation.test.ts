import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { VerificationCache } from '../auth/verification-cache.js';
import { createLogger } from '../logger.js';
import { cacheKey, eventually } from '../test-support/cached-key.js';
import { connectRedis, type RedisConnections } from './redis-connections.js';
import { RedisKeyInvalidation } from './redis-key-invalidation.js';

const redisUrl = process.env.ONEPIN_TEST_REDIS_URL?.trim() || undefined;
const hash = () => randomBytes(32).toString('hex');

/** Kills one of this test's connections by name: the Redis server is shared, so never more. */
async function killConnection(redis: RedisConnections, name: string): Promise<void> {
  const list = String(await redis.commands.call('CLIENT', 'LIST'));
  const id = list
    .split('\n')
    .find((line) => line.includes(` name=${name} `))
    ?.match(/\bid=(\d+)/)?.[1];
  if (id === undefined) throw new Error(`no Redis connection named ${name}`);
  await redis.commands.call('CLIENT', 'KILL', 'ID', id);
}

describe.skipIf(!redisUrl)('RedisKeyInvalidation (pub/sub)', () => {
  // The Redis server is shared: a channel of this run's own.
  const channel = `onepin-test-${randomBytes(6).toString('hex')}:key-invalidation`;
  const cleanups: Array<() => Promise<void>> = [];

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function startNode(name: string) {
    const connectionName = `${name}-${randomBytes(4).toString('hex')}`;
    const redis: RedisConnections = await connectRedis(
      redisUrl as string,
      createLogger('silent'),
      connectionName,
    );
    const cache = new VerificationCache({ ttlMs: 60_000, maxEntries: 1_000, now: Date.now });
    const invalidation = new RedisKeyInvalidation({
      publisher: redis.commands,
      subscriber: redis.subscriber,
      channel,
      cache,
      logger: createLogger('silent'),
    });
    await invalidation.start();
    cleanups.push(async () => {
      await invalidation.close();
      await redis.close();
    });
    return { cache, invalidation, redis, connectionName };
  }

  it('evicts locally at once and on the other nodes through the channel', async () => {
    const a = await startNode('a');
    const b = await startNode('b');
    const h = hash();
    cacheKey(a.cache, h);
    cacheKey(b.cache, h);
    await a.invalidation.invalidate([h]);
    expect(a.cache.get(h)).toBeUndefined();
    await eventually(() => b.cache.get(h) === undefined, 1_000, 'eviction on node B');
  });

  it('delivers batches of any size', async () => {
    const a = await startNode('a');
    const b = await startNode('b');
    const hashes = Array.from({ length: 250 }, hash);
    for (const h of hashes) cacheKey(b.cache, h);
    await a.invalidation.invalidate(hashes);
    await eventually(() => b.cache.size === 0, 2_000, 'eviction of 250 keys');
  });

  it('re-subscribes after its connection is killed, and clears its cache', async () => {
    const a = await startNode('a');
    const b = await startNode('b');
    const h = hash();
    cacheKey(b.cache, h);
    await killConnection(a.redis, `${b.connectionName}-subscriber`);
    await eventually(() => b.invalidation.listening && b.cache.size === 0, 5_000, 'resubscription');
    const after = hash();
    cacheKey(b.cache, after);
    await a.invalidation.invalidate([after]);
    await eventually(() => b.cache.get(after) === undefined, 1_000, 'eviction after reconnecting');
  });

  it('still evicts locally and answers when publishing fails', async () => {
    const a = await startNode('a');
    const h = hash();
    cacheKey(a.cache, h);
    a.redis.commands.disconnect();
    await expect(a.invalidation.invalidate([h])).resolves.toBeUndefined();
    expect(a.cache.get(h)).toBeUndefined();
  });
});
