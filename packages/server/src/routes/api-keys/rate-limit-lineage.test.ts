import { randomBytes } from 'node:crypto';
import { dialectAvailable, type TestDialect, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import { connectRedis, type RedisConnections } from '../../cluster/redis-connections.js';
import { RedisRateLimiter, RedisWindowCounter } from '../../cluster/redis-rate-limiter.js';
import { createLogger } from '../../logger.js';
import { worldPerSuite } from '../../test-support/world.js';

const redisUrl = process.env.ONEPIN_TEST_REDIS_URL?.trim() || undefined;
const silent = createLogger('silent');

/**
 * Rotation keeps the old key's rate-limit count for the new key: the limit follows the key's
 * lineage, not its id (issue #11, Medium), with the in-process limiter and with Redis.
 */
function lineageSuite(dialect: TestDialect, limiter: () => RateLimiter | undefined) {
  const suite = worldPerSuite(dialect, {
    get rateLimiter() {
      return limiter();
    },
  });
  const { run } = suite;

  const whoami = (plaintext: string) =>
    suite.world.call('GET', '/api/v1/auth/whoami', { key: plaintext });

  run(
    'rotation keeps the old key’s rate-limit count: rotating cannot reset a spent budget',
    async () => {
      const { world } = suite;
      const workspace = await world.createWorkspace();
      const admin = await world.signIn(workspace);
      const old = await world.createKey(workspace, { rateLimitPerMin: 3 });
      for (let i = 0; i < 3; i++) expect((await whoami(old.plaintext)).status).toBe(200);
      expect((await whoami(old.plaintext)).status).toBe(429);

      const rotated = await world.call('PATCH', `/api/v1/api-keys/${old.id}/rotate`, {
        session: admin,
        body: { grace_period_seconds: 600 },
      });
      expect(rotated.status).toBe(200);
      const fresh = rotated.body.data.new_key.api_key as string;
      const limited = await whoami(fresh);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      // The old key, in its grace period, shares the same spent budget.
      expect((await whoami(old.plaintext)).status).toBe(429);

      // The next minute, the lineage starts afresh.
      world.clock.advance(60_000);
      expect((await whoami(fresh)).status).toBe(200);
    },
  );

  run('a key and its replacement in the grace period share one budget', async () => {
    const { world } = suite;
    world.clock.advance(60_000);
    const workspace = await world.createWorkspace();
    const admin = await world.signIn(workspace);
    const old = await world.createKey(workspace, { rateLimitPerMin: 4 });
    const rotated = await world.call('PATCH', `/api/v1/api-keys/${old.id}/rotate`, {
      session: admin,
      body: { grace_period_seconds: 600 },
    });
    const fresh = rotated.body.data.new_key.api_key as string;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await whoami(old.plaintext)).status, (await whoami(fresh)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
}

describe.each(testDialects)('$name: rate limits by lineage, in process', (dialect) => {
  lineageSuite(dialect, () => undefined);
});

describe.skipIf(!redisUrl).each(testDialects)('$name: rate limits by lineage, Redis', (dialect) => {
  let redis: RedisConnections | undefined;
  const prefix = `onepin-test-${randomBytes(6).toString('hex')}:rl:`;
  beforeAll(async () => {
    if (dialectAvailable(dialect))
      redis = await connectRedis(redisUrl as string, silent, 'lineage');
  });
  afterAll(async () => redis?.close());
  lineageSuite(dialect, () => {
    if (!redis) return undefined;
    const counter = new RedisWindowCounter({ redis: redis.commands, prefix, logger: silent });
    // No in-process fallback: a Redis failure must fail the test, not pass it quietly.
    const fallback: RateLimiter = {
      synchronous: true,
      consume() {
        throw new Error('Redis did not answer');
      },
    };
    return new RedisRateLimiter(counter, fallback);
  });

  it.skipIf(!dialectAvailable(dialect))('counted those requests in Redis', async () => {
    const counters = await redis?.commands.keys(`${prefix}*`);
    expect(counters?.length).toBeGreaterThan(0);
  });
});
