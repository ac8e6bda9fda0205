import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailedAuthThrottle } from '../auth/rate-limiter.js';
import { createLogger } from '../logger.js';
import { eventually } from '../test-support/cached-key.js';
import { connectRedis, type RedisConnections } from './redis-connections.js';
import { RedisRateLimiter, RedisWindowCounter } from './redis-rate-limiter.js';

const redisUrl = process.env.ONEPIN_TEST_REDIS_URL?.trim() || undefined;
const silent = createLogger('silent');
/** 10 s into a minute, far from this run's real windows. */
const T0 = Date.parse('2031-03-04T05:06:10.000Z');

describe.skipIf(!redisUrl)('Redis counters', () => {
  const prefix = `onepin-test-${randomBytes(6).toString('hex')}:rl:`;
  let nodeA: RedisConnections;
  let nodeB: RedisConnections;

  beforeAll(async () => {
    nodeA = await connectRedis(redisUrl as string, silent, 'rl-test-a');
    nodeB = await connectRedis(redisUrl as string, silent, 'rl-test-b');
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
  });

  const limiter = (node: RedisConnections) =>
    new RedisRateLimiter(new RedisWindowCounter({ redis: node.commands, prefix, logger: silent }));

  it('shares one count per key and minute between nodes', async () => {
    const [a, b] = [limiter(nodeA), limiter(nodeB)];
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await (i % 2 ? b : a).consume('key-1', 3, T0 + i));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[0]?.resetAtMs).toBe(Date.parse('2031-03-04T05:07:00.000Z'));
    // Another key, and the next minute, start from zero.
    expect((await a.consume('key-2', 3, T0)).remaining).toBe(2);
    expect((await b.consume('key-1', 3, T0 + 60_000)).remaining).toBe(2);
  });

  it('consumes several at once (verify usage reports), the remainder floored at 0', async () => {
    const [a, b] = [limiter(nodeA), limiter(nodeB)];
    expect((await a.consume('many', 10, T0, 4)).remaining).toBe(6);
    expect((await b.consume('many', 10, T0, 1)).remaining).toBe(5);
    const over = await a.consume('many', 10, T0, 50);
    expect([over.allowed, over.remaining]).toEqual([false, 0]);
    const windowStart = T0 - (T0 % 60_000);
    // The first hit of the window set its expiry even when it counted more than one.
    expect(await nodeA.commands.pttl(`${prefix}many:${windowStart}`)).toBeGreaterThan(0);
  });

  it('lets exactly the limit through in a concurrent burst', async () => {
    const [a, b] = [limiter(nodeA), limiter(nodeB)];
    const decisions = await Promise.all(
      Array.from({ length: 25 }, (_, i) => (i % 2 ? b : a).consume('burst', 10, T0)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('expires each window’s counter soon after the window ends', async () => {
    await limiter(nodeA).consume('ttl', 5, T0);
    const windowStart = T0 - (T0 % 60_000);
    const ttl = await nodeA.commands.pttl(`${prefix}ttl:${windowStart}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts failed authentications across nodes, off the request path', async () => {
    const counter = (node: RedisConnections) =>
      new RedisWindowCounter({ redis: node.commands, prefix: `${prefix}fa:`, logger: silent });
    const now = Date.now();
    const a = new FailedAuthThrottle(5, counter(nodeA));
    const b = new FailedAuthThrottle(5, counter(nodeB));
    for (let i = 0; i < 3; i++) a.recordFailure('203.0.113.9', now);
    for (let i = 0; i < 2; i++) b.recordFailure('203.0.113.9', now);
    // Each node alone saw fewer than 5; together they saw 5, and the node whose failure was
    // the fifth blocks the address (the other one at its next failure).
    const blocked = (throttle: FailedAuthThrottle, address: string) =>
      throttle.blockedFor(address, now) > 0;
    await eventually(() => blocked(a, '203.0.113.9') || blocked(b, '203.0.113.9'));
    expect(blocked(a, '203.0.113.10') || blocked(b, '203.0.113.10')).toBe(false);
  });
});

describe('RedisRateLimiter without Redis', () => {
  it('counts in process, logs the outage once, and never fails the request', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    // Never connected: the status is not 'ready', so nothing is sent.
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
    const limiter = new RedisRateLimiter(new RedisWindowCounter({ redis, prefix: 'x:', logger }));
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limiter.consume('key', 2, T0));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(lines.filter((line) => line.includes('Redis counters unavailable'))).toHaveLength(1);
    redis.disconnect();
  });
});
