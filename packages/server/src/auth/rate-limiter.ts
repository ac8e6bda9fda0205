import { addressBucket } from './address-bucket.js';

/** The outcome of counting one request against a per-minute limit. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, epoch ms. */
  resetAtMs: number;
}

/**
 * Counts requests per bucket in fixed one-minute windows. In process by default, answering at
 * once (`synchronous`), so the request path awaits nothing; the Redis implementation shares
 * the counts between nodes and answers with a promise.
 */
export type RateLimiter = SynchronousRateLimiter | AsynchronousRateLimiter;

/** `count` (default 1) is how many requests to count at once: the verify API's usage reports
 * consume what a remote verifier counted locally. */
export interface SynchronousRateLimiter {
  readonly synchronous: true;
  consume(bucket: string, limit: number, nowMs: number, count?: number): RateLimitDecision;
}

export interface AsynchronousRateLimiter {
  readonly synchronous: false;
  consume(bucket: string, limit: number, nowMs: number, count?: number): Promise<RateLimitDecision>;
}

export const WINDOW_MS = 60_000;

/**
 * Fixed windows aligned to the minute, so every bucket's window ends together: when a new
 * minute starts the whole map is dropped at once, and memory never outgrows one minute's callers.
 */
export class MinuteCounter {
  #windowStart = Number.NEGATIVE_INFINITY;
  #counts = new Map<string, number>();

  /** Adds `by` to the bucket and returns the count in the current window. */
  add(bucket: string, nowMs: number, by = 1): number {
    this.#roll(nowMs);
    const count = (this.#counts.get(bucket) ?? 0) + by;
    this.#counts.set(bucket, count);
    return count;
  }

  count(bucket: string, nowMs: number): number {
    this.#roll(nowMs);
    return this.#counts.get(bucket) ?? 0;
  }

  /** Raises the bucket to `count` if that is more, unless `nowMs` lies in an older window
   * (a late answer from a shared counter). */
  raise(bucket: string, nowMs: number, count: number): void {
    if (nowMs - (nowMs % WINDOW_MS) !== this.#windowStart) return;
    if (count > (this.#counts.get(bucket) ?? 0)) this.#counts.set(bucket, count);
  }

  windowEnd(nowMs: number): number {
    return nowMs - (nowMs % WINDOW_MS) + WINDOW_MS;
  }

  #roll(nowMs: number): void {
    const start = nowMs - (nowMs % WINDOW_MS);
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#counts = new Map();
    }
  }
}

/** The per-process rate limiter. */
export class InMemoryRateLimiter implements SynchronousRateLimiter {
  readonly synchronous = true;
  readonly #counter = new MinuteCounter();

  consume(bucket: string, limit: number, nowMs: number, by = 1): RateLimitDecision {
    const count = this.#counter.add(bucket, nowMs, by);
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      resetAtMs: this.#counter.windowEnd(nowMs),
    };
  }
}

/** A counter shared between nodes (Redis); `undefined` when it cannot answer. */
export interface SharedWindowCounter {
  increment(bucket: string, nowMs: number, by?: number): Promise<number | undefined>;
}

/**
 * Throttles failed authentications per client address, before any database work (SPEC §5).
 * The check is always in memory; with a shared counter, each failure is also counted across
 * nodes in the background, so an attacker spreading guesses over the nodes gets no more tries.
 */
export class FailedAuthThrottle {
  readonly #counter = new MinuteCounter();
  readonly #limit: number;
  readonly #shared: SharedWindowCounter | undefined;

  constructor(limitPerMinute: number, shared?: SharedWindowCounter) {
    this.#limit = limitPerMinute;
    this.#shared = shared;
  }

  /** Seconds until the address (its /64 for IPv6) may try again, or 0 when it is not blocked. */
  blockedFor(address: string, nowMs: number): number {
    if (this.#counter.count(addressBucket(address), nowMs) < this.#limit) return 0;
    return Math.max(1, Math.ceil((this.#counter.windowEnd(nowMs) - nowMs) / 1000));
  }

  recordFailure(address: string, nowMs: number): void {
    const bucket = addressBucket(address);
    this.#counter.add(bucket, nowMs);
    this.#shared?.increment(bucket, nowMs).then(
      (count) => {
        if (count !== undefined) this.#counter.raise(bucket, nowMs, count);
      },
      () => {},
    );
  }
}
