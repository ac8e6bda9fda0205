import { addressBucket } from './address-bucket.js';
import { MinuteCounter } from './rate-limiter.js';

export interface UserCodeThrottleLimits {
  /** Wrong user codes per minute from one address (an IPv6 address counts by its /64). */
  perAddress: number;
  /** Wrong user codes per minute from one signed-in account, wherever it is. */
  perAccount: number;
  /** Wrong user codes per minute on this node, from everyone together. */
  global: number;
}

/**
 * A user code is 8 letters of 20 (about 2.6 × 10^10 codes) and lives 10 minutes. Someone who
 * guesses a pending code could see which device asked, deny it, or approve it into a
 * workspace of theirs, so wrong codes are counted (RFC 8628 §5.1): 10 a minute per address
 * and per account (accounts come only from invitations, so they are scarce), 300 a minute for
 * the whole node. At those rates, with 100 codes pending at all times, the node would let one
 * guess succeed about once in 600 days.
 */
export const DEFAULT_USER_CODE_LIMITS: UserCodeThrottleLimits = {
  perAddress: 10,
  perAccount: 10,
  global: 300,
};

/**
 * Counts wrong user codes typed at the device-approval page, in process memory, in fixed
 * one-minute windows. `blockedFor` refuses before any lookup; only wrong codes count, so a
 * person approving their own device is never held up by their own success.
 */
export class UserCodeThrottle {
  readonly #counter = new MinuteCounter();
  readonly #limits: UserCodeThrottleLimits;

  constructor(limits: Partial<UserCodeThrottleLimits> = {}) {
    this.#limits = { ...DEFAULT_USER_CODE_LIMITS, ...limits };
  }

  /** Seconds until the caller may type a code again, or 0 when they may now. */
  blockedFor(address: string, userId: string, nowMs: number): number {
    const full =
      this.#counter.count(addressKey(address), nowMs) >= this.#limits.perAddress ||
      this.#counter.count(accountKey(userId), nowMs) >= this.#limits.perAccount ||
      this.#counter.count(GLOBAL, nowMs) >= this.#limits.global;
    if (!full) return 0;
    return Math.max(1, Math.ceil((this.#counter.windowEnd(nowMs) - nowMs) / 1000));
  }

  recordFailure(address: string, userId: string, nowMs: number): void {
    this.#counter.add(addressKey(address), nowMs);
    this.#counter.add(accountKey(userId), nowMs);
    this.#counter.add(GLOBAL, nowMs);
  }
}

const GLOBAL = 'g';
const addressKey = (address: string) => `a\n${addressBucket(address)}`;
const accountKey = (userId: string) => `u\n${userId}`;
