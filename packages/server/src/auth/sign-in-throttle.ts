import { addressBucket } from './address-bucket.js';

/** Failures counted in one window that starts with the first failure. */
interface Window {
  startMs: number;
  failures: number;
}

export interface SignInThrottleLimits {
  /** Failures for one email from one address before it is refused (SPEC §5: 5). */
  perEmail: number;
  /** Failures from one address over any emails, against password spraying. */
  perAddress: number;
  /**
   * Failures for one email from all addresses together, against guessing one account's
   * password from many addresses. Addresses that signed in to the account before are
   * exempt, so a distributed attack cannot lock its owner out of where they usually work.
   */
  perAccount: number;
  windowMs: number;
  /** How long a successful sign-in makes its address familiar to the account. */
  familiarForMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInThrottleLimits = {
  perEmail: 5,
  perAddress: 50,
  perAccount: 20,
  windowMs: 15 * 60_000,
  familiarForMs: 30 * 24 * 60 * 60_000,
};

/** Past this many tracked entries, expired ones are swept (and the oldest dropped if needed). */
const MAX_TRACKED = 50_000;

/**
 * Throttles failed dashboard sign-ins in process memory (SPEC §5): after 5 failures for one
 * email from one address within 15 minutes, that pair is refused until the window ends. A
 * looser per-address limit stops one address from trying many emails, and a per-account
 * limit stops many addresses from trying one email, since each try costs an argon2
 * verification. Addresses count by `addressBucket` (an IPv6 address by its /64).
 */
export class SignInThrottle {
  readonly #limits: SignInThrottleLimits;
  readonly #windows = new Map<string, Window>();
  /** `address bucket + email` → when that address last signed in to that account. */
  readonly #familiar = new Map<string, number>();

  constructor(limits: Partial<SignInThrottleLimits> = {}) {
    this.#limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  /** Seconds until `email` may be tried again from `address`, or 0 when it may now. */
  blockedFor(address: string, email: string, nowMs: number): number {
    const bucket = addressBucket(address);
    return Math.max(
      this.#blockedFor(emailKey(bucket, email), this.#limits.perEmail, nowMs),
      this.#blockedFor(addressKey(bucket), this.#limits.perAddress, nowMs),
      this.#isFamiliar(bucket, email, nowMs)
        ? 0
        : this.#blockedFor(accountKey(email), this.#limits.perAccount, nowMs),
    );
  }

  recordFailure(address: string, email: string, nowMs: number): void {
    const bucket = addressBucket(address);
    this.#count(emailKey(bucket, email), nowMs);
    this.#count(addressKey(bucket), nowMs);
    this.#count(accountKey(email), nowMs);
  }

  /**
   * A successful sign-in forgets that email's failures from that address and makes the
   * address familiar to the account. The account's own count stays: someone else may be
   * guessing from elsewhere.
   */
  recordSuccess(address: string, email: string, nowMs: number): void {
    const bucket = addressBucket(address);
    this.#windows.delete(emailKey(bucket, email));
    const key = emailKey(bucket, email);
    this.#familiar.delete(key);
    if (this.#familiar.size >= MAX_TRACKED) {
      const oldest = this.#familiar.keys().next().value;
      if (oldest !== undefined) this.#familiar.delete(oldest);
    }
    this.#familiar.set(key, nowMs);
  }

  #isFamiliar(bucket: string, email: string, nowMs: number): boolean {
    const since = this.#familiar.get(emailKey(bucket, email));
    return since !== undefined && nowMs < since + this.#limits.familiarForMs;
  }

  #blockedFor(key: string, limit: number, nowMs: number): number {
    const window = this.#windows.get(key);
    if (window === undefined || window.failures < limit) return 0;
    const endsMs = window.startMs + this.#limits.windowMs;
    return endsMs > nowMs ? Math.ceil((endsMs - nowMs) / 1000) : 0;
  }

  #count(key: string, nowMs: number): void {
    const window = this.#windows.get(key);
    if (window !== undefined && nowMs < window.startMs + this.#limits.windowMs) {
      window.failures++;
      return;
    }
    this.#windows.delete(key);
    if (this.#windows.size >= MAX_TRACKED) this.#sweep(nowMs);
    this.#windows.set(key, { startMs: nowMs, failures: 1 });
  }

  #sweep(nowMs: number): void {
    for (const [key, window] of this.#windows) {
      if (nowMs >= window.startMs + this.#limits.windowMs) this.#windows.delete(key);
    }
    // Still full: drop the oldest windows (a Map iterates in insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED) break;
      this.#windows.delete(key);
    }
  }
}

const emailKey = (bucket: string, email: string) => `e\n${bucket}\n${email}`;
const addressKey = (bucket: string) => `a\n${bucket}`;
const accountKey = (email: string) => `u\n${email}`;
