import type { Redis } from 'ioredis';
import {
  type AsynchronousRateLimiter,
  InMemoryRateLimiter,
  type RateLimitDecision,
  type RateLimiter,
  type SharedWindowCounter,
  WINDOW_MS,
} from '../auth/rate-limiter.js';
import type { Logger } from '../logger.js';

/** INCRBY and, on the first hit of a window, PEXPIRE: one round trip, atomic. */
const INCREMENT_WINDOW = `
local by = tonumber(ARGV[2]) or 1
local count = redis.call('INCRBY', KEYS[1], by)
if count == by then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** A window's counter outlives its window a little, for nodes whose clocks run behind. */
const EXPIRY_SLACK_MS = 10_000;

/** After a failure, Redis is left alone this long, so an outage adds no latency per request. */
const RETRY_AFTER_FAILURE_MS = 1_000;

interface CountingRedis extends Redis {
  onepinIncrementWindow(key: string, expiryMs: number, by: number): Promise<number>;
}

export interface RedisWindowCounterOptions {
  redis: Redis;
  /** Prefix of every counter key, e.g. `onepin:rl:`. */
  prefix: string;
  logger: Logger;
}

/**
 * Counters in fixed one-minute windows aligned to the minute, shared by every node through
 * Redis: the key `{prefix}{bucket}:{windowStart}` names the same window on every node whose
 * clock is right. `increment` resolves to `undefined` when Redis cannot answer, and the caller
 * falls back to counting in process: an outage never fails a request (logged once).
 */
export class RedisWindowCounter implements SharedWindowCounter {
  readonly #redis: CountingRedis;
  readonly #prefix: string;
  readonly #logger: Logger;
  #pausedUntil = 0;
  #failing = false;

  constructor(options: RedisWindowCounterOptions) {
    if (!('onepinIncrementWindow' in options.redis)) {
      options.redis.defineCommand('onepinIncrementWindow', {
        numberOfKeys: 1,
        lua: INCREMENT_WINDOW,
      });
    }
    this.#redis = options.redis as CountingRedis;
    this.#prefix = options.prefix;
    this.#logger = options.logger;
  }

  /** Adds `by` (one) to the bucket's current window and returns the new count. */
  async increment(bucket: string, nowMs: number, by = 1): Promise<number | undefined> {
    if (nowMs < this.#pausedUntil || this.#redis.status !== 'ready') {
      this.#fail(nowMs);
      return undefined;
    }
    const windowStart = nowMs - (nowMs % WINDOW_MS);
    try {
      const count = await this.#redis.onepinIncrementWindow(
        `${this.#prefix}${bucket}:${windowStart}`,
        windowStart + WINDOW_MS - nowMs + EXPIRY_SLACK_MS,
        by,
      );
      if (this.#failing) {
        this.#failing = false;
        this.#logger.info('Redis counters are back: rate limits are shared again');
      }
      return count;
    } catch (error) {
      this.#fail(nowMs, error);
      return undefined;
    }
  }

  #fail(nowMs: number, error?: unknown): void {
    if (error !== undefined) this.#pausedUntil = nowMs + RETRY_AFTER_FAILURE_MS;
    if (this.#failing) return;
    this.#failing = true;
    this.#logger.warn(
      { err: error },
      'Redis counters unavailable: counting rate limits in this process until Redis is back',
    );
  }
}

/** The per-key rate limiter shared by all nodes (SPEC §4); per process while Redis is down. */
export class RedisRateLimiter implements AsynchronousRateLimiter {
  readonly synchronous = false;
  readonly #counter: RedisWindowCounter;
  readonly #fallback: RateLimiter;

  constructor(counter: RedisWindowCounter, fallback: RateLimiter = new InMemoryRateLimiter()) {
    this.#counter = counter;
    this.#fallback = fallback;
  }

  async consume(bucket: string, limit: number, nowMs: number, by = 1): Promise<RateLimitDecision> {
    const count = await this.#counter.increment(bucket, nowMs, by);
    if (count === undefined) return this.#fallback.consume(bucket, limit, nowMs, by);
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      resetAtMs: nowMs - (nowMs % WINDOW_MS) + WINDOW_MS,
    };
  }
}
